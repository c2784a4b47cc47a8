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
