/// rollout.yaml (+ optional metrics CSV) or the seed controller's state JSON. (Placeholder: filled in by the ingest work.)
package struct Rollout: Sendable, Encodable {
    package init() {}
}
