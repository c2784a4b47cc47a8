import Testing
@testable import Flightdeck

@Suite struct FrontMatterTests {
    @Test func splitsFieldsAndBodyWithTheBodyLine() throws {
        let file = SourceFile(path: "p.md", text: "---\ntitle: Hi\n---\n# Body\n")
        let matter = try FrontMatter(parsing: file)
        #expect(matter.fields["title"]?.scalarText == "Hi")
        #expect(matter.body == "# Body\n")
        #expect(matter.bodyLine == 4)
    }

    @Test func fileWithoutFrontMatterIsAllBody() throws {
        let matter = try FrontMatter(parsing: SourceFile(path: "p.md", text: "# Title\n---\n"))
        #expect(matter.body == "# Title\n---\n")
        #expect(matter.bodyLine == 1)
    }

    @Test func blockThatNeverClosesIsAnErrorAtLineOne() async throws {
        let site = try SiteFixture("-- flightdeck.yaml --\n-- content/pages/a.md --\n---\ntitle: A\n\n# A\n")
        defer { site.remove() }
        #expect(await site.check() == ["content/pages/a.md:1:1: error: front matter opened with '---' never closes; add a line '---' after it"])
    }

    @Test func yamlErrorsInFrontMatterPointIntoTheFile() async throws {
        let site = try SiteFixture("-- flightdeck.yaml --\n-- content/pages/a.md --\n---\ntitle: A\nweight: heavy\n---\n# A\n")
        defer { site.remove() }
        #expect(await site.check() == [#"content/pages/a.md:3:9: error: 'weight' must be an integer, found "heavy""#])
    }
}
