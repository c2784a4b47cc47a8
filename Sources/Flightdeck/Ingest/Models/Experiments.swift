/// experiments.json or experiments.csv: A/B records. (Placeholder: filled in by the ingest work.)
package struct Experiments: Sendable, Encodable {
    package init() {}
}
