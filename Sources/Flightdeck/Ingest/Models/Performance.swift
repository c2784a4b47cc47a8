/// performance.json or performance.csv: performance-test results. (Placeholder: filled in by the ingest work.)
package struct Performance: Sendable, Encodable {
    package init() {}
}
