import FlightdeckCore
import Foundation
import Testing
@testable import Flightdeck

/// Every hand-written signoffs.yaml under Fixtures/signoffs/, as written and as CRLF, with and without a
/// final line break: after adding an entry (and replacing `ops`'s when there is one) the file reads without
/// errors, every other line is byte-identical, and the entry reads back exactly as given.
@Suite struct SignoffEditorTests {
    static let fixtures: [String] = {
        let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil)?.appendingPathComponent("signoffs")
        return ((folder.flatMap { try? FileManager.default.contentsOfDirectory(atPath: $0.path) }) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    /// Values YAML could change or misread if written carelessly.
    static let values: [String] = [
        "Priya Raman", " leading and trailing  ", "NEL\u{85}here", "LS\u{2028}and PS\u{2029}", "tab\there", "DEL\u{7F}",
        "key: value", "# hash", "- dash", "\"double\" and 'single'", "*alias", "&anchor", "!tag", "%directive", "@at",
        "`tick", "[bracket", "{brace", "yes", "no", "null", "~", "123", "1.5e3", "0x1F", ".inf", "true", "On",
        "2026-05-12", "back\\slash", "line\nbreak\r\n", "bom\u{FEFF}", "ctrl\u{1}\u{1B}\u{9F}", "é ü 漢字 🚀", "", "nul\u{0}byte",
    ]

    static let variants: [(name: String, apply: @Sendable (String) -> String)] = [
        ("LF", { $0 }),
        ("CRLF", { $0.replacingOccurrences(of: "\n", with: "\r\n") }),
        ("LF, no final break", { $0.hasSuffix("\n") ? String($0.dropLast()) : $0 }),
        ("CRLF, no final break", { ($0.hasSuffix("\n") ? String($0.dropLast()) : $0).replacingOccurrences(of: "\n", with: "\r\n") }),
    ]

    @Test func theCorpusIsThere() {
        #expect(Self.fixtures.count >= 15)
    }

    @Test(arguments: fixtures) func addingKeepsEveryOtherLine(_ name: String) throws {
        let fixture = try FixtureLoader.text("signoffs/\(name)")
        for variant in Self.variants {
            let old = variant.apply(fixture)
            for value in Self.values {
                let fields = Self.fields(role: "sec", approver: value, comment: value)
                let new = try SignoffEditor(old, path: name).adding(fields)
                try Self.expectFaithful(old: old, new: new, fields: fields, replacing: nil, "\(name) (\(variant.name)) + \(value.debugDescription)")
            }
        }
    }

    @Test(arguments: fixtures) func replacingChangesOnlyThatEntry(_ name: String) throws {
        let fixture = try FixtureLoader.text("signoffs/\(name)")
        for variant in Self.variants {
            let old = variant.apply(fixture)
            let editor = try SignoffEditor(old, path: name)
            guard let index = editor.index(ofRole: "ops") else { continue }
            for value in Self.values {
                let fields = Self.fields(role: "ops", approver: value, comment: value)
                let new = try editor.replacing(entryAt: index, with: fields)
                try Self.expectFaithful(old: old, new: new, fields: fields, replacing: "ops", "\(name) (\(variant.name)) ops = \(value.debugDescription)")
            }
        }
    }

    @Test func aDigestFieldCanBeAdded() throws {
        let old = "required: [qa]\nsignoffs:\n  - role: qa\n    approver: Q\n    decision: approved\n"
        let editor = try SignoffEditor(old, path: "s.yaml")
        let new = try editor.replacing(entryAt: 0, with: [("role", "qa"), ("approver", "Q"), ("decision", "approved"), ("digest", "sha256:0a1b")])
        #expect(new == "required: [qa]\nsignoffs:\n  - role: qa\n    approver: Q\n    decision: approved\n    digest: \"sha256:0a1b\"\n")
    }

    @Test func aListThatIsNotAListIsRefused() {
        #expect(throws: DiagnosticError.self) { try SignoffEditor("signoffs: qa\n", path: "s.yaml") }
        #expect(throws: DiagnosticError.self) { try SignoffEditor("- a\n- b\n", path: "s.yaml") }
        #expect(throws: DiagnosticError.self) { try SignoffEditor("signoffs: [\n", path: "s.yaml") }
    }

    @Test func anEditThatWouldChangeOtherContentIsRefused() throws {
        // A flow mapping at the root: appending `signoffs:` after it cannot be done line by line.
        let editor = try SignoffEditor("{required: [qa]}\n", path: "s.yaml")
        #expect(throws: DiagnosticError.self) { try editor.adding(Self.fields(role: "qa", approver: "Q", comment: "c")) }
    }

    static func fields(role: String, approver: String, comment: String) -> [SignoffEditor.Field] {
        [("role", role), ("approver", approver), ("decision", "approved"), ("date", "2026-05-12"), ("comment", comment)]
    }

    /// The checks every edit must pass; `context` names the case in failures.
    static func expectFaithful(old: String, new: String, fields: [SignoffEditor.Field], replacing role: String?, _ context: String) throws {
        let before = try #require(read(old, context))
        let log = DiagnosticLog()
        let after = try #require(SignoffReader.read(new, path: "s.yaml", log: log), "\(context)")
        #expect(!log.hasErrors, "\(context): \(log.diagnostics)\n\(new)")
        let value = try #require(fields.first { $0.key == "approver" }?.value)
        let entry = after.entries.first { $0.role == fields[0].value }
        #expect(entry?.approver == value, "\(context)\n\(new)")
        #expect(entry?.comment == value, "\(context)\n\(new)")
        let others = { (signoffs: Signoffs) in signoffs.entries.filter { $0.role != fields[0].value }.map(describe) }
        #expect(others(after) == others(before), "\(context)")
        #expect(after.required == before.required, "\(context)")

        // Line breaks: CRLF stays CRLF; a missing final break stays missing.
        if old.contains("\r\n") { #expect(!new.unicodeScalars.indices.contains { i in new.unicodeScalars[i] == "\n" && (i == new.unicodeScalars.startIndex || new.unicodeScalars[new.unicodeScalars.index(before: i)] != "\r") }, "\(context)") }
        #expect(old.hasSuffix("\n") == new.hasSuffix("\n") || old.isEmpty, "\(context)")

        // Every line outside one window is byte-identical; the window holds only the entry.
        let oldLines = lines(old), newLines = lines(new)
        var prefix = 0
        while prefix < oldLines.count, prefix < newLines.count,
              oldLines[prefix] == newLines[prefix] || (prefix == oldLines.count - 1 && !old.hasSuffix("\n") && newLines[prefix].hasPrefix(oldLines[prefix]) && newLines[prefix].trimmingCharacters(in: .newlines) == oldLines[prefix]) {
            prefix += 1
        }
        var suffix = 0
        while suffix < oldLines.count - prefix, suffix < newLines.count - prefix, oldLines[oldLines.count - 1 - suffix] == newLines[newLines.count - 1 - suffix] {
            suffix += 1
        }
        let changed = oldLines[prefix..<oldLines.count - suffix]
        if role == nil {
            #expect(changed.count <= 1, "\(context): changed \(Array(changed))\n\(new)")
        }
        for line in changed {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(!trimmed.isEmpty && !trimmed.hasPrefix("#") && !trimmed.hasPrefix("required"), "\(context): changed \(line.debugDescription)\n\(new)")
            if role != nil, line.contains("qa") { #expect(line.contains("ops"), "\(context): changed \(line.debugDescription)") }
        }
    }

    static func read(_ text: String, _ context: String) -> Signoffs? {
        let log = DiagnosticLog()
        let signoffs = SignoffReader.read(text, path: "s.yaml", log: log)
        #expect(!log.hasErrors, "\(context): the fixture itself has errors: \(log.diagnostics)")
        return signoffs
    }

    static func describe(_ entry: Signoffs.Entry) -> String {
        "\(entry.role)|\(entry.approver)|\(entry.decision)|\(entry.date.map(Timestamp.dayString) ?? "-")|\(entry.comment ?? "-")"
    }

    /// The lines of `text`, each with its "\n" (and the "\r" before it).
    static func lines(_ text: String) -> [String] {
        var result: [String] = [], current = ""
        for scalar in text.unicodeScalars {
            current.unicodeScalars.append(scalar)
            if scalar == "\n" { result.append(current); current = "" }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
