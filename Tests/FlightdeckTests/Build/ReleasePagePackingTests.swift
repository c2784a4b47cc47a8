import Foundation
import Testing
@testable import Flightdeck

/// The build cache keeps each release's pages packed; they must come back exactly as they went in.
struct ReleasePagePackingTests {
    private let pages = [
        ReleasePage(template: "release.html", url: "releases/2.4/index.html", title: "Release 2.4", kind: "release", label: "Overview", section: nil, item: nil),
        ReleasePage(template: "item.html", url: "releases/2.4/incidents/INC%201/index.html", title: "INC 1: “Payments” \t down\n", kind: "item",
                    label: "INC 1 — ünïcode", section: "incidents", item: 0),
        ReleasePage(template: "evidence.html", url: "releases/2.4/tests/index.html", title: "", kind: "evidence", label: "Tests", section: "tests", item: 12),
    ]

    @Test func packedPagesComeBackAsTheyWere() throws {
        let packed = try ReleasePage.packed(pages)
        #expect(!packed.hasPrefix("["), "the compact form, not JSON")
        #expect(try ReleasePage.unpacked(packed) == pages)
        #expect(try ReleasePage.unpacked(try ReleasePage.packed([])) == [])
    }

    @Test func textHoldingTheSeparatorsIsKeptAsJSON() throws {
        var odd = pages
        odd[1].title = "a\u{1F}b\u{1E}c"
        let packed = try ReleasePage.packed(odd)
        #expect(packed.hasPrefix("["))
        #expect(try ReleasePage.unpacked(packed) == odd)
    }

    @Test func aDamagedRecordIsAnErrorNotWrongPages() {
        #expect(throws: (any Error).self) { try ReleasePage.unpacked("\u{1E}only\u{1F}three\u{1F}fields") }
        #expect(throws: (any Error).self) { try ReleasePage.unpacked("\u{1E}a\u{1F}b\u{1F}c\u{1F}d\u{1F}e\u{1F}f\u{1F}x") }
        #expect(throws: (any Error).self) { try ReleasePage.unpacked("{") }
    }
}
