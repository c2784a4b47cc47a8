import Foundation

/// NUnit 3 `test-case` results (`result` and `label`) and how each maps to Flightdeck's four outcomes.
///
/// `Passed` and `Warning` (passed with `Assert.Warn`) → passed; `Failed` → failed, or error when the label says the
/// test could not run properly (`Error`, `Cancelled`, `Invalid`, or a timeout, "Test exceeded Timeout value…");
/// `Skipped` (Ignored, Explicit, Invalid…) and `Inconclusive` → skipped.
enum NUnitOutcome {
    /// The `result` values NUnit 3 writes, as its `test-run` attributes count them.
    static let results = ["Passed", "Failed", "Warning", "Inconclusive", "Skipped"]

    /// The test-run attribute that counts each result (`Warning` → `warnings`).
    static func counter(_ result: String) -> String { result == "Warning" ? "warnings" : result.lowercased() }

    /// The Flightdeck outcome of a result and label, or nil for a result NUnit does not write.
    static func outcome(result: String, label: String?) -> TestOutcome? {
        switch result {
        case "Passed", "Warning": return .passed
        case "Inconclusive", "Skipped": return .skipped
        case "Failed":
            let l = label ?? ""
            return ["Error", "Cancelled", "Invalid"].contains(l) || l.hasPrefix("Test exceeded Timeout") ? .error : .failed
        default: return nil
        }
    }
}
