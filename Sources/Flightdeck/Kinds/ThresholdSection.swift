/// A data kind's section of `thresholds:` in flightdeck.yaml: every limit has a default, and the section
/// overrides some of them.
protocol ThresholdSection: Sendable {
    /// The defaults.
    init()
    /// Overrides from the kind's section; `Thresholds` warns about the keys it does not ask for.
    mutating func read(_ section: ObjectReader)
}

/// The settings of a kind that has no thresholds: `thresholds: <id>:` stays an unknown key.
struct NoThresholds: ThresholdSection {
    init() {}
    func read(_ section: ObjectReader) {}
}
