import FlightdeckCore
import Foundation
import Testing

@Suite struct SafeURLTests {
    struct Case: Decodable, CustomTestStringConvertible {
        var url: String
        var safe: Bool
        /// What a browser follows for this `href` (Node's WHATWG URL parser), nil when it refuses the URL.
        var `protocol`: String?
        var testDescription: String { url.debugDescription }
    }

    struct Cases: Decodable { var cases: [Case] }

    static let cases: [Case] = (try? Fixtures.decode(Cases.self, "urls.json").cases) ?? []

    @Test func fixtureIsLoaded() {
        #expect(Self.cases.count > 40)
    }

    @Test(arguments: cases)
    func decidesAsIntended(_ item: Case) {
        #expect(SafeURL.isSafe(item.url) == item.safe)
    }

    /// Soundness against the browser: nothing called safe reaches a scheme other than http, https or mailto.
    @Test(arguments: cases)
    func safeURLsStaySafeInTheBrowser(_ item: Case) {
        guard SafeURL.isSafe(item.url) else { return }
        #expect(["http:", "https:", "mailto:"].contains(item.`protocol` ?? "none"))
    }

    /// A URL SafeURL calls relative is relative to the browser (it resolves to the base page's https:); one it gives
    /// a scheme has that scheme in the browser, or is relative there (where SafeURL is stricter).
    @Test(arguments: cases)
    func findsTheBrowsersScheme(_ item: Case) {
        if let scheme = SafeURL.scheme(of: item.url) {
            #expect(item.`protocol` == scheme + ":" || item.`protocol` == "https:")
        } else {
            #expect(item.`protocol` == "https:")
        }
    }

    @Test func readsSchemesAsBrowsersDo() {
        #expect(SafeURL.scheme(of: " \u{1}JaVa\tSc\nRiPt:alert(1)") == "javascript")
        #expect(SafeURL.scheme(of: "../a:b") == nil)
        #expect(SafeURL.scheme(of: "?x:y") == nil && SafeURL.scheme(of: "#x:y") == nil)
        #expect(SafeURL.scheme(of: "no-colon-at-all") == nil)
        #expect(SafeURL.scheme(of: "HTTP://x") == "http")
    }
}
