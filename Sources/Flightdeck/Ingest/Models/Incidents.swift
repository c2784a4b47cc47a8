/// incidents/*.md: front matter + postmortem. (Placeholder: filled in by the ingest work.)
package struct Incidents: Sendable, Encodable {
    package init() {}
}
