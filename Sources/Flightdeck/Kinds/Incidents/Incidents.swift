/// incidents/*.md: one incident per file, YAML front matter and a Markdown postmortem.
package struct Incidents: Sendable, Encodable {
    /// The incidents, in file path order.
    package var incidents: [Incident]

    /// Creates the collection.
    package init(incidents: [Incident]) { self.incidents = incidents }
}
