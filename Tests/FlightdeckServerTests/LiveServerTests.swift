import Foundation
import Testing
@testable import FlightdeckServer

/// The whole server on an ephemeral loopback port: real sockets, real file watching, a fake rebuilder.
/// A wait for what a file change sends allows 20 s: it returns as soon as the event arrives, and on a loaded
/// machine the watcher and the rebuild once took more than the 5 s the other reads allow.
@Suite(.serialized) struct LiveServerTests {
    @Test func savingASourceFileSendsReloadAfterTheRebuild() async throws {
        let root = try SiteRoot.make()
        let rebuilder = RecordingRebuilder(site: root)
        let server = try await RunningServer.start(PreviewServer(configuration: SiteRoot.configuration(root), rebuilder: rebuilder))
        let events = try await server.openEventStream()
        try root.write("content/index.md", "# Changed\n")
        let (text, _) = await events.read(timeout: .seconds(20)) { $0.contains("event: reload") }
        #expect(text.contains("event: reload"))
        #expect(await rebuilder.calls == [["content/index.md"]])
        #expect(String(decoding: try root.read("public/build.txt"), as: UTF8.self) == "build 1")
        await server.stop()
    }

    @Test func failedRebuildSendsTheDiagnosticsThenRecovers() async throws {
        let root = try SiteRoot.make()
        let rebuilder = RecordingRebuilder(site: root)
        let diagnostics = "templates/base.html:3:7: error: unknown filter 'shout'\ncontent/index.md:1:1: error: <b>bad</b>"
        await rebuilder.setOutcome(.failed(diagnostics: diagnostics))
        let server = try await RunningServer.start(PreviewServer(configuration: SiteRoot.configuration(root), rebuilder: rebuilder))
        let events = try await server.openEventStream()
        try root.write("templates/base.html", "{{ content | shout }}")
        let (failed, _) = await events.read(timeout: .seconds(20)) { $0.contains("<b>bad</b>\n\n") }
        #expect(failed.contains("event: error\ndata: templates/base.html:3:7: error: unknown filter 'shout'\ndata: content/index.md:1:1: error: <b>bad</b>\n\n"))

        // A page loaded while the build is broken shows the overlay at once.
        let late = try RawHTTPConnection(port: server.port)
        try late.send("GET /__flightdeck/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        let (lateText, _) = await late.read(timeout: .seconds(5)) { $0.contains("<b>bad</b>\n\n") }
        #expect(lateText.contains("event: hello") && lateText.contains("event: error"))

        // The last good site is still served.
        let page = try RawHTTPConnection(port: server.port)
        try page.send("GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        let (pageText, _) = await page.read(timeout: .seconds(5)) { $0.contains("</html>") }
        #expect(pageText.statusCode == 200 && pageText.contains("<h1>Releases</h1>"))

        await rebuilder.setOutcome(.built(changedOutputs: nil, stylesheetsOnly: false))
        try root.write("templates/base.html", "{{ content }}")
        let (recovered, _) = await events.read(timeout: .seconds(20)) { $0.contains("event: reload") }
        #expect(recovered.contains("event: reload"))
        await server.stop()
    }

    @Test func stylesheetOnlyBuildsSendCSS() async throws {
        let root = try SiteRoot.make()
        let rebuilder = RecordingRebuilder(site: root)
        await rebuilder.setOutcome(.built(changedOutputs: ["style.css"], stylesheetsOnly: true))
        let server = try await RunningServer.start(PreviewServer(configuration: SiteRoot.configuration(root), rebuilder: rebuilder))
        let events = try await server.openEventStream()
        try root.write("templates/style.css", "body { color: red; }")
        let (text, _) = await events.read(timeout: .seconds(20)) { $0.contains("event: css") }
        #expect(text.contains("event: css") && !text.contains("event: reload"))
        await server.stop()
    }

    @Test(arguments: [false, true])
    func burstOfSavesIsOneRebuild(polling: Bool) async throws {
        let root = try SiteRoot.make()
        let rebuilder = RecordingRebuilder(site: root)
        // A quiet period well above the time 20 writes take, even on a loaded machine.
        let configuration = SiteRoot.configuration(root, polling: polling, quietPeriod: .milliseconds(300))
        let server = try await RunningServer.start(PreviewServer(configuration: configuration, rebuilder: rebuilder))
        let events = try await server.openEventStream()
        try await Task.sleep(for: .milliseconds(100))
        for index in 0..<20 { try root.write("content/releases/r\(index).md", "# \(index)\n") }
        let (text, _) = await events.read(timeout: .seconds(20)) { $0.contains("event: reload") }
        #expect(text.contains("event: reload"))
        try await Task.sleep(for: .milliseconds(300))
        let calls = await rebuilder.calls
        #expect(calls.count == 1)
        // inotify also reports the new folder itself.
        #expect(Set(calls.first ?? []).subtracting(["content/releases"]) == Set((0..<20).map { "content/releases/r\($0).md" }))
        await server.stop()
    }

    @Test func rawTraversalRequestLinesGet400() async throws {
        let root = try SiteRoot.make()
        let server = try await RunningServer.start(PreviewServer(configuration: SiteRoot.configuration(root), rebuilder: RecordingRebuilder()))
        for target in ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..\\..\\etc\\passwd", "/a/..%2f..%2f..%2fetc/passwd"] {
            let connection = try RawHTTPConnection(port: server.port)
            try connection.send("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            let (text, _) = await connection.read(timeout: .seconds(5)) { $0.hasCompleteHead }
            #expect(text.statusCode == 400, "\(target)")
            #expect(!text.contains("root:"))
        }
        await server.stop()
    }

    @Test func oversizedRequestHeadIsRefused() async throws {
        let root = try SiteRoot.make()
        let server = try await RunningServer.start(PreviewServer(configuration: SiteRoot.configuration(root), rebuilder: RecordingRebuilder()))
        let long = try RawHTTPConnection(port: server.port)
        try? long.send("GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: \(String(repeating: "a", count: 40_000))\r\n\r\n")
        let (text, closed) = await long.read(timeout: .seconds(5)) { $0.hasCompleteHead }
        #expect(closed || (text.statusCode ?? 0) >= 400, "\(text.prefix(80))")
        #expect(text.statusCode != 200)
        let longTarget = try RawHTTPConnection(port: server.port)
        try? longTarget.send("GET /\(String(repeating: "a", count: 40_000)) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        let (targetText, targetClosed) = await longTarget.read(timeout: .seconds(5)) { $0.hasCompleteHead }
        #expect(targetClosed || (targetText.statusCode ?? 0) >= 400)
        await server.stop()
    }

    @Test func slowClientIsDisconnectedAndOthersAreStillServed() async throws {
        let root = try SiteRoot.make()
        let configuration = SiteRoot.configuration(root, idleTimeout: .milliseconds(500))
        let server = try await RunningServer.start(PreviewServer(configuration: configuration, rebuilder: RecordingRebuilder()))
        let slow = try RawHTTPConnection(port: server.port)
        try slow.send("GET /index.html HTTP/1.1\r\nHost: 127")
        let fast = try RawHTTPConnection(port: server.port)
        try fast.send("GET /style.css HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        let (fastText, _) = await fast.read(timeout: .seconds(5)) { $0.contains("p { margin") }
        #expect(fastText.statusCode == 200)
        let start = ContinuousClock.now
        let (_, closed) = await slow.read(timeout: .seconds(5)) { _ in false }
        #expect(closed)
        #expect(ContinuousClock.now - start < .seconds(3))
        await server.stop()
    }

    @Test func portInUseGivesAClearError() async throws {
        let root = try SiteRoot.make()
        let first = try await RunningServer.start(PreviewServer(configuration: SiteRoot.configuration(root), rebuilder: RecordingRebuilder()))
        var configuration = SiteRoot.configuration(root)
        configuration.port = first.port
        let error = await #expect(throws: PreviewServerError.self) {
            try await PreviewServer(configuration: configuration, rebuilder: RecordingRebuilder()).run()
        }
        #expect(error == .portInUse(host: "127.0.0.1", port: first.port))
        #expect(error?.description.contains("--port") == true)
        await first.stop()
    }

    @Test func stoppingEndsOpenEventStreams() async throws {
        let root = try SiteRoot.make()
        let server = try await RunningServer.start(PreviewServer(configuration: SiteRoot.configuration(root), rebuilder: RecordingRebuilder()))
        let events = try await server.openEventStream()
        await server.stop()
        let (_, closed) = await events.read(timeout: .seconds(5)) { _ in false }
        #expect(closed)
    }
}
