import Foundation
import Testing

/// `check --links` and `build --check-links` on a probe site with one broken link of each source.
@Suite(.serialized) struct LinkCheckCLITests {
    /// A site from `init` with a broken Markdown anchor (notes.md), a broken image (a page) and a broken link in
    /// the site's own `templates/page.html`.
    private func probeSite() throws -> URL {
        let folder = try CLI.temporaryFolder()
        let initResult = try CLI.run(["init", "."], in: folder)
        #expect(initResult.status == 0, "\(initResult.stderr)")
        let notes = "# Notes\n\n## First heading\n\nSee [the second](#second-heading) and [the first](#first-heading).\n"
        try notes.write(to: folder.appendingPathComponent("content/releases/1.0.0/notes.md"), atomically: true, encoding: .utf8)
        let page = "---\ntitle: Process\n---\n\nThe flow:\n\n  ![diagram](img/flow.png)\n"
        try page.write(to: folder.appendingPathComponent("content/pages/process.md"), atomically: true, encoding: .utf8)
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let template = """
        {% extends "base.html" %}
        {% block content %}
        <article class="prose">
        {{ content.html | safe }}
          <p><a href="{{ root }}index.html">Home</a> · <a href="../glossary.html">Glossary</a></p>
        </article>
        {% endblock %}

        """
        try template.write(to: templates.appendingPathComponent("page.html"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func checkLinksLocatesAMarkdownAnchorATemplateLinkAndAnImage() throws {
        let folder = try probeSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CLI.run(["check"], in: folder).status == 0, "without --links nothing is checked")
        let result = try CLI.run(["check", "--links"], in: folder)
        #expect(result.status == 1, "\(result.stderr)")
        let errors = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 3, "\(result.stderr)")
        #expect(result.stderr.contains("content/releases/1.0.0/notes.md:5:18: error: broken link '#second-heading' on releases/1.0.0/notes/index.html"), "\(result.stderr)")
        #expect(result.stderr.contains("releases/1.0.0/notes/index.html has no element with id 'second-heading'"), "\(result.stderr)")
        #expect(!result.stderr.contains("'#first-heading'"), "a heading that exists is not broken: \(result.stderr)")
        #expect(result.stderr.contains("content/pages/process.md:7:14: error: broken image source 'img/flow.png' on pages/process.html"), "\(result.stderr)")
        #expect(result.stderr.contains("the site has no file pages/img/flow.png"), "\(result.stderr)")
        #expect(result.stderr.contains("templates/page.html:5:57: error: broken link '../glossary.html' on pages/process.html"), "\(result.stderr)")
        #expect(result.stderr.contains("the site has no file glossary.html"), "\(result.stderr)")

        let json = try CLI.run(["check", "--links", "--format", "json"], in: folder)
        #expect(json.status == 1)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(Set(entries.compactMap { $0["file"] as? String }) == ["content/releases/1.0.0/notes.md", "content/pages/process.md", "templates/page.html"])
    }

    @Test func buildWithCheckLinksWritesNothingWhenALinkIsBroken() throws {
        let folder = try probeSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        let build = try CLI.run(["build", "--check-links"], in: folder)
        #expect(build.status == 1, "\(build.stderr)")
        #expect(build.stderr.contains("templates/page.html:5:57: error: broken link"), "\(build.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("public").path))
        #expect(try CLI.run(["build"], in: folder).status == 0, "without --check-links the site is written")
    }

    @Test func aSiteWithoutBrokenLinksPassesAndListsExternalLinksOnlyWhenAsked() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CLI.run(["init", "."], in: folder).status == 0)
        let notes = "# Notes\n\nSee [the runbook](https://runbooks.example.com/a?b=1&c=2).\n"
        try notes.write(to: folder.appendingPathComponent("content/releases/1.0.0/notes.md"), atomically: true, encoding: .utf8)
        let plain = try CLI.run(["check", "--links"], in: folder)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(!plain.stdout.contains("external:"))
        let listed = try CLI.run(["check", "--links", "--external"], in: folder)
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("external: https://runbooks.example.com/a?b=1&c=2 on releases/1.0.0/notes/index.html (content/releases/1.0.0/notes.md:3:19)"), "\(listed.stdout)")
        #expect(try CLI.run(["check", "--external"], in: folder).status == 64)
        #expect(try CLI.run(["build", "--check-links"], in: folder).status == 0)
    }

    @Test func theExampleSiteHasNoBrokenLinks() throws {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        let result = try CLI.run(["check", "--links", "--drafts"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("broken"), "\(result.stderr)")
    }
}
