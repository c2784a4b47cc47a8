import Foundation
import Testing
@testable import Flightdeck

/// The source lines under diagnostics are read a block at a time, as `SourceFile` would split the whole text.
@Suite struct DiagnosticRendererTests {
    /// A new empty folder under the temporary directory.
    private static func newFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private func withFile(_ bytes: [UInt8], _ body: (URL) throws -> Void) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("render-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(bytes).write(to: url)
        try body(url)
    }

    @Test func readsTheWantedLinesAsTheWholeTextHasThem() throws {
        // Lines longer than a read block, CRLF, an empty line, a non-ASCII line and a last line without a break.
        let long = String(repeating: "abcdefgh", count: 20_000)
        let text = "first\r\n\(long)\n\nnaïve ✓\n" + (1...5_000).map { "line \($0)" }.joined(separator: "\n") + "\nend"
        try withFile(Array(text.utf8)) { url in
            let whole = SourceFile(path: "f", text: text)
            let wanted: Set<Int> = [1, 3, 4, 5, 2_000, 5_004, 5_005, 5_006]
            let found = try DiagnosticRenderer.lines(wanted.union([2]), of: url.path)
            for number in wanted { #expect(found[number] == whole.line(number).map(String.init), "line \(number)") }
            // A long line is kept up to 4,096 bytes: more than the 200 characters shown.
            #expect(found[2] == String(long.prefix(4_096)))
        }
    }

    @Test func aLineThatIsNotUTF8IsLeftOutAndTheOthersStay() throws {
        try withFile(Array("a: 1\nb: ".utf8) + [0xC3, 0x28] + Array("\nc: 3\n".utf8)) { (url: URL) throws in
            #expect(try DiagnosticRenderer.lines([1, 2, 3], of: url.path) == [1: "a: 1", 3: "c: 3"])
        }
    }

    @Test func rendersTheLineAndCaretUnderEachDiagnostic() throws {
        let folder = try Self.newFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("title: x\nrequired: [qa]\n".utf8).write(to: folder.appendingPathComponent("s.yaml"))
        let rendered = DiagnosticRenderer.render([
            .warning("role 'qa' is not signed", at: SourceLocation(file: "s.yaml", line: 2, column: 12)),
            .error("gone", at: SourceLocation(file: "missing.yaml", line: 1, column: 1)),
        ], root: folder)
        #expect(rendered == """
            s.yaml:2:12: warning: role 'qa' is not signed
            2 | required: [qa]
              |            ^
            missing.yaml:1:1: error: gone
            """)
    }

    /// A file that is there but cannot be read says so under its diagnostic; a missing one shows no line.
    @Test func aFileThatCannotBeReadSaysSo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("folder.yaml"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let rendered = DiagnosticRenderer.render([.error("bad", at: SourceLocation(file: "folder.yaml", line: 1, column: 1))], root: folder)
        #expect(rendered.hasPrefix("folder.yaml:1:1: error: bad\n  (cannot read folder.yaml to show the line: "), "\(rendered)")
        #expect(throws: POSIXError.self) { try DiagnosticRenderer.lines([1], of: folder.appendingPathComponent("gone.yaml").path) }
    }

    /// Control characters of the data (found by the fuzzer: a lone carriage return in a JSON string) are shown as
    /// symbols, one for one: the terminal's cursor does not move, a log reader sees the lines the renderer wrote,
    /// and the caret stays under its column.
    @Test func controlCharactersInTheLineAndMessageAreShownAsSymbols() throws {
        let folder = try Self.newFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("{\"status\":\"erro\rr\u{1B}[31m\tx\u{7F}\u{85}\u{2028}\"}\n".utf8).write(to: folder.appendingPathComponent("r.json"))
        let rendered = DiagnosticRenderer.render([
            .error("invalid JSON: control character in string \"o\rr\"", at: SourceLocation(file: "r.json", line: 1, column: 16)),
        ], root: folder)
        #expect(rendered == """
            r.json:1:16: error: invalid JSON: control character in string "o\u{240D}r"
            1 | {"status":"erro\u{240D}r\u{241B}[31m\tx\u{2421}\u{FFFD}\u{FFFD}"}
              |                ^
            """)
        #expect(rendered.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count == 3)
        #expect(Diagnostic.visible("a\tb\nc", keepingLineFeeds: true) == "a\tb\nc")
        #expect(Diagnostic.visible("a\nc", keepingLineFeeds: false) == "a\u{240A}c")
    }
}
