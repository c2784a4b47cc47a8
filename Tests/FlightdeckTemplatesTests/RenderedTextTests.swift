import Testing
@testable import FlightdeckTemplates

/// Long markup printed into a page is kept aside by reference (`RenderedText.splices`) and put back where it was
/// printed; markup that becomes a value (a macro's result, a `set` block, `super()`) is never kept aside.
@Suite struct RenderedTextTests {
    /// Markup just long enough to be kept aside, with a distinct first line so misplaced copies show.
    private func big(_ name: String) -> String {
        "<p>\(name)</p>\n" + String(repeating: "<li>\(name)</li>\n", count: Renderer.spliceBytes / 8)
    }

    private func render(_ templates: [String: String], _ name: String, _ context: [String: Value]) throws -> RenderedText {
        try Environment(sources: [.memory(templates)]).renderText(name, context: context)
    }

    @Test func longMarkupPrintedIntoThePageIsKeptAsideAndPutBackInPlace() throws {
        let a = big("a"), b = big("b")
        let templates = ["base.html": "<main>{% block body %}{% endblock %}</main>{{ b | safe }}",
                         "page.html": "{% extends 'base.html' %}{% block body %}<h1>{{ title }}</h1>{{ a | safe }}{{ a | safe }}<p>end</p>{% endblock %}"]
        let rendered = try render(templates, "page.html", ["a": .markup(a), "b": .markup(b), "title": .string("T & U")])
        #expect(rendered.splices.map(\.offset) == [24, 24, 41])
        #expect(rendered.text == "<main><h1>T &amp; U</h1><p>end</p></main>")
        let expected = "<main><h1>T &amp; U</h1>" + a + a + "<p>end</p></main>" + b
        #expect(rendered.joined() == expected)
        #expect(rendered.byteCount == expected.utf8.count)
        #expect(try Environment(sources: [.memory(templates)]).render("page.html", context: ["a": .markup(a), "b": .markup(b), "title": .string("T & U")]) == expected)
    }

    @Test func shortMarkupAndShortTextAreCopiedIn() throws {
        let short = String(repeating: "x", count: Renderer.spliceBytes - 1)
        let text = String(short.dropLast()) + "<"   // shorter than a splice before escaping, longer after
        let rendered = try render(["t": "[{{ s | safe }}][{{ text }}]"], "t", ["s": .markup(short), "text": .string(text)])
        #expect(rendered.splices.isEmpty)
        #expect(rendered.text == "[" + short + "][" + String(short.dropLast()) + "&lt;]")
    }

    /// A long text printed into the page (a release summary of megabytes) is escaped on its own and kept aside,
    /// in place; printed into a value (a `set` block), it is copied in, escaped.
    @Test func longTextIsEscapedAndKeptAside() throws {
        let long = big("<e>")
        let rendered = try render(["t": "[{{ long }}]{% set v %}({{ long }}){% endset %}{{ v | length }}"], "t", ["long": .string(long)])
        #expect(rendered.splices.map(\.offset) == [1])
        #expect(rendered.text == "[]" + String(HTML.escaped(long).count + 2))
        #expect(rendered.joined() == "[" + HTML.escaped(long) + "]" + String(HTML.escaped(long).count + 2))
    }

    @Test func markupThatBecomesAValueIsNeverKeptAside() throws {
        let a = big("a")
        let templates = [
            // A `set` block, a macro's result filtered, `super()` and a call block's caller all capture the markup.
            "base.html": "{% block body %}<base>{{ a | safe }}</base>{% endblock %}",
            "page.html": """
            {% extends 'base.html' %}{% macro wrap() %}<w>{{ caller() }}</w>{% endmacro %}\
            {% macro show(x) %}<m>{{ x | safe }}</m>{% endmacro %}\
            {% block body %}{% set kept %}<s>{{ a | safe }}</s>{% endset %}{{ kept | length }}|{{ show(a) | length }}|\
            {{ super() | length }}|{% call wrap() %}{{ a | safe }}{% endcall %}|{{ show(a) }}{% endblock %}
            """,
        ]
        let context: [String: Value] = ["a": .markup(a)]
        let rendered = try render(templates, "page.html", context)
        let n = a.count
        let expected = "\(n + 7)|\(n + 7)|\(n + 13)|<w>\(a)</w>|<m>\(a)</m>"
        #expect(rendered.joined() == expected)
        // The call block's result and the macro printed directly are kept aside, whole or in part; the
        // captured values went into the page as lengths.
        #expect(rendered.splices.count == 2)
        #expect(rendered.text.utf8.count + rendered.splices.reduce(0) { $0 + $1.markup.utf8.count } == expected.utf8.count)
    }

    @Test func theOutputLimitCountsTheMarkupKeptAside() throws {
        let a = big("a")
        let count = Renderer.maxOutput / a.utf8.count + 2
        #expect(throws: TemplateError.self) {
            try render(["t": "{% for i in range(n) %}{{ a | safe }}{% endfor %}"], "t", ["a": .markup(a), "n": .int(count)])
        }
    }
}
