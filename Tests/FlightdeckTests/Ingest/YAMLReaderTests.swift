import Foundation
import Testing
@testable import Flightdeck

/// `YAMLReader` from libyaml's events: a record at a time as the whole tree has them, aliases shared within the
/// budget and the nesting depth, and errors at their places. (Scalar types are checked against Yams' own in
/// `YAMLPlainScalarTests`; the alias budget and control characters in `InputLimitsTests`.)
@Suite struct YAMLReaderTests {
    /// Reads `bytes` as the file `d.yaml` a record at a time, as data readers do (`YAMLFile`).
    private func readRecords(_ bytes: [UInt8], under keys: [String],
                             _ record: (String, DataNode) throws(DiagnosticError) -> Void) throws(DiagnosticError) -> DataNode {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("yaml-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: url) }
        do { try Data(bytes).write(to: url) } catch { throw DiagnosticError(.error("cannot write \(url.path)", at: nil)) }
        return try YAMLFile.read(ContentFile(path: "d.yaml", url: url), recordsUnder: keys, record: record)
    }

    @Test func readsRecordsOneAtATimeAsTheWholeTreeHasThem() throws {
        let text = """
            required: [qa]
            signoffs:
              - role: qa
                note: &n {text: "é", list: [1, 2]}
              - {role: eng, note: *n, signoffs: [3]}
            other: [4]

            """
        let whole = try YAMLReader.read(text, path: "d.yaml")
        var seen: [(String, String)] = []
        // A byte order mark is dropped, as reading the text drops it: the places are the same.
        let rest = try readRecords([0xEF, 0xBB, 0xBF] + Array(text.utf8), under: ["signoffs"]) { key, node in seen.append((key, node.dump)) }
        #expect(seen.map(\.0) == ["signoffs", "signoffs"])
        #expect(seen.map(\.1) == (whole["signoffs"]?.elements ?? []).map(\.dump))
        // The alias in the second record is the anchored node of the first, at the anchor's place.
        #expect(seen.last?.1.contains("note@d.yaml:5:17: {d.yaml:4:11 text@d.yaml:4:15: d.yaml:4:21 é") == true)
        // A `signoffs` deeper down is no record list.
        #expect(seen.last?.1.contains("signoffs@d.yaml:5:27: [d.yaml:5:37 d.yaml:5:38 3]") == true)
        // The rest of the document, the list left empty at its place.
        #expect(rest["signoffs"].map(\.dump) == "[d.yaml:3:3 ]")
        #expect(rest["other"].map(\.dump) == whole["other"].map(\.dump))
        #expect(rest["required"].map(\.dump) == whole["required"].map(\.dump))
    }

    @Test func aListThatIsNotASequenceOrHasAnAnchorStaysInTheDocument() throws {
        var records = 0
        let mapping = try readRecords(Array("signoffs: {qa: yes}\n".utf8), under: ["signoffs"]) { _, _ in records += 1 }
        #expect(records == 0 && mapping["signoffs"]?.entries?.count == 1)
        let anchored = try readRecords(Array("signoffs: &s [1, 2]\ncopy: *s\n".utf8), under: ["signoffs"]) { _, _ in records += 1 }
        #expect(records == 0 && anchored["copy"]?.elements?.count == 2)
    }

    @Test func anErrorAfterSomeRecordsIsTheWholeReadsError() {
        let text = "signoffs:\n  - {role: a}\n  - {role: b}\n  - {role: c\n"
        var records = 0
        var streamed: [String] = []
        do { _ = try readRecords(Array(text.utf8), under: ["signoffs"]) { _, _ in records += 1 } } catch {
            streamed = error.diagnostics.map(\.description)
        }
        var whole: [String] = []
        do { _ = try YAMLReader.read(text, path: "d.yaml") } catch { whole = error.diagnostics.map(\.description) }
        #expect(records == 2)
        #expect(!whole.isEmpty && streamed == whole)
    }

    @Test func anAliasDeeperThanTheNestingLimitIsRefusedAtTheAlias() {
        // 150 levels under an anchor, used 100 levels down: 250 levels, though no text nests so deep.
        let deep = String(repeating: "[", count: 150) + String(repeating: "]", count: 150)
        let text = "a: &a \(deep)\nb: " + String(repeating: "[", count: 100) + "*a" + String(repeating: "]", count: 100) + "\n"
        do { _ = try YAMLReader.read(text, path: "d.yaml"); Issue.record("accepted") } catch {
            #expect(error.diagnostics.map(\.description) == ["d.yaml:2:104: error: YAML is nested more than 200 levels deep"])
        }
        // Used 10 levels down it fits.
        let shallow = "a: &a \(deep)\nb: " + String(repeating: "[", count: 10) + "*a" + String(repeating: "]", count: 10) + "\n"
        #expect((try? YAMLReader.read(shallow, path: "d.yaml")) != nil)
    }

    @Test func aliasesOfScalarsCostWhatTheirTextDoes() throws {
        // 150,000 aliases of one scalar are 150,000 nodes, as the values written out would be: not an expansion.
        let text = "v: &v x\nlist: [" + Array(repeating: "*v", count: 150_000).joined(separator: ", ") + "]\n"
        let root = try YAMLReader.read(text, path: "d.yaml")
        #expect(root["list"]?.elements?.count == 150_000)
        #expect(root["list"]?.elements?.last?.scalarText == "x")
    }

    @Test(arguments: [
        ("a: *nowhere\n", "d.yaml:1:4: error: invalid YAML: found undefined alias '*nowhere'"),
        // An anchor is defined once its node ends: a node cannot hold an alias of itself.
        ("a: &s [1, *s]\n", "d.yaml:1:11: error: invalid YAML: found undefined alias '*s'"),
        ("a: 1\n---\nb: 2\n", "d.yaml:2:1: error: invalid YAML: expected a single document in the stream, but found another document"),
        ("[a, b]: 1\n", "d.yaml:1:1: error: mapping keys must be plain strings"),
        ("a: [1, 2\n", "d.yaml:2:1: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence"),
        ("a: 1\n b: 2\n", "d.yaml:2:3: error: invalid YAML: mapping values are not allowed in this context"),
    ])
    func errorsAreLocated(_ text: String, _ expected: String) {
        do { _ = try YAMLReader.read(text, path: "d.yaml"); Issue.record("accepted \(text)") } catch {
            #expect(error.diagnostics.map(\.description) == [expected])
        }
    }

    @Test func emptyAndCommentOnlyTextsAreEmptyMappings() throws {
        for text in ["", "# nothing\n", "   \n"] {
            let root = try YAMLReader.read(text, path: "d.yaml", lineOffset: 2)
            #expect(root.entries?.isEmpty == true)
            #expect(root.location == SourceLocation(file: "d.yaml", line: 3, column: 1))
        }
    }
}
