/// tests/*.xml (JUnit) and tests/*.json (seed runner results). (Placeholder: filled in by the ingest work.)
package struct TestResults: Sendable, Encodable {
    package init() {}
}
