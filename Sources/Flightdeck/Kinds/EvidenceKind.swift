import FlightdeckCharts

/// One kind of evidence a release folder can hold (test results, a rollout, sign-offs…), declared once:
/// its files, how to read them, what to compute, how it weighs in the verdict and which charts show it.
///
/// Each kind is a caseless enum in `Kinds/<Kind>/<Kind>Kind.swift`, listed once in `Registry.kinds`. The
/// pipeline reads, analyses, judges and draws every kind through these members; nothing else lists kinds
/// (see docs/architecture.md, "How to add a data kind").
protocol EvidenceKind: SendableMetatype {
    /// The typed model its reader makes of the release's files; `flightdeck export` writes it under `data.<id>`.
    associatedtype Model: Encodable & Sendable
    /// What its analysis computes; exported under `figures.<id>`, and what templates and checklist checks read.
    associatedtype Figures: Encodable & Sendable
    /// Its section of `thresholds:` in flightdeck.yaml, `thresholds: <id>:` (`NoThresholds` when it has none).
    associatedtype Settings: ThresholdSection = NoThresholds

    // MARK: Declaration

    /// How `require:`, `thresholds:`, the export, checklist checks and templates name it: `tests`, `rollout`.
    static var id: String { get }
    /// The heading of its section on the release page.
    static var title: String { get }
    /// The files to add to a release folder to supply it, in words.
    static var hint: String { get }
    /// Names of the files directly in a release folder that its reader takes.
    static var fileNames: [String] { get }
    /// The subfolder whose files (with these extensions) its reader takes.
    static var subfolder: (name: String, extensions: [String])? { get }
    /// Where the site shows it: a section of the release page, or a page of its own.
    static var placement: KindPlacement { get }
    /// Whether a release must have it before it can be GO when flightdeck.yaml sets no `require:`.
    static var requiredByDefault: Bool { get }
    /// The file formats its reader takes, as `flightdeck add` recognises them (none: `add` does not place it).
    static var formats: [DataFormat] { get }

    // MARK: Ingest

    /// The release's model of this kind, or nil when the release has none. Problems go to `context.log`.
    static func read(_ release: ReleaseSource, in context: ReadContext) -> Model?
    /// Files the model names besides `fileNames` (a metrics CSV named in rollout.yaml): inputs of the release too.
    static func referencedFiles(in model: Model) -> [String]
    /// Whether the release's input files must be hashed for this model (sign-offs recorded with a digest).
    static func needsInputDigest(_ model: Model) -> Bool

    // MARK: Analyse

    /// The first round, in registry order: figures from the model, the release's other models, the previous
    /// release and the figures of the kinds before it. Nil when all its figures come from `reanalyse`.
    static func analyse(_ model: Model, in context: AnalysisContext) -> Figures?
    /// Whether `reanalyse` reads the figures tree for this model; the tree is built only when some kind does.
    static func readsFigureTree(_ model: Model) -> Bool
    /// The second round, once every kind has its first-round figures, for kinds that read other kinds' figures
    /// by their exported names (checklist checks, the figures a sign-off keeps). `tree` is the first round's
    /// figures as `flightdeck export` names them (nil when no kind asked for it, or it could not be built).
    /// Nil keeps `figures`, the first round's.
    static func reanalyse(_ model: Model, figures: Figures?, tree: DataNode?, in context: AnalysisContext) -> Figures?

    // MARK: Verdict

    /// Its reason in the verdict (docs/verdict.md), or nil when it has none to give.
    static func reason(_ figures: Figures) -> Verdict.Reason?
    /// The figures its reason reads, as paths below its id (`success_rate`): a sign-off keeps their values and
    /// goes stale when one changes.
    static var keptFigures: [String] { get }

    // MARK: Render

    /// What its pages show of its figures: each list that grows with its files cut to `PageRows.limit` rows,
    /// failing rows first, with how many were left off. summary.json and checks read the whole figures.
    static func pageFigures(_ figures: Figures) -> Figures
    /// Its charts on the release page, keyed by the name templates use (`tests_outcomes`).
    static func charts(_ model: Model, figures: Figures, in context: ChartContext) -> [String: Chart]
    /// The charts its card on the release overview may show (`tests_outcomes`): the first the release has.
    static var overviewCharts: [String] { get }
    /// Pages of its own items below its page (one per incident), in the model's order.
    static func itemPages(_ model: Model) -> [ItemPage]
}

/// Where the site shows a data kind.
enum KindPlacement: Sendable {
    /// A page of its own below the release, `releases/<release>/<id>/`, drawn by the template `partials/<id>.html`,
    /// with a card on the release overview.
    case releaseSection
    /// A page of its own beside the release page (checklist.html, signoffs.html).
    case ownPage
}

/// The defaults: most kinds need only some of the members.
extension EvidenceKind {
    static var fileNames: [String] { [] }
    static var subfolder: (name: String, extensions: [String])? { nil }
    static var placement: KindPlacement { .releaseSection }
    static var requiredByDefault: Bool { false }
    static var formats: [DataFormat] { [] }
    static func referencedFiles(in model: Model) -> [String] { [] }
    static func needsInputDigest(_ model: Model) -> Bool { false }
    static func readsFigureTree(_ model: Model) -> Bool { false }
    static func reanalyse(_ model: Model, figures: Figures?, tree: DataNode?, in context: AnalysisContext) -> Figures? { nil }
    static func reason(_ figures: Figures) -> Verdict.Reason? { nil }
    static var keptFigures: [String] { [] }
    static func pageFigures(_ figures: Figures) -> Figures { figures }
    static func charts(_ model: Model, figures: Figures, in context: ChartContext) -> [String: Chart] { [:] }
    static var overviewCharts: [String] { [] }
    static func itemPages(_ model: Model) -> [ItemPage] { [] }
}
