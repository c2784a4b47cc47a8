/// baseline.json or baseline.csv: the baseline job measurements. (Placeholder: filled in by the ingest work.)
package struct Baseline: Sendable, Encodable {
    package init() {}
}
