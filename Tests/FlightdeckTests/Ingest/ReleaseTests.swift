import Foundation
import Testing
@testable import Flightdeck

@Suite struct ReleaseTests {
    @Test func badDateNamesFileLineColumnAndWhatWasExpected() async throws {
        let site = try SiteFixture("""
            -- flightdeck.yaml --
            title: Demo
            -- content/releases/x/release.yaml --
            id: x
            version: '2.4'
            title: Two four
            date: yesterday
            """)
        defer { site.remove() }
        #expect(await site.check() == [#"content/releases/x/release.yaml:4:7: error: 'date' must be a date YYYY-MM-DD, found "yesterday""#])
    }

    @Test func idMustMatchTheFolder() async throws {
        let site = try SiteFixture("-- flightdeck.yaml --\n-- content/releases/1.0/release.yaml --\nid: '1.1'\n")
        defer { site.remove() }
        #expect(await site.check().contains(#"content/releases/1.0/release.yaml:1:5: error: id "1.1" does not match the folder name "1.0"; rename one of them"#))
    }

    @Test func numbersAreTakenAsWrittenForTextFields() throws {
        let site = try SiteFixture("-- flightdeck.yaml --\n-- content/releases/a/release.yaml --\nversion: 2.10\n")
        defer { site.remove() }
        let (model, _) = site.model()
        #expect(model?.releases.first?.data.release.version == "2.10")
    }

    @Test func nonUTF8FileIsAnErrorAtTheBadByte() async throws {
        let site = try SiteFixture("-- flightdeck.yaml --\n")
        defer { site.remove() }
        try site.write("content/releases/a/release.yaml", Data("title: caf".utf8) + Data([0xE9]) + Data("\n".utf8))
        let messages = await site.check()
        #expect(messages == ["content/releases/a/release.yaml:1:11: error: file is not valid UTF-8 (byte 0xE9 at offset 10); save it as UTF-8"])
    }

    @Test func unreadableFileIsAnErrorNamingIt() async throws {
        let site = try SiteFixture("-- flightdeck.yaml --\n-- content/releases/a/notes.md --\nHi\n")
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("content/releases/a/release.yaml").path,
                                                   withDestinationPath: "missing.yaml")
        #expect(await site.check() == ["content/releases/a/release.yaml:1:1: error: cannot read file: no such file or directory"])
    }

    @Test func draftsAreLeftOutUnlessAsked() throws {
        let site = try SiteFixture("-- flightdeck.yaml --\n-- content/releases/a/release.yaml --\ndraft: true\n-- content/releases/b/release.yaml --\ntitle: B\n")
        defer { site.remove() }
        #expect(site.model().0?.releases.map(\.data.release.id) == ["b"])
        #expect(site.model(drafts: true).0?.releases.map(\.data.release.id).sorted() == ["a", "b"])
    }
}
