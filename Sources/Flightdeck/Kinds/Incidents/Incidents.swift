/// incidents/*.md: one incident per file, YAML front matter and a Markdown postmortem.
package struct Incidents: Sendable, Encodable {
    /// The incidents, in file path order.
    package var incidents: [Incident]
    /// Each incident's postmortem rendered as HTML, by incident id (not exported: the export has each body).
    package var postmortems: [String: String] = [:]

    /// Creates the collection.
    package init(incidents: [Incident]) { self.incidents = incidents }

    private enum CodingKeys: String, CodingKey { case incidents }
}
