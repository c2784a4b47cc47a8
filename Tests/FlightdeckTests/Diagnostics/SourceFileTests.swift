import Testing
@testable import Flightdeck

@Suite struct SourceFileTests {
    @Test func columnsCountBytesInASCIIText() {
        let file = SourceFile(path: "a.json", text: "{\"a\": 1,\n  \"bc\": [2, 3]}")
        #expect(file.location(ofUTF8Offset: 0) == SourceLocation(file: "a.json", line: 1, column: 1))
        #expect(file.location(ofUTF8Offset: 6) == SourceLocation(file: "a.json", line: 1, column: 7))
        #expect(file.location(ofUTF8Offset: 9) == SourceLocation(file: "a.json", line: 2, column: 1))
        #expect(file.location(ofUTF8Offset: 17) == SourceLocation(file: "a.json", line: 2, column: 9))
    }

    @Test func columnsCountCharactersNotBytesInOtherText() {
        // "é" is two bytes and "🚀" four, each one column; a non-ASCII line elsewhere does not shift ASCII lines.
        let file = SourceFile(path: "a.yaml", text: "x: 1\nname: é🚀 ok\n")
        let ok = Array("x: 1\nname: é🚀 ".utf8).count
        #expect(file.location(ofUTF8Offset: ok) == SourceLocation(file: "a.yaml", line: 2, column: 10))
        #expect(file.location(ofUTF8Offset: 3) == SourceLocation(file: "a.yaml", line: 1, column: 4))
    }

    @Test func linesOfEmptyTrailingAndCRLFText() {
        #expect(SourceFile(path: "e", text: "").location(ofUTF8Offset: 0) == SourceLocation(file: "e", line: 1, column: 1))
        let file = SourceFile(path: "c", text: "a\r\nb\n\n")
        #expect(file.location(ofUTF8Offset: 3) == SourceLocation(file: "c", line: 2, column: 1))
        #expect(file.location(ofUTF8Offset: 6) == SourceLocation(file: "c", line: 4, column: 1))
        #expect(file.line(1) == "a" && file.line(3) == "" && file.line(4) == "" && file.line(5) == nil)
        // A bridged or shared string may not be contiguous UTF-8: the slow path indexes it the same way.
        let lazy = String(Substring("x\né\ny"))
        #expect(SourceFile(path: "l", text: lazy).location(ofUTF8Offset: 5) == SourceLocation(file: "l", line: 3, column: 1))
    }
}
