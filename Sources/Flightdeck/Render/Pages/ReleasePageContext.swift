/// The data kinds a release page reports, in page order, with how to add each when missing.
enum ReleaseSections {
    struct Section: Sendable, Encodable {
        var id: String
        var title: String
    }

    struct Missing: Sendable, Encodable {
        var title: String
        var hint: String
    }

    private static let all: [(id: String, title: String, hint: String)] = [
        ("tests", "Test suites", "JUnit XML or the test runner's JSON under tests/"),
        ("baseline", "Performance baseline", "baseline.json or baseline.csv"),
        ("performance", "Performance tests", "performance.json or performance.csv"),
        ("rollout", "Rollout", "rollout.yaml"),
        ("experiments", "Experiments", "experiments.json or experiments.csv"),
        ("incidents", "Incidents", "incidents/*.md"),
    ]

    /// The ids the release page's template gives its own elements, which release notes' headings must avoid.
    static let pageIDs = ["verdict-heading", "notes-heading", "links-heading", "missing-heading"]
        + all.flatMap { [$0.id, $0.id + "-heading"] }

    /// Sections present and missing for a release's figures.
    static func split(_ figures: ReleaseFigures) -> (present: [Section], missing: [Missing]) {
        let has: [String: Bool] = [
            "tests": figures.tests != nil, "baseline": figures.baseline != nil, "performance": figures.performance != nil,
            "rollout": figures.rollout != nil, "experiments": figures.experiments != nil, "incidents": figures.incidents != nil,
        ]
        var present: [Section] = [], missing: [Missing] = []
        for section in all {
            if has[section.id] == true {
                present.append(.init(id: section.id, title: section.title))
            } else {
                missing.append(.init(title: section.title, hint: section.hint))
            }
        }
        return (present, missing)
    }
}

/// One row of the home page's release table.
struct ReleaseRow: Sendable, Encodable {
    var id: String
    var title: String
    var version: String?
    var date: String?
    var owner: String?
    var url: String
    var decision: String
    var decisionLabel: String
    var headline: String

    init(_ entry: SiteModel.Entry) {
        let release = entry.data.release
        id = release.id
        title = release.title
        version = release.version
        date = release.date.map(Timestamp.dayString)
        owner = release.owner
        url = SitePaths.release(release.id)
        decision = entry.figures.verdict.decision.rawValue
        decisionLabel = Self.label(entry.figures.verdict.decision)
        headline = entry.figures.verdict.reasons.first.map { "\($0.area): \($0.message)" } ?? release.summary ?? ""
    }

    static func label(_ decision: Verdict.Decision) -> String {
        switch decision {
        case .go: "GO"
        case .noGo: "NO-GO"
        case .pending: "PENDING"
        }
    }
}
