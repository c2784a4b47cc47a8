import Foundation
import Testing
@testable import Flightdeck

@Suite struct JSONReaderTests {
    private func error(_ text: String) -> String? {
        do {
            _ = try JSONReader.read(text, path: "d.json")
            return nil
        } catch {
            return error.diagnostics.first?.description
        }
    }

    @Test func readsValuesWithLocations() throws {
        let node = try JSONReader.read("{\n  \"a\": [1, 2.5, \"x\\u00e9\", true, null],\n  \"é\": {\"b\": -3e2}\n}", path: "d.json")
        let a = try #require(node["a"]?.elements)
        #expect(a.count == 5)
        #expect(a[0].location.description == "d.json:2:9")
        if case .double(let d) = a[1].kind { #expect(d == 2.5) } else { Issue.record("not a double") }
        #expect(a[2].scalarText == "xé")
        #expect(node["é"]?["b"]?.location.description == "d.json:3:14")
    }

    @Test(arguments: [
        ("{\"a\": 1,}", "d.json:1:9: error: invalid JSON: expected a string key, found '}'"),
        ("[1, 2", "d.json:1:6: error: invalid JSON: expected ',' or ']', found end of file"),
        ("{\"a\": 01}", "d.json:1:7: error: invalid JSON: numbers may not have leading zeros"),
        ("{\"a\": \"x}", "d.json:1:10: error: invalid JSON: string never closes"),
        ("{\"a\": 1, \"a\": 2}", "d.json:1:10: error: invalid JSON: duplicate key 'a'"),
        ("[tru]", "d.json:1:2: error: invalid JSON: expected a value, found 't'"),
        ("{} x", "d.json:1:4: error: invalid JSON: expected end of JSON after the value"),
        ("\"\\q\"", "d.json:1:2: error: invalid JSON: unknown escape '\\q' in string"),
        ("[1e999]", "d.json:1:2: error: invalid JSON: number 1e999 is out of range"),
    ])
    func reportsWhereAndWhat(_ input: String, _ expected: String) {
        #expect(error(input) == expected)
    }

    @Test func readsStringsWithAndWithoutEscapes() throws {
        let node = try JSONReader.read(#"["plain é", "a\"b\\c\/d\b\f\n\r\t", "\u00e9\ud83d\ude00x", "ü\nü", "", "\u0041"]"#, path: "d.json")
        #expect(node.elements?.map(\.scalarText) == ["plain é", "a\"b\\c/d\u{08}\u{0C}\n\r\t", "é😀x", "ü\nü", "", "A"])
        #expect(error(#"["\ud83d\u0041"]"#) == "d.json:1:15: error: invalid JSON: unpaired surrogate in \\u escape")
        #expect(error("[\"a\tb\"]") == "d.json:1:4: error: invalid JSON: control character in string; write it as an escape")
    }

    /// Numbers read without a text copy where they can be must equal `Int(String)` and `Double(String)`.
    @Test func readsNumbersAsTheStandardLibraryParsesThem() throws {
        let texts = ["0", "-0", "7", "-42", "123456789012345678", "1234567890123456789", "9223372036854775807", "9223372036854775808",
                     "-9223372036854775808", "-9223372036854775809", "0.1", "-0.0", "2.5", "0.30000000000000004", "123456.789",
                     "9007199254740993.5", "1.00000000000000000000001", "0.0000000000000000000000001", "1e5", "-2.5E-3", "12345678901234567890.5"]
        let node = try JSONReader.read("[" + texts.joined(separator: ", ") + "]", path: "d.json")
        for (text, value) in zip(texts, node.elements ?? []) {
            switch value.kind {
            case .int(let int): #expect(Int(text) == int, "\(text)")
            case .double(let double):
                #expect(Int(text) == nil || text.contains(".") || text.contains("e") || text.contains("E"), "\(text)")
                #expect(Double(text) == double && Double(text)?.sign == double.sign, "\(text)")
            default: Issue.record("\(text) is \(value.typeDescription)")
            }
        }
    }

    /// Every value's place, checked against the line starts `SourceFile` computes (CRLF, BOM, non-ASCII, long lines).
    @Test func placesAgreeWithSourceFile() throws {
        let texts = ["\u{FEFF}{\"é\": [1, \"ü\", {\"k\": true}],\r\n \"b\": null}",
                     "[\n  \"😀😀\", 2,\n\n  [3, \"x\"], \"é\", 4\n]\n",
                     "[" + (0..<300).map { "\"é\($0)\"" }.joined(separator: ",") + "]"]
        for text in texts {
            let source = SourceFile(path: "d.json", text: text)
            let root = try JSONReader.read(text, path: "d.json")
            var places: [(Flightdeck.SourceLocation, String)] = []
            func walk(_ node: DataNode) {
                switch node.kind {
                case .array(let items): items.forEach(walk)
                case .object(let entries): for entry in entries { places.append((entry.keyLocation, "\"" + entry.key + "\"")); walk(entry.value) }
                default: places.append((node.location, node.scalarText.map { node.kind.isString ? "\"" + $0 + "\"" : $0 } ?? "null"))
                }
            }
            walk(root)
            for (location, token) in places {
                // The token must start at that place.
                let line = try #require(source.line(location.line))
                let rest = String(line.unicodeScalars.dropFirst(location.column - 1))
                #expect(rest.hasPrefix(token), "\(token) at \(location)")
            }
        }
        #expect(error("[1,\r\n 2,\n  x]") == "d.json:3:3: error: invalid JSON: expected a value, found 'x'")
        #expect(error("[\"é\", \n\"ü\" 1]") == "d.json:2:5: error: invalid JSON: expected ',' or ']', found '1'")
    }

    @Test func deepNestingFailsCleanly() {
        #expect(error(String(repeating: "[", count: 100_000))?.contains("nested more than 200 levels deep") == true)
    }
    /// Reads `text` as the file `d.json` a record at a time, as data readers do (`JSONFile`).
    private func readRecords(_ text: String, under keys: [String],
                             _ record: (String?, DataNode) throws(DiagnosticError) -> Void) throws(DiagnosticError) -> DataNode {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("json-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        do { try Data(text.utf8).write(to: url) } catch { throw DiagnosticError(.error("cannot write \(url.path)", at: nil)) }
        return try JSONFile.read(ContentFile(path: "d.json", url: url), recordsUnder: keys, record: record)
    }

    @Test func readsRecordsOneAtATimeAsTheWholeTreeHasThem() throws {
        let wrapped = "{\"suite\": \"s\",\n \"metrics\": [{\"a\": 1, \"b\": [2, {\"metrics\": [3]}]},\n  {\"a\": \"é\"}], \"other\": [4]}"
        let whole = try JSONReader.read(wrapped, path: "d.json")
        var seen: [(String?, String)] = []
        let rest = try readRecords(wrapped, under: ["metrics"]) { key, node in seen.append((key, node.dump)) }
        // The records as the whole tree has them, with their places; a `metrics` deeper down is no record list.
        #expect(seen.map(\.0) == ["metrics", "metrics"])
        #expect(seen.map(\.1) == (whole["metrics"]?.elements ?? []).map(\.dump))
        #expect(seen.first?.1.contains("metrics@d.json:2:33") == true)
        // The rest of the document, the list left empty at its place.
        #expect(rest["metrics"].map(\.dump) == "[d.json:2:13 ]")
        #expect(rest["other"].map(\.dump) == whole["other"].map(\.dump))
        #expect(rest["suite"]?.scalarText == "s")

        let list = "[{\"a\": 1},\n {\"a\": 2}]"
        seen = []
        let empty = try readRecords(list, under: []) { key, node in seen.append((key, node.dump)) }
        #expect(seen.map(\.0) == [nil, nil])
        #expect(seen.map(\.1) == (try JSONReader.read(list, path: "d.json").elements ?? []).map(\.dump))
        #expect(empty.elements?.isEmpty == true)
    }

    /// A mapped data file is read without a copy of its text, yet a byte that is not UTF-8 is the error that
    /// reading its text gives, at its place.
    @Test func aMappedFileThatIsNotUTF8IsRefusedAtTheBadByte() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("json-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("baseline.json")
        try Data(Array("[{\"job_id\": \"a\"},\n {\"job_id\": \"".utf8) + [0xC3, 0x28] + Array("\"}]".utf8)).write(to: url)
        let file = ContentFile(path: "baseline.json", url: url)
        var expected: [String] = []
        do { _ = try file.readText() } catch { expected = error.diagnostics.map(\.description) }
        var records = 0
        var actual: [String] = []
        do { _ = try JSONFile.read(file, recordsUnder: []) { _, _ in records += 1 } } catch { actual = error.diagnostics.map(\.description) }
        #expect(!expected.isEmpty && actual == expected)
        #expect(records == 0)
    }

    @Test func aSyntaxErrorInTheRecordsIsTheWholeReadsError() {
        let text = "{\"metrics\": [{\"a\": 1}, {\"a\": 2,}]}"
        var records = 0
        var streamed: String?
        do {
            _ = try readRecords(text, under: ["metrics"]) { _, _ in records += 1 }
        } catch {
            streamed = error.diagnostics.first?.description
        }
        var whole: String?
        do { _ = try JSONReader.read(text, path: "d.json") } catch { whole = error.diagnostics.first?.description }
        #expect(records == 1)
        #expect(streamed == whole)
        #expect(streamed == "d.json:1:32: error: invalid JSON: expected a string key, found '}'")
    }
}

private extension DataNode.Kind {
    var isString: Bool { if case .string = self { true } else { false } }
}
