import Foundation
import Testing
@testable import Flightdeck

/// Markdown parsed in pieces (`MarkdownPieces`) gives exactly what the whole text gives: the HTML, the task items,
/// the first heading, the link warnings and the links. The whole parse is itself checked against cmark-gfm
/// (`MarkdownTests`); here each text is parsed with pieces as small as they can be, a cut at every line that
/// allows one.
@Suite struct MarkdownPiecesTests {
    static let folder = MarkdownTests.folder

    /// The Markdown of the 652 examples of the CommonMark 0.30 spec (Fixtures/markdown/spec/extract.py).
    static let examples: [String] = {
        struct Example: Decodable { let markdown: String }
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("spec/examples.json")),
              let examples = try? JSONDecoder().decode([Example].self, from: data) else { return [] }
        return examples.map(\.markdown)
    }()

    /// Parses `text` whole and in the smallest pieces, expects the same results, and returns the piece count.
    @discardableResult
    static func expectSame(_ text: String, unsafeHTML: Bool = false, nested: Bool = false, demote: Bool = true,
                           sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Int {
        let whole = try MarkdownRenderer.parse(text, file: "notes.md", unsafeHTML: unsafeHTML, nested: nested, demote: demote,
                                               firstLine: 3, keepLinks: true, pieceSize: .whole)
        let pieces = try MarkdownRenderer.parse(text, file: "notes.md", unsafeHTML: unsafeHTML, nested: nested, demote: demote,
                                                firstLine: 3, keepLinks: true, pieceSize: .smallest)
        #expect(whole.pieceCount == 1, sourceLocation: sourceLocation)
        #expect(try pieces.html() == whole.html(), "\(text.debugDescription)", sourceLocation: sourceLocation)
        #expect(pieces.tasks == whole.tasks, sourceLocation: sourceLocation)
        #expect(pieces.firstHeading == whole.firstHeading, sourceLocation: sourceLocation)
        #expect(pieces.warnings == whole.warnings, sourceLocation: sourceLocation)
        #expect(pieces.links == whole.links, sourceLocation: sourceLocation)
        return pieces.pieceCount
    }

    /// Runs of six consecutive spec examples, one after another with a blank line between: every block kind, and
    /// fences, HTML blocks and definitions that reach past their example. Nearly every run is cut.
    @Test(arguments: [false, true]) func specExampleRunsGiveTheWholeResult(unsafeHTML: Bool) throws {
        #expect(Self.examples.count == 652)
        var cut = 0
        for start in Self.examples.indices {
            let text = Self.examples[start..<min(start + 6, Self.examples.count)].joined(separator: "\n\n")
            if try Self.expectSame(text, unsafeHTML: unsafeHTML) > 1 { cut += 1 }
        }
        #expect(cut >= 590, "only \(cut) of 652 runs were parsed in pieces")
    }

    /// Each spec example after a paragraph and before one, nested and demoted as release notes are.
    @Test func specExamplesNestedGiveTheWholeResult() throws {
        for example in Self.examples {
            try Self.expectSame("# Notes\n\nBefore.\n\n" + example + "\n\nAfter [x].\n\n[x]: /x\n", nested: true)
        }
    }

    /// 400 random documents of link reference definitions (Fixtures/markdown/definitions/generate.py, seed 1717):
    /// each parsed whole gives cmark-gfm's HTML, and parsed in the smallest pieces the same.
    @Test func randomDefinitionsGiveCmarkGFMsResultWholeAndInPieces() throws {
        struct Case: Decodable { let markdown: String; let html: String }
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("definitions/cases.json"))
        let cases = try JSONDecoder().decode([Case].self, from: data)
        #expect(cases.count == 400)
        var cut = 0
        for (index, item) in cases.enumerated() {
            let whole = try MarkdownRenderer.parse(item.markdown, file: "a.md", unsafeHTML: false, keepLinks: false, pieceSize: .whole)
            #expect(try MarkdownTests.withoutHeadingIDs(whole.html()) == item.html, "case \(index): \(item.markdown.debugDescription)")
            if try Self.expectSame(item.markdown) > 1 { cut += 1 }
        }
        #expect(cut >= 395, "only \(cut) of 400 were cut (one is a list from its second block on)")
    }

    @Test(arguments: MarkdownTests.cases) func fixturesGiveTheWholeResult(_ name: String) throws {
        let markdown = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        try Self.expectSame(markdown, unsafeHTML: name.hasSuffix(".unsafe.md"))
        try Self.expectSame(markdown, unsafeHTML: name.hasSuffix(".unsafe.md"), nested: true)
    }

    @Test func aDefinitionReachesLinksInEveryPiece() throws {
        let text = "Use [the guide][g] first.\n\nMiddle.\n\n[g]: https://example.com/guide \"Guide\"\n\nAgain [g].\n"
        #expect(try Self.expectSame(text) == 4)
        let html = try MarkdownRenderer.parse(text, file: "a.md", unsafeHTML: false, keepLinks: false, pieceSize: .smallest).html()
        #expect(html.components(separatedBy: #"<a href="https://example.com/guide" title="Guide">"#).count == 3)
    }

    @Test func blankLinesInsideAFenceOrAnHTMLCommentAreNotCut() throws {
        #expect(try Self.expectSame("```\na\n\nb\n\n```\n\nc\n\nd\n") == 3)
        #expect(try Self.expectSame("<!-- a\n\nb\n\nc -->\n\nd\n\ne\n") == 3)
        #expect(try Self.expectSame("<pre>\n\nx\n\n</PRE>\n\ny\n") == 2)
        #expect(try Self.expectSame("~~~~\n\nx\n~~~\n\ny\n~~~~~\n\nz\n") == 2)
    }

    /// A fence inside a list item looks like a top-level one to the scan, which then takes the real top-level
    /// fence after it for a closing one; the check on libcmark's tree finds that the piece ending before `d` ends
    /// inside that fence, and the text from that piece on is parsed as one.
    @Test func aWrongCutIsFoundAndTheRestParsedWhole() throws {
        let text = "Intro.\n\nMore.\n\n- a\n\n  ```\n  b\n\nc\n\n```\n\nd\n\ne\n```\n\nf\n"
        let count = try Self.expectSame(text)
        #expect(count == 2)
        let html = try MarkdownRenderer.parse(text, file: "a.md", unsafeHTML: false, keepLinks: false, pieceSize: .smallest).html()
        #expect(html.contains("<pre><code>\nd\n\ne\n</code></pre>"))
    }

    /// The same scan mistake would take a definition-shaped line inside the fence for a definition: the check
    /// on the tree finds that the cut before it was inside a code block, and the rest is one piece, so `[foo]` stays text.
    @Test func aDefinitionInsideACodeBlockIsNotADefinition() throws {
        let text = "- a\n\n  ```\n  b\n\nc\n\n```\n\n[foo]: /x\n```\n\nSee [foo].\n"
        #expect(try Self.expectSame(text) == 1)
        #expect(try Self.html(text).contains("<p>See [foo].</p>"))
    }

    /// The HTML of `text` parsed in the smallest pieces.
    static func html(_ text: String) throws -> String {
        try MarkdownRenderer.parse(text, file: "a.md", unsafeHTML: false, keepLinks: false, pieceSize: .smallest).html()
    }

    /// A definition wherever libcmark reads one reaches every piece: in a block quote, a list item, under a heading,
    /// before a heading or a setext underline, over two lines (libcmark's own definitions, `ReferenceDefinitions`).
    @Test func aDefinitionAnywhereReachesEveryPiece() throws {
        #expect(try Self.expectSame("a\n\n> [x]: /q\n\nb [x]\n") == 3)
        #expect(try Self.expectSame("# a\n[x]: /q\n\nb [x]\n") == 2)
        #expect(try Self.expectSame("a\n\n[x]: /q\n# b\n\nc [x]\n") == 3)
        #expect(try Self.expectSame("a\n\n- [x]: /q\n\nb [x]\n") == 2)
        #expect(try Self.expectSame("a\n\n- b\n\n  [x]: /q\n\nc [x]\n") == 2)
        #expect(try Self.expectSame("a\n\n  [x]: /q\n===\n\nb [x]\n") == 2)
        for text in ["a\n\n> [x]: /q\n\nb [x]\n", "a\n\n- b\n\n  [x]: /q\n\nc [x]\n", "a\n\n  [x]: /q\n===\n\nb [x]\n"] {
            #expect(try Self.html(text).contains(#"<a href="/q">x</a>"#))
        }
        // A label over two lines, in a block quote (its second line's `>` is not the label's), with a title.
        let quoted = "See [long\nlabel].\n\nMore.\n\n> [Long\n> Label]: /l 'T'\n\nEnd [long label].\n"
        #expect(try Self.expectSame(quoted) == 4)
        #expect(try Self.html(quoted).components(separatedBy: #"<a href="/l" title="T">"#).count == 3)
        // The first definition of a label wins, whichever piece it is in.
        let twice = "[a] and [A].\n\n> [A]: /first\n\nMiddle.\n\n[a]: /second\n"
        #expect(try Self.expectSame(twice) == 4)
        #expect(try Self.html(twice).contains(#"<a href="/first">a</a> and <a href="/first">A</a>"#))
    }

    /// A paragraph whose first line looks like a definition and is not one is text, and is cut around.
    @Test func aParagraphThatOnlyLooksLikeADefinitionIsText() throws {
        #expect(try Self.expectSame("a\n\n> [y]: and z]: w\n\nb\n") == 3)
        #expect(try Self.expectSame("a\n\n[y\nz]: w and more\n\nb [y z]\n") == 3)
        #expect(try Self.html("a\n\n[y\nz]: w and more\n\nb [y z]\n").contains("<p>b [y z]</p>"))
        #expect(try Self.expectSame("a\n\n[#12](https://example.com/12) fixed the loader.\n\nb [x]\n\n[x]: /q\n\nc [x]\n") == 5)
        #expect(try Self.expectSame("a\n\n[#12](https://example.com/12) fixed\n`m[k]: v`.\n\nb\n") == 3)
        #expect(try Self.expectSame("a\n\n> [y](/y) and `m[k]: v`\n\nb\n") == 3)
        #expect(try Self.expectSame("a\n\n[a [b]: c\n\nd\n") == 3)
        #expect(try Self.expectSame("a\n\n[a\\]b] x]: y\n\nd\n") == 3)
        // An escaped bracket does not end the label: `[a\]b]:` is a definition.
        #expect(try Self.expectSame("a [a\\]b]\n\n[a\\]b]: /q\n\nd [a\\]b]\n") == 3)
    }

    /// `]:` in text is text: inline code, a table cell, a paragraph's later line, lazy continuation, a list item, a
    /// heading. Table cells see the same definitions as the rest of the text: none from such a line.
    @Test func aDefinitionMarkInTextIsText() throws {
        #expect(try Self.expectSame("a\n\n`x[1]: y`\n\nb\n") == 3)
        #expect(try Self.expectSame("a\nb x]: /q\n\nb [x]\n") == 2)
        #expect(try Self.expectSame("Intro.\n\n> a\nb [x]: /q\n\nb [x]\n\n- c `m[k]: v`\n\n  d [x]: e\n\nEnd [x].\n") > 1)
        #expect(try Self.expectSame("a\n[x]: /q\n\n| t |\n|-|\n| [x] |\n") == 2)
        #expect(try Self.html("a\n[x]: /q\n\n| t |\n|-|\n| [x] |\n").contains("<td>[x]</td>"))
        #expect(try Self.expectSame("a\n\n```\n[x]: /code\n```\n\n| t |\n|-|\n| [x] |\n") == 3)
        #expect(try Self.html("a\n\n```\n[x]: /code\n```\n\n| t |\n|-|\n| [x] |\n").contains("<td>[x]</td>"))
        #expect(try Self.expectSame("# Map m[k]: v\n\n| a | b |\n|-|-|\n| m[k]: v | 2 |\n\nText.\n\nSetext m[k]: v\n---\n\nEnd.\n") == 5)
        // A definition elsewhere still reaches every piece, and the cells of a table in another piece.
        let text = "See [g].\n\nThe loader returns `counts[name]: int`.\n\n[g]: https://example.com/g\n\nAgain [g], `m[k]: v`.\n\n| t |\n|-|\n| [g] |\n"
        #expect(try Self.expectSame(text) == 5)
        #expect(try Self.html(text).components(separatedBy: #"<a href="https://example.com/g">g</a>"#).count == 4)
    }

    /// `]:` in a fenced code block or an HTML block is text (a Python return type, a YAML key). Where the scan only
    /// thinks it is in a fence — one inside a list item, which the next line in column 0 closes — the line is a
    /// definition, which reaches the first piece.
    @Test func aDefinitionMarkInCodeIsText() throws {
        let text = "Intro [g].\n\n```python\ndef f() -> dict[str, int]:\n\n    return {}\n```\n\nMiddle.\n\n<!--\nx[1]: y\n\n-->\n\n"
            + "[g]: https://example.com/g\n\nEnd [g].\n"
        let count = try Self.expectSame(text)
        #expect(count == 6)
        #expect(try Self.html(text).contains("<code class=\"language-python\">def f() -&gt; dict[str, int]:\n\n    return {}\n</code>"))
        let inList = "See [x].\n\nIntro.\n\n- a\n\n  ```\n  b\n\n[x]: /q\n\n~~~\n\nAlso [x].\n\n~~~\n\nEnd [x].\n"
        #expect(try Self.expectSame(inList) == 2)
        #expect(try Self.html(inList).components(separatedBy: #"<a href="/q">x</a>"#).count == 3)
        // The same with an HTML comment in the list item, and with a fence whose container ends on the next line.
        #expect(try Self.expectSame("See [x].\n\nIntro.\n\n- a\n\n  <!--\n  b\n\n[x]: /q\n\n-->\n\nEnd [x].\n") == 3)
        #expect(try Self.expectSame("See [x].\n\nIntro.\n\n- a\n\n  ```\n  b\n[x]: /q\n\n```\n\nEnd [x].\n") == 2)
    }

    @Test func listsAreNotCutBetweenTheirItems() throws {
        #expect(try Self.expectSame("- a\n\n- b\n\n1. c\n\n2. d\n\n* e\n\n+ f\n\ng\n") == 2)
    }

    @Test func headingIDsTasksAndSectionsRunOnAcrossPieces() throws {
        let text = "## Changes\n\n- [x] one\n\n## Changes\n\nText.\n\n- [ ] two `check: tests.success_rate >= 95`\n\n## Changes\n"
        let count = try Self.expectSame(text)
        #expect(count == 4)
        let document = try MarkdownRenderer.parse(text, file: "a.md", unsafeHTML: false, keepLinks: false, pieceSize: .smallest)
        #expect(try document.html().contains(#"<h2 id="changes-2">"#))
        #expect(document.tasks.map(\.line) == [3, 9])
        #expect(document.tasks.map(\.section) == ["Changes", "Changes"])
    }

    @Test func onlyTheFirstPieceLosesItsLeadingHeading() throws {
        #expect(try Self.expectSame("# Title\n\nText.\n\n# Second\n\nMore.\n", nested: true) == 4)
        #expect(try Self.expectSame("# Title\n\nText.\n\n# Second\n\nMore.\n", nested: true, demote: false) == 4)
    }

    @Test func refusedLinksAreWarnedOnceAcrossPiecesWithTheRestCounted() throws {
        let text = (1...30).map { "Link \($0): [x](javascript:alert(\($0)))\n" }.joined(separator: "\n")
        #expect(try Self.expectSame(text) == 30)
        let document = try MarkdownRenderer.parse(text, file: "a.md", unsafeHTML: false, firstLine: 3, keepLinks: false, pieceSize: .smallest)
        #expect(document.warnings.count == 21)
        #expect(document.warnings.last?.location == Flightdeck.SourceLocation(file: "a.md", line: 61, column: 14))
        #expect(document.warnings.last?.message.hasPrefix("10 more links") == true)
    }

    @Test func carriageReturnLineEndingsAreCutButALoneOneIsNot() throws {
        #expect(try Self.expectSame("a\r\n\r\n[x]: /u \"t\r\nu\"\r\n\r\nb [x]\r\n") == 3)
        #expect(try Self.expectSame("a\r\rb\n\nc\n") == 1)
        #expect(try Self.expectSame("\u{FEFF}a\n\nb\n") == 1)
        // Checked line by line: a lone one late in the text, at its very end, or before a line's CRLF; a NUL anywhere.
        #expect(try Self.expectSame("a\r\n\r\nb\r\n\r\nc\rd\r\n") == 1)
        #expect(try Self.expectSame("a\n\nb\n\nc\r") == 1)
        #expect(try Self.expectSame("a\n\nb\r\r\n\nc\n") == 1)
        #expect(MarkdownPieces("a\n\nb\n\nc\u{0}\n", size: .smallest) == nil)
        #expect(MarkdownPieces("a\n\nb\n\nc\n", size: .smallest) != nil)
    }

    @Test func piecesCoverTheTextAndStartWhereACutIsAllowed() throws {
        let text = "# A\n\npara\n\n  indented\n\n- item\n\n3. x\n\n|t|\n\n[d]: /u\n\n> q\n"
        let found = try #require(MarkdownPieces(text, size: .smallest))
        let utf8 = Array(text.utf8)
        #expect(found.pieces.first?.bytes.lowerBound == 0 && found.pieces.last?.bytes.upperBound == utf8.count)
        for (before, after) in zip(found.pieces, found.pieces.dropFirst()) { #expect(before.bytes.upperBound == after.bytes.lowerBound) }
        let starts = found.pieces.map { String(decoding: utf8[$0.bytes].prefix(4), as: UTF8.self) }
        #expect(starts == ["# A\n", "para", "|t|\n", "[d]:", "> q\n"])
        #expect(found.pieces.map(\.firstLine) == [1, 3, 11, 13, 15])
        #expect(MarkdownPieces(text, size: MarkdownPieces.Size(bytes: 20))?.pieces.map(\.firstLine) == [1, 11])
    }
}
