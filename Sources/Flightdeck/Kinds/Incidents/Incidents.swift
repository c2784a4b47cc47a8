/// incidents/*.md: one incident per file, YAML front matter and a Markdown postmortem.
package struct Incidents: Sendable, Encodable {
    /// The incidents, in file path order.
    package var incidents: [Incident]
    /// Each incident's postmortem, parsed (HTML at Render), by incident id (not exported: the export has each body).
    var postmortems: [String: MarkdownDocument] = [:]

    /// Creates the collection.
    package init(incidents: [Incident]) { self.incidents = incidents }

    private enum CodingKeys: String, CodingKey { case incidents }
}
