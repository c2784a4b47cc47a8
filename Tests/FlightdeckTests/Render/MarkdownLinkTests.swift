import FlightdeckCore
import Foundation
import Testing
@testable import Flightdeck

/// Links and images in Markdown: only http, https, mailto and relative URLs stay links (LinkFilter), in safe and
/// unsafe mode; the others are shown as text with a warning at the URL.
@Suite struct MarkdownLinkTests {
    /// A hostile link or image and the text the reader sees instead.
    struct Case: CustomTestStringConvertible, Sendable {
        let markdown: String
        let text: String
        var testDescription: String { markdown.debugDescription }
    }

    static let hostile: [Case] = [
        .init(markdown: "[a](javascript:alert(1))", text: "a"),
        .init(markdown: "[b](JaVaScRiPt:alert(1))", text: "b"),
        .init(markdown: "[c](< javascript:alert(1)>)", text: "c"),
        .init(markdown: "[d](<\u{1}javascript:alert(1)>)", text: "d"),
        .init(markdown: "[e](&#106;avascript:alert(1))", text: "e"),
        .init(markdown: "[f](&#x6A;avascript&colon;alert(1))", text: "f"),
        .init(markdown: "[g](<java\tscript:alert(1)>)", text: "g"),
        .init(markdown: "[h](java&#9;script:alert(1))", text: "h"),
        .init(markdown: "[i](java&#10;script:alert(1))", text: "i"),
        .init(markdown: "<javascript:alert(1)>", text: "javascript:alert(1)"),
        .init(markdown: "<JAVASCRIPT:alert(1)>", text: "JAVASCRIPT:alert(1)"),
        .init(markdown: "[j][r]\n\n[r]: javascript:alert(1)", text: "j"),
        .init(markdown: "[k][]\n\n[k]: <\tjavascript:alert(1)> \"title\"", text: "k"),
        .init(markdown: "![l](javascript:alert(1))", text: "l"),
        .init(markdown: "![m](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)", text: "m"),
        .init(markdown: "![n](data:image/png;base64,iVBORw0KGgo=)", text: "n"),
        .init(markdown: "[o](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", text: "o"),
        .init(markdown: "[p](vbscript:msgbox(1))", text: "p"),
        .init(markdown: "[q](file:///etc/passwd)", text: "q"),
        .init(markdown: "[r](ftp://files.example.com/)", text: "r"),
        .init(markdown: "[s](x-custom:thing)", text: "s"),
        .init(markdown: "*[t](javascript:alert(1))*", text: "<em>t</em>"),
        .init(markdown: "[![u](javascript:alert(1))](javascript:alert(2))", text: "u"),
        .init(markdown: "| h |\n|---|\n| [v](javascript:alert(1)) |", text: "<td>v</td>"),
        .init(markdown: "| h |\n|---|\n| ![w](vbscript:x) |", text: "<td>w</td>"),
        .init(markdown: "- [x](javascript:alert(1))", text: "<li>x</li>"),
        .init(markdown: "> [y](\\javascript:alert(1))", text: "y"),
    ]

