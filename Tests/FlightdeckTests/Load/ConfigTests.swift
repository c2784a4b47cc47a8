import Foundation
import Testing
@testable import Flightdeck

@Suite struct ConfigTests {
    @Test func missingConfigIsAnErrorNamingTheFolder() async throws {
        let site = try SiteFixture("-- content/index.md --\nHi\n")
        defer { site.remove() }
        let messages = await site.check()
        #expect(messages.count == 1)
        #expect(messages[0].hasPrefix("error: no flightdeck.yaml in "))
        #expect(messages[0].contains("flightdeck init"))
    }

    @Test func yamlSyntaxErrorCarriesLineAndColumn() async throws {
        let site = try SiteFixture("-- flightdeck.yaml --\ntitle: Demo\nthresholds:\n  tests: [1, 2\n-- content/index.md --\nHi\n")
        defer { site.remove() }
        let messages = await site.check()
        #expect(messages.count == 1)
        #expect(messages[0].hasPrefix("flightdeck.yaml:4:1: error: invalid YAML:"), "\(messages)")
    }

    @Test func unknownKeyWarnsWithTheClosestKnownKey() async throws {
        let site = try SiteFixture("-- flightdeck.yaml --\ntitle: Demo\ntresholds:\n  tests: {}\n-- content/index.md --\nHi\n")
        defer { site.remove() }
        let messages = await site.check()
        #expect(messages.contains("flightdeck.yaml:2:1: warning: unknown key 'tresholds'; did you mean 'thresholds'?"), "\(messages)")
    }

    @Test func baseURLWithARefusedSchemeIsDroppedWithAWarning() async throws {
        let site = try SiteFixture("-- flightdeck.yaml --\ntitle: Demo\nbase_url: ' JavaScript:alert(1)//'\n-- content/index.md --\nHi\n")
        defer { site.remove() }
        #expect(await site.check() == [
            #"flightdeck.yaml:2:11: warning: base_url " JavaScript:alert(1)//" is not an http, https or relative URL; pages get no canonical link"#,
        ])
        _ = try await Site(root: site.root).build()
        #expect(!(try site.read("public/index.html")).contains("canonical"))
    }

    @Test func thresholdOutOfRangeIsAnError() async throws {
        let site = try SiteFixture("-- flightdeck.yaml --\nthresholds:\n  tests:\n    ready_percent: 140\n-- content/index.md --\nHi\n")
        defer { site.remove() }
        let messages = await site.check()
        #expect(messages.contains("flightdeck.yaml:3:20: error: 'ready_percent' must be a number from 0 to 100, found 140"), "\(messages)")
    }

    @Test func missingContentFolderIsAnError() async throws {
        let site = try SiteFixture("-- flightdeck.yaml --\ntitle: Demo\n")
        defer { site.remove() }
        #expect(await site.check() == ["flightdeck.yaml:1:1: error: no content/ folder next to flightdeck.yaml"])
    }
}
