import Foundation
import Testing
@testable import Flightdeck

/// The definitions each piece of a long text is parsed after (`ReferenceDefinitions`): libcmark's own, found by
/// probes, written out so that libcmark reads them back the same, within its expansion limit. The whole parse is
/// libcmark itself, so each case is checked by parsing whole and in pieces (`MarkdownPiecesTests.expectSame`).
@Suite struct ReferenceDefinitionsTests {
    /// The definitions of `text` as `ReferenceDefinitions` writes them.
    static func definitions(_ text: String) -> String {
        ReferenceDefinitions.definitions(of: text, options: CmarkDocument.options(unsafeHTML: false))
    }

    /// What probing the whole of `text` finds (`ReferenceDefinitions.parse` after `labels`).
    static func found(_ text: [UInt8]) -> ReferenceDefinitions.Found? {
        text.withUnsafeBufferPointer { buffer in
            guard let labels = ReferenceDefinitions.labels(in: buffer, 0..<buffer.count) else { return nil }
            return ReferenceDefinitions.parse(buffer, labels: labels, options: CmarkDocument.options(unsafeHTML: false))
        }
    }

    @Test func definitionsAreWrittenSoThatLibcmarkReadsThemBack() throws {
        let text = "[a]: <x y> \"t \\\"q\\\"\"\n[b]: /p?a=1&amp;b=2 'it\\'s'\n[c]: &#32;/lead (x &#10; y)\n[d]: /b\\\\s \"&amp;amp;\"\n[e]: <>\n\n"
            + "In the text: `[z]: /not`.\n"
        #expect(Self.definitions(text) == "[a]: <x&#32;y> \"t&#32;\\\"q\\\"\"\n[b]: </p?a=1&amp;b=2> \"it's\"\n"
            + "[c]: <&#32;/lead> \"x&#32;&#10;&#32;y\"\n[d]: </b\\\\s> \"&amp;amp;\"\n[e]: <>\n")
        #expect(try MarkdownPiecesTests.expectSame("[a] [b] [c] [d] [e] [z]\n\n" + text) == 3)
    }

    @Test func aLabelWrittenOverLinesInAQuoteIsFoundOnce() throws {
        #expect(Self.definitions("> [Long\n> Label]: /l\n\n[x\ny]: /xy\n") == "[Long\n    Label]: </l>\n[x\n    y]: </xy>\n")
        #expect(Self.definitions("[a]: /1\n[A]: /2\n\n`[b]: /3`\n") == "[a]: </1>\n")
    }

    /// libcmark refuses references once they expanded more than the text's size (at least 100,000 bytes): pieces,
    /// each with a limit of its own, would link them all, so such a text is parsed whole.
    @Test func referencesBeyondTheWholeTextsExpansionLimitAreParsedWhole() throws {
        let url = String(repeating: "x", count: 2000)
        let text = "[a]: /\(url)\n\n" + (1...80).map { "Use [a] \($0)." }.joined(separator: "\n\n") + "\n"
        #expect(try MarkdownPiecesTests.expectSame(text) == 1)
        let html = try MarkdownPiecesTests.html(text)
        let links = html.components(separatedBy: "<a href=").count - 1
        #expect(links > 40 && links < 80)
        // Under the limit, the same text is cut.
        #expect(try MarkdownPiecesTests.expectSame("[a]: /\(url)\n\n" + (1...20).map { "Use [a] \($0)." }.joined(separator: "\n\n") + "\n") == 21)
    }

    /// A probe left undefined must have fitted in what the limit left after the probes before it: here the first
    /// probe takes 150 KB and the second, in a 100 KB paragraph, may take up to 120 KB of a 250 KB limit, so the
    /// probes are parsed again after blank lines, and `[m]` is still found undefined.
    @Test func probesThatMayHaveBeenRefusedAreParsedAgainAfterBlankLines() throws {
        let paragraph = "[big]: /" + String(repeating: "x", count: 150_000) + "\n[m]: " + String(repeating: "word ", count: 20_000) + "\n"
        let found = try #require(Self.found(Array(paragraph.utf8)))
        #expect(found.linesBefore > 4)  // two probes of two lines each, then the blank lines
        #expect(found.definitions.count == 1)
        #expect(found.definitions.first.map { String(decoding: $0.markdown, as: UTF8.self) }?.hasPrefix("[big]: </xxx") == true)
        #expect(try MarkdownPiecesTests.expectSame("See [big] and [m].\n\n" + paragraph) == 2)
    }

    /// A `]:` whose label may read in too many ways, or starts too far back over lines, cannot be looked up: the text
    /// is parsed whole. On one line, a label of more than 1,000 bytes is none.
    @Test func labelsThatCannotBeLookedUpMeanAWholeParse() throws {
        #expect(try MarkdownPiecesTests.expectSame("a\n\n[l\n> > b\n> > c\n> > d]: /u\n\ne\n") == 1)
        #expect(try MarkdownPiecesTests.expectSame("a\n\n[l\n" + String(repeating: "yy\n", count: 1500) + "z]: /u\n\ne\n") == 1)
        #expect(try MarkdownPiecesTests.expectSame("a\n\n[" + String(repeating: "y", count: 1001) + "]: /u\n\ne\n") == 3)
        #expect(try MarkdownPiecesTests.expectSame("a\n\n[" + String(repeating: "y", count: 1000) + "]: /u\n\ne [" + String(repeating: "y", count: 1000) + "]\n") == 3)
    }

    /// Keys match labels as libcmark does where they are all ASCII after case folding: eleven characters beyond ASCII
    /// fold to ASCII alone; any other leaves no key.
    @Test func asciiKeysFoldCaseAndWhitespaceAsLibcmark() {
        let key = { (label: String) in ReferenceDefinitions.asciiKey(Array(label.utf8)) }
        #expect(key(" Foo \t\n  BAR ") == "foo bar")
        #expect(key("Stra\u{DF}e") == "strasse" && key("STRASSE") == "strasse" && key("\u{1E9E}") == "ss")
        #expect(key("\u{212A}elvin") == "kelvin" && key("\u{FB03}x") == "ffix" && key("\u{17F}") == "s")
        #expect(key("\u{E9}mile") == nil && key("\u{C9}MILE") == nil && key("a\u{A0}b") == nil)
        #expect(key("a\\]b") == "a\\]b")
    }

    /// What a piece may use: each innermost text in brackets, over lines each way it may read.
    @Test func usesAreTheTextsInBrackets() throws {
        let uses = { (text: String) -> [String]? in
            var text = text
            return text.withUTF8 { ReferenceDefinitions.uses(in: $0, 0..<$0.count) }?.sorted()
        }
        #expect(uses("See [the Guide], [text][Ref], ![alt][], `[code]` and [a [b] c].") == ["alt", "b", "code", "ref", "text", "the guide"])
        #expect(uses("[escaped \\] still] and \\[not]") == ["escaped \\] still"])
        #expect(uses("> [Long\n> Label] and [\u{E9}mile]") == ["long > label", "long label"])
        #expect(uses("[" + String(repeating: "y", count: 1001) + "]") == [])
        #expect(uses("[a\n> > b\n> > c\n> > d]") == nil)
        // No label spans a blank line: a stray `[` does not reach a `]` paragraphs later.
        #expect(uses("A stray [ here.\n\n" + String(repeating: "Text.\n", count: 1000) + "\nand ] [there]") == ["there"])
    }

    /// Each piece is parsed after the definitions it may use, not all: a changelog whose every entry defines its own
    /// link is cut, and each piece's links are the whole text's.
    @Test func eachPieceGetsTheDefinitionsItMayUse() throws {
        let small = Array("[a]: /a\n[B]: /b\n[\u{E9}]: /e\n[A]: /again\n".utf8)
        let found = try #require(Self.found(small))
        var list = ReferenceDefinitions.List()
        list.append(contentsOf: found.definitions)
        #expect(list.markdown == "[a]: </a>\n[B]: </b>\n[\u{E9}]: </e>\n")  // `[A]` can never win
        let piece = Array("Use [b] only.".utf8)
        #expect(piece.withUnsafeBufferPointer { list.markdown(usedIn: $0, 0..<$0.count) } == "[B]: </b>\n[\u{E9}]: </e>\n")

        let entries = (1...40).map { "## 1.\($0)\n\nFixed the loader ([#\($0)]).\n\n[#\($0)]: https://example.com/pull/\($0)\n" }
        let text = "See [#40] and [\u{E9}mile].\n\n" + entries.joined(separator: "\n") + "\n[\u{C9}MILE]: /e\n"
        #expect(try MarkdownPiecesTests.expectSame(text) == 122)
        let html = try MarkdownPiecesTests.html(text)
        #expect(html.contains(#"See <a href="https://example.com/pull/40">#40</a> and <a href="/e">émile</a>."#))
        #expect(html.components(separatedBy: "<a href=").count - 1 == 42)
    }

    /// A real changelog (rust-clippy's, 448 KB, Fixtures/markdown/provenance.tsv) with 1,034 definitions, most in one
    /// run at its end, is cut in pieces of the standard size, and gives cmark-gfm's HTML (`MarkdownTests` checks the
    /// whole parse; `MarkdownPiecesTests` the smallest pieces).
    @Test func aRealChangelogIsCut() throws {
        let folder = MarkdownTests.folder
        let text = try String(contentsOf: folder.appendingPathComponent("clippy-changelog.md"), encoding: .utf8)
        let expected = try String(contentsOf: folder.appendingPathComponent("clippy-changelog.html"), encoding: .utf8)
        let document = try MarkdownRenderer.parse(text, file: "CHANGELOG.md", unsafeHTML: false, keepLinks: false)
        #expect(document.pieceCount == 3)
        #expect(try MarkdownTests.withoutHeadingIDs(document.html()) == expected)
    }

    /// A text whose HTML is made again where it is used (a checklist's) finds its definitions again the same way.
    @Test func htmlMadeOnUseFindsTheSameDefinitions() throws {
        let text = "- [ ] See [the guide] and [#2].\n\n> [The Guide]: /g 'G'\n\nMore.\n\n- [x] Done ([#2]).\n\n  [#2]: https://example.com/2\n"
        let whole = try MarkdownRenderer.parse(text, file: "c.md", unsafeHTML: false, keepLinks: false, pieceSize: .whole)
        let onUse = try MarkdownRenderer.parse(text, file: "c.md", unsafeHTML: false, keepLinks: false, htmlOnUse: true, pieceSize: .smallest)
        #expect(onUse.pieceCount == 3)
        #expect(try onUse.html() == whole.html())
        #expect(try onUse.html().contains(#"<a href="/g" title="G">the guide</a>"#))
        #expect(onUse.tasks == whole.tasks)
    }
}
