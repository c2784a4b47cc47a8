import Foundation
import Testing
@testable import Flightdeck
import Yams

/// The hand-written plain-scalar resolver against Yams' default resolver (its regular expressions) and
/// `YAMLReader`'s values against Yams' constructors.
struct YAMLPlainScalarTests {
    /// Yams' own decision, folded the way `YAMLReader` reads it.
    private func oracle(_ text: String) -> YAMLPlainScalar.Resolution {
        switch Resolver.default.resolveTag(of: Node(text)) {
        case .null: .null
        case .bool: .bool
        case .int: .int
        case .float: .float
        default: .string
        }
    }

    static let samples: [String] = [
        "", "~", "null", "Null", "NULL", "nULL", "yes", "Yes", "YES", "yEs", "no", "on", "ON", "off", "OfF", "true", "True",
        "TRUE", "tRue", "false", "FALSE", "y", "n", "0", "-0", "+0", "00", "07", "08", "0o17", "0o", "0o8", "0b101", "0b2",
        "0b", "-0b1_0", "0x1F", "0xg", "0x", "+0x_", "1_000", "1__", "12", "-12", "+12", "9223372036854775807",
        "9223372036854775808", "-9223372036854775809", "1:30", "1:3:5", "1:60", "1:5_", "190:20:30", "0:30", "1:300",
        "1.5", "1.", ".5", "._", "._5", ".5e+3", ".5e3", ".5E-3", "1e5", "1E+5", "1e", "1e+", "-1.5e-3", "1_000.5_5",
        "1:30.5", "1:30.", "0:30.", "1:30.5e3", ".inf", ".Inf", ".INF", "-.inf", "+.inf", ".iNf", ".nan", ".NaN", ".NAN",
        "-.nan", "+.nan", "inf", "nan", "<<", "=", "2024-05-01", "2024-05-01T12:00:00Z", "2024-5-1 1:00:00", "1.2.3",
        "2.10", "v1.2", "+", "-", ".", "_", "1 2", " 1", "1 ", "true\n", "1\n", "1.5\r\n", "null\u{2028}", "~\u{85}",
        "1\u{0B}", "1\u{0C}", "1\r", "\n", "x\n", "1\n\n", "١٢", "１２", "12é", "true ", "0x1f_", "0b_", "0_", "0o_7",
    ]

    @Test(arguments: samples) func resolvesAsYams(_ text: String) {
        #expect(YAMLPlainScalar.resolve(text) == oracle(text), "\(text.debugDescription)")
    }

    @Test func resolvesEveryShortStringAsYams() {
        let alphabet: [Character] = ["0", "1", "5", "6", "9", "-", "+", ".", "_", ":", "e", "x", "o", "b", "\n"]
        var strings = [""]
        var frontier = [""]
        for _ in 0..<4 {
            frontier = frontier.flatMap { prefix in alphabet.map { prefix + String($0) } }
            strings += frontier
        }
        let mismatches = strings.filter { YAMLPlainScalar.resolve($0) != oracle($0) }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20).map(\.debugDescription))")
    }

    /// Every value as Yams' default resolver and constructors make it (`Yams.load`), through `YAMLReader`.
    @Test(arguments: samples.filter { !$0.contains("\n") && !$0.contains("\r") && !$0.hasPrefix(" ") && !$0.hasSuffix(" ")
        && !$0.contains("\u{2028}") && !$0.contains("\u{85}") && !$0.contains("\u{0B}") && !$0.contains("\u{0C}") && !$0.isEmpty })
    func readsValuesAsYams(_ text: String) throws {
        let yaml = "v: \(text)\n"
        guard let expected = try? Yams.compose(yaml: yaml)?.mapping?["v"] else {
            #expect(throws: DiagnosticError.self) { try YAMLReader.read(yaml, path: "t.yaml") }
            return
        }
        let node = try YAMLReader.read(yaml, path: "t.yaml")
        let value = try #require(node["v"])
        switch Tag.Name(rawValue: expected.tag.rawValue) {
        case .null: #expect(isNull(value.kind), "\(text)")
        case .bool: #expect(value.kind.bool == expected.bool, "\(text)")
        case .int:
            if let int = expected.int { #expect(value.kind.int == int, "\(text)") } else { #expect(value.kind.string == text, "\(text)") }
        case .float:
            if let double = expected.float {
                #expect(value.kind.double.map { $0 == double || ($0.isNaN && double.isNaN) } == true, "\(text)")
            } else {
                #expect(value.kind.string == text, "\(text)")
            }
        default: #expect(value.kind.string == expected.string, "\(text)")
        }
        #expect(value.text == text)
    }

    @Test func duplicateKeysAreErrorsAtTheSecondKey() {
        // Yams' default resolver does not call `1` and `"1"` duplicates; YAMLReader compares keys as written.
        do {
            _ = try YAMLReader.read("1: a\n\"1\": b\n", path: "t.yaml")
            Issue.record("expected a duplicate-key error")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["t.yaml:2:1: error: duplicate key '1' (first at line 1)"])
        }
        do {
            _ = try YAMLReader.read("a: 1\nb: 2\na: 3\n", path: "t.yaml")
            Issue.record("expected a duplicate-key error")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["t.yaml:3:1: error: duplicate key 'a' (first at line 1)"])
        }
        // Past 16 keys they are hashed: the same error.
        let many = (1...40).map { "k\($0): \($0)" }.joined(separator: "\n") + "\nk7: again\n"
        do {
            _ = try YAMLReader.read(many, path: "t.yaml")
            Issue.record("expected a duplicate-key error")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["t.yaml:41:1: error: duplicate key 'k7' (first at line 7)"])
        }
    }

    private func isNull(_ kind: DataNode.Kind) -> Bool {
        if case .null = kind { return true }
        return false
    }
}

private extension DataNode.Kind {
    var bool: Bool? { if case .bool(let b) = self { b } else { nil } }
    var int: Int? { if case .int(let i) = self { i } else { nil } }
    var double: Double? { if case .double(let d) = self { d } else { nil } }
    var string: String? { if case .string(let s) = self { s } else { nil } }
}
