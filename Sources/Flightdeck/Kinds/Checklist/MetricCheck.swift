import FlightdeckCore
import Foundation

/// A checklist item's bound check, e.g. `tests.success_rate >= 95`, evaluated against the release's figures.
///
/// Grammar: `path [op value]` where path is dot-separated keys into the exported figures, op is one of
/// `>= <= > < == !=`, and value a number, `true`/`false`, or a word or quoted string. Without an op
/// the check passes when the value is true or a non-zero number.
struct MetricCheck: Sendable, Equatable {
    /// Outcome of a check.
    enum Outcome: String, Sendable, Encodable { case met, unmet, unknown }

    let path: [String]
    let op: String?
    let expected: String?

    private static let operators = [">=", "<=", "==", "!=", ">", "<"]

    /// Parses a check; nil with a message when malformed.
    static func parse(_ text: String) -> Result<MetricCheck, CheckError> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for op in operators {
            if let range = trimmed.range(of: op) {
                let path = trimmed[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
                var value = trimmed[range.upperBound...].trimmingCharacters(in: .whitespaces)
                if value.count >= 2, let first = value.first, first == "'" || first == "\"", value.last == first {
                    value = String(value.dropFirst().dropLast())
                }
                guard !path.isEmpty, !value.isEmpty else { return .failure(CheckError(message: "check '\(text)' needs a path and a value around '\(op)'")) }
                return .success(MetricCheck(path: path.split(separator: ".").map(String.init), op: op, expected: value))
            }
        }
        guard !trimmed.isEmpty, !trimmed.contains(" ") else {
            return .failure(CheckError(message: "check '\(text)' must look like 'tests.success_rate >= 95'"))
        }
        return .success(MetricCheck(path: trimmed.split(separator: ".").map(String.init), op: nil, expected: nil))
    }

    /// A malformed check or a path that names nothing.
    struct CheckError: Error, Sendable { let message: String }

    /// Evaluates against the figures tree. A missing data kind is `unknown`; a misspelt key is an error.
    func evaluate(in figures: DataNode) -> Result<(Outcome, actual: String?), CheckError> {
        var node = figures
        for (depth, key) in path.enumerated() {
            guard let entries = node.entries else {
                return .failure(CheckError(message: "'\(path[..<depth].joined(separator: "."))' is not a group of figures"))
            }
            guard let next = entries.first(where: { $0.key == key })?.value else {
                if depth == 0, Self.dataKinds.contains(key) { return .success((.unknown, nil)) }
                let suggestion = Suggestion.phrase(for: key, in: entries.map(\.key))
                return .failure(CheckError(message: "no figure '\(path[...depth].joined(separator: "."))'\(suggestion)"))
            }
            node = next
        }
        // Shown on the checklist page: a computed fraction as 0.9394, not 0.9393939393939394.
        let actual = if case .double(let d) = node.kind { FigureText.number(d, decimals: 4) } else { node.scalarText }
        guard let op, let expected else {
            switch node.kind {
            case .bool(let b): return .success((b ? .met : .unmet, actual))
            case .int(let i): return .success((i != 0 ? .met : .unmet, actual))
            case .double(let d): return .success((d != 0 ? .met : .unmet, actual))
            case .null: return .success((.unknown, nil))
            default: return .failure(CheckError(message: "'\(path.joined(separator: "."))' is not a number or true/false; compare it with a value"))
            }
        }
        let met: Bool
        switch node.kind {
        case .int, .double:
            let value: Double = if case .int(let i) = node.kind { Double(i) } else if case .double(let d) = node.kind { d } else { 0 }
            guard let target = Double(expected) else {
                return .failure(CheckError(message: "'\(path.joined(separator: "."))' is a number; compare it with a number, not '\(expected)'"))
            }
            met = switch op {
            case ">=": value >= target
            case "<=": value <= target
            case ">": value > target
            case "<": value < target
            case "==": value == target
            default: value != target
            }
        case .bool, .string:
            guard op == "==" || op == "!=" else {
                return .failure(CheckError(message: "'\(path.joined(separator: "."))' is not a number; use == or !="))
            }
            met = (actual == expected) == (op == "==")
        case .null:
            return .success((.unknown, nil))
        case .array, .object:
            return .failure(CheckError(message: "'\(path.joined(separator: "."))' is a group, not a single figure"))
        }
        return .success((met ? .met : .unmet, actual))
    }

    /// First path components that name a data kind a release may simply not have.
    static let dataKinds = Set(Registry.kinds.map { $0.id })
}
