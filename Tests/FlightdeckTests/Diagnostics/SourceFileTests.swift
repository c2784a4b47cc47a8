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
}
