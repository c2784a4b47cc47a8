import FlightdeckCore

/// The data kinds a release page reports as sections (those placed there), in registry order, and the ones it lacks.
enum ReleaseSections {
    struct Section: Sendable, Encodable {
        var id: String
        var title: String
    }

    struct Missing: Sendable, Encodable {
        /// The data kind's id, as `require:` names it.
        var id: String
        var title: String
        var hint: String
        /// Whether the site requires it before the release can be GO.
        var required: Bool
    }

    /// The ids the release page's template gives its own elements, which release notes' headings must avoid.
    static let pageIDs = ["verdict-heading", "needs-heading", "notes-heading", "plan-heading", "links-heading", "missing", "missing-heading",
                          "diagnostics", "diagnostics-heading", "new-failures"]
        + Registry.kinds.flatMap { [$0.id, $0.id + "-heading"] }

    /// Sections present, and kinds missing (the page's sections plus any other required kind).
    static func split(_ data: ReleaseData, required: [String]) -> (present: [Section], missing: [Missing]) {
        var present: [Section] = [], missing: [Missing] = []
        for kind in Registry.kinds {
            let isSection = kind.placement == .releaseSection
            guard isSection || required.contains(kind.id) else { continue }
            if data.has(kind) {
                if isSection { present.append(.init(id: kind.id, title: kind.title)) }
            } else {
                missing.append(.init(id: kind.id, title: kind.title, hint: kind.hint, required: required.contains(kind.id)))
            }
        }
        return (present, missing)
    }
}

/// One entry of a release's local navigation, `release_pages[]`.
struct ReleasePageLink: Sendable, Encodable {
    /// `release`, `notes`, `evidence`, or the id of a kind with its own page.
    var kind: String
    /// The kind of evidence it shows (evidence pages), else absent.
    var section: String?
    /// Its name in the navigation.
    var title: String
    /// Its path from the site root: prefix it with `root`.
    var url: String

    init(_ page: ReleasePage) {
        kind = page.kind
        section = page.section
        title = page.label
        url = page.url
    }
}

/// One card of the release overview, `cards[]`: a kind of evidence the release has, linking to its page.
struct OverviewCard: Sendable, Encodable {
    /// The kind's id (`tests`).
    var id: String
    var title: String
    /// Its page, relative to the overview (`tests/index.html`).
    var url: String
    /// The name of its small chart in `charts`, when the release has that chart.
    var chart: String?
    /// Its reason in the verdict, when it gives one.
    var reason: Verdict.Reason?

    init(_ section: ReleaseSections.Section, figures: ReleaseFigures, charts: [String: ChartView]) {
        id = section.id
        title = section.title
        url = SitePaths.segment(section.id) + "/index.html"
        chart = Registry.kind(id: section.id)?.overviewCharts.first { charts[$0] != nil }
        reason = figures.verdict.reasons.first { $0.area == section.id }
    }
}

/// One row of the home page's release table.
struct ReleaseRow: Sendable, Codable, Equatable {
    var id: String
    var title: String
    var version: String?
    var date: String?
    var owner: String?
    var url: String
    var decision: String
    var decisionLabel: String
    var headline: String
    /// The product released, for its feed.
    var product: String?
    /// release.yaml's `summary`.
    var summary: String?
    /// The verdict in one line, as feeds and link previews show it: "2.4.0 — NO-GO: 2 new test failures".
    var shareTitle: String
    /// The release date as an instant (`YYYY-MM-DDT00:00:00Z`), for feeds and the sitemap; nil without a date.
    var updated: String?

    init(_ entry: SiteModel.Entry) {
        let release = entry.data.release
        id = release.id
        title = release.title
        version = release.version
        date = release.date.map(Timestamp.dayString)
        owner = release.owner
        url = SitePaths.release(release.id)
        decision = entry.figures.verdict.decision.rawValue
        decisionLabel = entry.figures.verdict.decision.label
        headline = entry.figures.verdict.reasons.first.map { "\($0.area): \($0.message)" } ?? release.summary ?? ""
        product = release.product
        summary = release.summary
        shareTitle = Self.shareTitle(entry)
        updated = release.date.map(Timestamp.instantString)
    }

    /// "2.4.0 — NO-GO: 2 new test failures": the version (else the title), the decision and its first reason.
    static func shareTitle(_ entry: SiteModel.Entry) -> String {
        let release = entry.data.release
        let verdict = entry.figures.verdict
        let reason = verdict.reasons.first.map { ": " + $0.message } ?? ""
        return "\(release.version ?? release.title) — \(verdict.decision.label)\(reason)"
    }

}

/// One diagnostic of a release's own files, as its page lists it.
struct DiagnosticRow: Sendable, Encodable {
    /// error or warning.
    var severity: String
    /// `path:line:column`, or empty for a problem without a place.
    var location: String
    /// What is wrong and what was expected.
    var message: String

    init(_ diagnostic: Diagnostic) {
        severity = diagnostic.severity.rawValue
        location = diagnostic.location?.description ?? ""
        message = diagnostic.message
    }
}
