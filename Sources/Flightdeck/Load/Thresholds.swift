/// The limits the analysis judges against, from `thresholds:` in flightdeck.yaml; every one has a default.
package struct Thresholds: Sendable, Encodable {
    /// Baseline optimisation targets.
    package var baseline = BaselineThresholds()
    /// Test-suite verdict bands.
    package var tests = TestThresholds()
    /// Performance-test recommendation rules.
    package var performance = PerformanceThresholds()
    /// Rollout gates.
    package var rollout = RolloutThresholds()
    /// A/B significance settings.
    package var experiments = ExperimentThresholds()

    /// The defaults.
    package init() {}

    /// Reads the `thresholds:` mapping; absent sections keep their defaults.
    package init(reading reader: ObjectReader) {
        if let section = reader.object("baseline") { baseline.read(section); section.warnUnknownKeys() }
        if let section = reader.object("tests") { tests.read(section); section.warnUnknownKeys() }
        if let section = reader.object("performance") { performance.read(section); section.warnUnknownKeys() }
        if let section = reader.object("rollout") { rollout.read(section); section.warnUnknownKeys() }
        if let section = reader.object("experiments") { experiments.read(section); section.warnUnknownKeys() }
    }
}
