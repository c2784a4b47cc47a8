/// The meaning of a mark, which picks its colour class (`fd-tone-…`) and, for bad news, a hatch.
public enum Tone: String, Sendable, Hashable, CaseIterable {
    /// No judgement: the default colour.
    case neutral
    /// Good news (passed, improved, done).
    case positive
    /// Bad news (failed, regressed, rolled back).
    case negative
    /// A warning threshold or a caution.
    case warning
    /// A critical threshold or a blocking problem.
    case critical
    /// An informational event (advance, deploy).
    case info
}
