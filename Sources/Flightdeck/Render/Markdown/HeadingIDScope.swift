/// Where rendered Markdown appears, which decides its heading ids: a prefix, and ids the page already uses.
struct HeadingIDScope: Sendable {
    let prefix: String
    let reserved: [String]

    /// A page of its own (free pages, the home intro, the checklist): GitHub's ids, clear of the skip link's.
    static let page = HeadingIDScope(prefix: "", reserved: ["main"])
    /// Release notes, shown on the release page beside its sections.
    static let releaseNotes = HeadingIDScope(prefix: "", reserved: ["main"] + ReleaseSections.pageIDs)

    /// A postmortem: several share the release page, so each is prefixed with its incident's id.
    static func postmortem(_ incidentID: String) -> HeadingIDScope {
        HeadingIDScope(prefix: HeadingSlugger.slug(incidentID) + "-", reserved: [])
    }
}
