import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import FlightdeckServer

@Suite struct LiveReloadTests {
    @Test func scriptGoesBeforeTheLastClosingBodyTagInAnyCase() {
        let html = Array("<body><p>a</p></BODY></html>".utf8)
        let out = String(decoding: LiveReloadScript.inject(into: html), as: UTF8.self)
        #expect(out == "<body><p>a</p>" + LiveReloadScript.tag + "</BODY></html>")
    }

    @Test func scriptIsAppendedWhenThereIsNoBodyTag() {
        let out = String(decoding: LiveReloadScript.inject(into: Array("<p>fragment".utf8)), as: UTF8.self)
        #expect(out == "<p>fragment" + LiveReloadScript.tag)
    }

    @Test func onlyHTMLResponsesGetTheScriptAndFilesOnDiskStayUntouched() async throws {
        let site = try SampleSite.make()
        try await withRouter(serving: site) { client in
            for path in ["/index.html", "/", "/releases/2.4/", "/missing"] {
                try await client.execute(uri: path, method: .get) { #expect($0.text.contains(LiveReloadScript.tag), "\(path)") }
            }
            for path in ["/style.css", "/app.js", "/chart.svg", "/data.json", "/feed.xml", "/robots.txt"] {
                try await client.execute(uri: path, method: .get) { #expect(!$0.text.contains("flightdeck"), "\(path)") }
            }
        }
        #expect(String(decoding: try site.read("index.html"), as: UTF8.self) == SampleSite.indexHTML)
    }

    @Test func withoutLiveReloadHTMLIsServedAsItIs() async throws {
        let site = try SampleSite.make()
        try await withRouter(serving: site, liveReload: false) { client in
            try await client.execute(uri: "/index.html", method: .get) { #expect($0.text == SampleSite.indexHTML) }
            try await client.execute(uri: LiveReloadScript.path, method: .get) { #expect($0.status == .notFound) }
        }
    }

    @Test func scriptIsServedAsJavaScriptAndWritesTextSafely() async throws {
        let site = try SampleSite.make()
        try await withRouter(serving: site) { client in
            try await client.execute(uri: LiveReloadScript.path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
                #expect(response.text.contains("new EventSource(\"/__flightdeck/events\")"))
                #expect(!response.text.contains("innerHTML"))
            }
        }
    }

    @Test func overlayIsIsolatedInAShadowRootAndStyledForBothSchemes() {
        let source = LiveReloadScript.source
        #expect(source.contains("attachShadow({ mode: \"open\" })"))
        #expect(source.contains("adoptedStyleSheets"), "a constructed style sheet: no <style> for the CSP to block")
        #expect(!source.contains("<style"))
        #expect(!source.contains(".style.cssText"), "no inline styles the site could override")
        #expect(source.contains("@media (prefers-color-scheme: dark)"))
        #expect(source.contains("!important"), "the host resists the site's rules for its element")
    }

    @Test func diagnosticsWithSourceLinesTravelWhole() {
        let text = "content/releases/2.4/release.yaml:4:7: error: 'date' must be a date\n4 | date: <yesterday>\n  |       ^"
        #expect(LiveReloadEvent.error(diagnostics: text).encoded
            == "event: error\ndata: content/releases/2.4/release.yaml:4:7: error: 'date' must be a date\ndata: 4 | date: <yesterday>\ndata:   |       ^\n\n")
    }

    @Test func eventsAreEncodedAsServerSentEvents() {
        #expect(LiveReloadEvent.reload(version: "x-1").encoded == "event: reload\ndata: x-1\n\n")
        #expect(LiveReloadEvent.css(version: "x-2").encoded == "event: css\ndata: x-2\n\n")
        #expect(LiveReloadEvent.ping.encoded == ": ping\n\n")
        #expect(LiveReloadEvent.error(diagnostics: "a.md:1:2: error: bad\r\nb.md:3:4: error: <worse>\n").encoded
            == "event: error\ndata: a.md:1:2: error: bad\ndata: b.md:3:4: error: <worse>\ndata: \n\n")
    }

    @Test func hubTellsNewPagesAboutTheCurrentFailureUntilAGoodBuild() async throws {
        let hub = LiveReloadHub(instance: "t")
        await hub.publish(.failed(diagnostics: "content/index.md:3:1: error: bad"))
        var first = try #require(await hub.subscribe()).makeAsyncIterator()
        #expect(await first.next() == .hello(version: "t-0"))
        #expect(await first.next() == .error(diagnostics: "content/index.md:3:1: error: bad"))
        await hub.publish(.built(changedOutputs: nil, stylesheetsOnly: false))
        #expect(await first.next() == .reload(version: "t-1"))
        var second = try #require(await hub.subscribe()).makeAsyncIterator()
        #expect(await second.next() == .hello(version: "t-1"))
        await hub.publish(.built(changedOutputs: ["style.css"], stylesheetsOnly: true))
        #expect(await second.next() == .css(version: "t-2"))
        await hub.closeAll()
        #expect(await second.next() == nil)
        #expect(await hub.subscribe() == nil)
    }

    @Test func hubLimitsOpenStreams() async throws {
        let hub = LiveReloadHub(instance: "t")
        var streams: [AsyncStream<LiveReloadEvent>] = []
        for _ in 0..<LiveReloadHub.maximumSubscribers { streams.append(try #require(await hub.subscribe())) }
        #expect(await hub.subscribe() == nil)
        #expect(streams.count == LiveReloadHub.maximumSubscribers)
    }
}
