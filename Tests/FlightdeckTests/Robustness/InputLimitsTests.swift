import Foundation
import Testing
@testable import Flightdeck

/// The limits of `InputLimits`: each, exceeded, is an error at a place, found before the work it guards.
@Suite struct InputLimitsTests {
    /// A "billion laughs" document: `levels` anchors, each a list of nine aliases of the one before.
    static func laughs(levels: Int) -> String {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...levels {
            let alias = "*a\(level - 1)"
            text += "a\(level): &a\(level) [\(Array(repeating: alias, count: 9).joined(separator: ", "))]\n"
        }
        return text
    }

    @Test func aliasExpansionOverTheBudgetIsRefusedAtTheAlias() throws {
        let clock = ContinuousClock()
        var thrown: DiagnosticError?
        let elapsed = clock.measure {
            do throws(DiagnosticError) { _ = try YAMLReader.read(Self.laughs(levels: 12), path: "laughs.yaml") } catch { thrown = error }
        }
        let message = try #require(thrown?.diagnostics.first?.description)
        // a5 (line 6) is the first level whose aliases take the expansion past 100,000 nodes: its first alias crosses.
        #expect(message.hasPrefix("laughs.yaml:6:"))
        #expect(message.contains("error: YAML aliases expand to more than 100000 nodes at '*a4'"))
        let column = try #require(Int(message.split(separator: ":")[2]))
        let line = Self.laughs(levels: 12).split(separator: "\n")[5]
        #expect(Array(line.unicodeScalars)[column - 1] == "*")
        #expect(elapsed < .seconds(10))
    }

    @Test func aliasesWithinTheBudgetAreExpanded() throws {
        let root = try YAMLReader.read("base: &b {x: 1, y: [1, 2]}\ncopy: *b\nlist:\n  - &i 3\n  - *i\n", path: "ok.yaml")
        guard case .object(let entries) = root.kind else { Issue.record("not a mapping"); return }
        #expect(entries.map(\.key) == ["base", "copy", "list"])
        guard case .object(let copy) = entries[1].value.kind else { Issue.record("copy is not a mapping"); return }
        #expect(copy.map(\.key) == ["x", "y"])
        guard case .array(let list) = entries[2].value.kind else { Issue.record("list is not a sequence"); return }
        #expect(list.count == 2)
    }

    @Test func controlCharacterInYAMLIsReportedWhereItIs() {
        let text = "required:\n  - qa\n  - ab\u{01}c\n"
        #expect(throws: DiagnosticError.self) { _ = try YAMLReader.read(text, path: "s.yaml") }
        do { _ = try YAMLReader.read(text, path: "s.yaml") } catch {
            #expect(error.diagnostics.first?.description.hasPrefix("s.yaml:3:7: error: invalid YAML text: control characters are not allowed (U+0001)") == true)
        }
        do { _ = try YAMLReader.read("x: \u{01}\n", path: "f.md", lineOffset: 1) } catch {
            #expect(error.diagnostics.first?.location == SourceLocation(file: "f.md", line: 2, column: 4))
        }
    }

    @Test func nestingDeeperThanTheLimitIsALocatedError() {
        let yaml = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        do { _ = try YAMLReader.read(yaml, path: "d.yaml"); Issue.record("accepted") } catch {
            #expect(error.diagnostics.first?.description == "d.yaml:1:201: error: YAML is nested more than 200 levels deep")
        }
        let json = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        do { _ = try JSONReader.read(json, path: "d.json"); Issue.record("accepted") } catch {
            #expect(error.diagnostics.first?.description == "d.json:1:201: error: invalid JSON: nested more than 200 levels deep")
        }
    }

    @Test func filesOverTheSizeLimitAreRefusedBeforeReading() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("flightdeck-limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A sparse 50 MiB file: refusing it must not read it (that would take its size in memory).
        let url = folder.appendingPathComponent("notes.md")
        #expect(FileManager.default.createFile(atPath: url.path, contents: Data("# Notes\n".utf8)))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 50 << 20)
        try handle.close()
        let log = DiagnosticLog()
        #expect(ContentFile(path: "r/notes.md", url: url).readText(log: log) == nil)
        #expect(log.diagnostics.map(\.description) == [
            "r/notes.md:1:1: error: file is 50 MiB; the limit for this kind of file is 4 MiB (aggregate the data, or split it)",
        ])
        #expect(InputLimits.standard.maxBytes(forExtension: "md") == 4 << 20)
        #expect(InputLimits.standard.maxBytes(forExtension: "csv") == 128 << 20)
        #expect(InputLimits.tooLarge("x", size: (4 << 20) + 1, limit: 4 << 20).message.hasPrefix("file is 4.1 MiB;"))
    }

    @Test func aFileGivesABoundedNumberOfDiagnostics() {
        let log = DiagnosticLog(perFileLimit: 3)
        for k in 1...10 { log.error("bad \(k)", at: SourceLocation(file: "a.json", line: k, column: 1)) }
        log.warning("odd", at: SourceLocation(file: "a.json", line: 11, column: 1))
        log.error("other file", at: SourceLocation(file: "b.json", line: 1, column: 1))
        #expect(log.diagnostics.map(\.description) == [
            "a.json:1:1: error: bad 1", "a.json:2:1: error: bad 2", "a.json:3:1: error: bad 3",
            "a.json:4:1: note: more than 3 errors in this file; the rest are not shown",
            "a.json:11:1: warning: odd", "b.json:1:1: error: other file",
        ])
        #expect(log.hasErrors)
    }

    @Test func aLongUnknownKeyIsNotComparedForSuggestions() {
        let key = String(repeating: "k", count: 1_000_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure { #expect(Suggestion.closest(to: key, in: ["job_id", "timestamp"]) == nil) }
        #expect(elapsed < .seconds(2))
        #expect(Suggestion.closest(to: "job_idd", in: ["job_id", "timestamp"]) == "job_id")
    }
}

/// CSV's odd shapes: lone CR line endings, a file of only carriage returns, and more columns than the limit.
@Suite struct CSVShapeTests {
    @Test func loneCarriageReturnsEndRecords() throws {
        let table = try CSVFileReader.read("a,b\r1,2\r3,4\r", path: "m.csv")
        #expect(table.header == ["a", "b"])
        #expect(table.rows.map(\.cells) == [["1", "2"], ["3", "4"]])
        #expect(table.rows.map(\.line) == [2, 3])
        let mixed = try CSVFileReader.read("a,b\r\n\"x\r\ny\",2\r5,6\n", path: "m.csv")
        #expect(mixed.rows.map(\.cells) == [["x\r\ny", "2"], ["5", "6"]])
    }

    @Test func aFileOfOnlyCarriageReturnsHasNoHeader() {
        do { _ = try CSVFileReader.read(String(repeating: "\r", count: 100_000), path: "cr.csv"); Issue.record("accepted") } catch {
            #expect(error.diagnostics.map(\.description) == ["cr.csv:1:1: error: CSV file has no header row"])
        }
    }

    @Test func aHeaderWiderThanTheLimitIsRefusedAtTheFirstColumnPastIt() {
        let header = (0..<10_000).map { "c\($0)" }.joined(separator: ",")
        do { _ = try CSVFileReader.read(header + "\n", path: "w.csv"); Issue.record("accepted") } catch {
            let column = 1 + (0..<2_000).map { "c\($0)".count + 1 }.reduce(0, +)
            #expect(error.diagnostics.map(\.description) == [
                "w.csv:1:\(column): error: header has 10000 columns; the limit is 2000 (split the file, or put the data in rows)",
            ])
        }
    }
}