    /// Every `href` and `src` in `html`, with the entities cmark writes decoded: what the browser sees.
    static func urls(in html: String) -> [String] {
        let pattern = /(?:href|src)="([^"]*)"/
        return html.matches(of: pattern).map { match in
            String(match.1).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        }
    }

    @Test(arguments: hostile, [false, true])
    func hostileURLsBecomeText(_ item: Case, unsafeHTML: Bool) throws {
        let rendered = try MarkdownRenderer.render(item.markdown + "\n", file: "n.md", unsafeHTML: unsafeHTML)
        #expect(Self.urls(in: rendered.html) == [], "\(rendered.html)")
        #expect(!rendered.html.contains("<a") && !rendered.html.contains("<img"), "\(rendered.html)")
        #expect(rendered.html.contains(item.text), "\(rendered.html)")
        #expect(!rendered.warnings.isEmpty)
    }

    @Test(arguments: [false, true])
    func safeURLsStayLinks(unsafeHTML: Bool) throws {
        let markdown = """
            [a](https://example.com/a?b=1&c=2) [b](../runbook.html#roll-back) [c](#notes) <mailto:ops@example.com>
            <ops@example.com> https://www.example.com/x ![d](img/chart.png) [e](HTTP://EXAMPLE.COM) [f](?q=a:b)
            """
        let rendered = try MarkdownRenderer.render(markdown, file: "n.md", unsafeHTML: unsafeHTML)
        #expect(Self.urls(in: rendered.html) == [
            "https://example.com/a?b=1&c=2", "../runbook.html#roll-back", "#notes", "mailto:ops@example.com",
            "mailto:ops@example.com", "https://www.example.com/x", "img/chart.png", "HTTP://EXAMPLE.COM", "?q=a:b",
        ])
        #expect(rendered.warnings.isEmpty)
    }

    /// GFM autolinks `ftp://` text; Flightdeck's rule refuses ftp, so it stays the text it was, with no warning
    /// (the author wrote no link).
    @Test func ftpAutolinksStayPlainText() throws {
        let rendered = try MarkdownRenderer.render("See ftp://files.example.com/pub and www.example.com.\n", file: "n.md", unsafeHTML: false)
        #expect(rendered.html == #"<p>See ftp://files.example.com/pub and <a href="http://www.example.com">www.example.com</a>.</p>"# + "\n")
    }

    /// Raw HTML with `markdown.unsafe_html: true` is the site's choice and passes as written (docs/markdown.md).
    @Test func rawHTMLIsNotFilteredInUnsafeMode() throws {
        let rendered = try MarkdownRenderer.render(#"<a href="javascript:x">raw</a> and [md](javascript:y)"# + "\n", file: "n.md", unsafeHTML: true)
        #expect(rendered.html == #"<p><a href="javascript:x">raw</a> and md</p>"# + "\n")
    }

    /// Where each link is written is kept only for the link checker; the HTML is the same either way.
    @Test func linkPlacesAreKeptOnlyWhenAsked() throws {
        let markdown = "# Notes\n\nSee [the guide](guide.html#setup) and ![flow](img/flow.png).\n\n[refused](javascript:x) <https://example.com>\n"
        let kept = try MarkdownRenderer.parse(markdown, file: "notes.md", unsafeHTML: false, firstLine: 4, keepLinks: true)
        let dropped = try MarkdownRenderer.parse(markdown, file: "notes.md", unsafeHTML: false, firstLine: 4, keepLinks: false)
        #expect(kept.links.map(\.url) == ["guide.html#setup", "img/flow.png", "https://example.com"])
        #expect(kept.links.map(\.isImage) == [false, true, false])
        #expect(kept.links.map(\.location.description) == ["notes.md:6:17", "notes.md:6:47", "notes.md:8:26"])
        #expect(dropped.links.isEmpty)
        #expect(try dropped.html() == kept.html())
        #expect(dropped.warnings == kept.warnings)
    }

    @Test func warningsPointAtTheURL() throws {
        let markdown = """
            Intro with é [one](javascript:a) here
               and a continuation [two](vbscript:b) line.

            | col | other |
            |-----|-------|
            | x | [three](data:text/html,c) |

            [four][ref] and ![five](file:///e)
            `code
            span` then [six](javascript:f)

            [ref]: javascript:d
            """
        let rendered = try MarkdownRenderer.render(markdown, file: "notes.md", unsafeHTML: false, firstLine: 4)
        #expect(rendered.warnings.map(\.description) == [
            #"notes.md:4:20: warning: link to "javascript:a" is not an http, https, mailto or relative URL; its text is shown without a link"#,
            #"notes.md:5:29: warning: link to "vbscript:b" is not an http, https, mailto or relative URL; its text is shown without a link"#,
            #"notes.md:9:15: warning: link to "data:text/html,c" is not an http, https, mailto or relative URL; its text is shown without a link"#,
            #"notes.md:11:1: warning: link to "javascript:d" is not an http, https, mailto or relative URL; its text is shown without a link"#,
            #"notes.md:11:25: warning: image source "file:///e" is not an http, https, mailto or relative URL; the image is left out and its description shown as text"#,
            #"notes.md:13:18: warning: link to "javascript:f" is not an http, https, mailto or relative URL; its text is shown without a link"#,
        ])
    }

    @Test func manyRefusedLinksAreCountedInOneWarning() throws {
        let markdown = (1...50).map { "[l\($0)](javascript:\($0))" }.joined(separator: "\n") + "\n"
        let rendered = try MarkdownRenderer.render(markdown, file: "n.md", unsafeHTML: false)
        #expect(rendered.warnings.count == LinkFilter.warningsPerFile + 1)
        #expect(rendered.warnings.last?.description == "n.md:50:7: warning: 30 more links or images with such URLs are shown as text; the last one is here")
        #expect(Self.urls(in: rendered.html).isEmpty)
    }
}
