import Foundation
import Testing
@testable import FlightdeckServer

/// The injected script in a real browser: reload after a build, stylesheet swap, the overlay on a failed
/// build (also for pages loaded while it is failed) and its removal after a good build.
///
/// Needs Chromium and Node; opt in with `FLIGHTDECK_BROWSER_TESTS=1` (a browser start takes seconds and
/// is too heavy for every CI run).
@Suite(.serialized, .enabled(if: BrowserTools.isEnabled)) struct BrowserLiveReloadTests {

    /// Rebuilds like a real build would look from outside: a page changes, CSS alone changes, or the
    /// template holds `BROKEN` and the build fails with diagnostics that contain markup.
    struct ScriptedRebuilder: SiteRebuilder {
        let root: TemporaryFolder

        func rebuild(changedPaths: [String]) async -> RebuildOutcome {
            let texts = changedPaths.compactMap { try? String(decoding: root.read($0), as: UTF8.self) }
            if texts.contains(where: { $0.contains("BROKEN") }) {
                return .failed(diagnostics: "templates/index.html:46:11: error: expected an expression, found '%}' <script>alert(1)</script>\n"
                    + "46 | BROKEN {% if %}\n   |           ^\ncontent/index.md:2:1: warning: unknown key 'titel'")
            }
            if changedPaths.allSatisfy({ $0.hasSuffix(".css") }) {
                return .built(changedOutputs: ["assets/style.css"], stylesheetsOnly: true)
            }
            try? root.write("public/index.html", BrowserLiveReloadTests.withThemePolicy(
                SampleSite.indexHTML.replacingOccurrences(of: "Releases", with: "Rebuilt \(texts.count)")))
            return .built(changedOutputs: ["index.html"], stylesheetsOnly: false)
        }
    }

    /// The `<meta http-equiv="Content-Security-Policy">` line of the default theme's templates/base.html.
    static let themePolicy: String = {
        let base = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates/base.html")
        let text = (try? String(contentsOf: base, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").first { $0.hasPrefix("<meta http-equiv=\"Content-Security-Policy\"") }.map(String.init) ?? ""
    }()

    /// `html` with the theme's policy at the start of its head (the check fails on a page without one).
    static func withThemePolicy(_ html: String) -> String {
        html.replacingOccurrences(of: "<head>", with: "<head>" + themePolicy)
    }

    @Test func liveReloadWorksInChromium() async throws {
        let (chromium, node) = try (#require(BrowserTools.chromium), #require(BrowserTools.node))
        let root = try SiteRoot.make()
        try root.write("templates/index.html", "<h1>{{ title }}</h1>\n")
        try root.write("templates/assets/style.css", "body { color: #222; }\n")
        // The site's own rules would make the overlay unreadable if they reached it (white on near-white, 4 px).
        try root.write("public/assets/style.css", "body { color: #222; }\npre, h2, p, span, div, section { color: #fafafa !important; "
            + "background: #fdfdfd !important; font-size: 4px !important; }\n")
        // The pages carry the default theme's Content-Security-Policy: the injected script must work under it.
        try root.write("public/index.html", Self.withThemePolicy(SampleSite.indexHTML.replacingOccurrences(of: "/style.css", with: "/assets/style.css")))
        let server = try await RunningServer.start(PreviewServer(configuration: SiteRoot.configuration(root), rebuilder: ScriptedRebuilder(root: root)))

        let profile = try TemporaryFolder()
        let browser = Process()
        browser.executableURL = URL(fileURLWithPath: chromium)
        browser.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--user-data-dir=\(profile.path)", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank"]
        browser.standardOutput = FileHandle.nullDevice
        browser.standardError = FileHandle.nullDevice
        try browser.run()
        defer { browser.terminate(); browser.waitUntilExit() }
        let cdpPort = try await Self.devToolsPort(in: profile)

        try root.write("check.mjs", BrowserCheckScript.source)
        let check = Process()
        check.executableURL = URL(fileURLWithPath: node)
        check.arguments = ["--experimental-websocket", "--no-warnings", root.path + "/check.mjs", String(cdpPort), String(server.port), root.path]
        let output = Pipe()
        check.standardOutput = output
        check.standardError = output
        try check.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        check.waitUntilExit()
        #expect(check.terminationStatus == 0, "\(text)")
        #expect(text.components(separatedBy: "\n").filter { $0.hasPrefix("ok ") }.count == 14, "\(text)")
        #expect(text.contains("<script>alert(1)</script>"), "the overlay shows markup as text: \(text)")
        await server.stop()
    }

    /// Chromium writes the port it picked into `DevToolsActivePort` in its profile.
    static func devToolsPort(in profile: TemporaryFolder) async throws -> Int {
        for _ in 0..<100 {
            if let text = try? String(decoding: profile.read("DevToolsActivePort"), as: UTF8.self),
               let port = text.split(separator: "\n").first.flatMap({ Int($0) }) {
                return port
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw RawHTTPError.socket(-2)
    }
}

/// The programs the browser test needs, and whether it was asked for.
enum BrowserTools {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    static let node = ["/usr/bin/node", "/usr/local/bin/node"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static var isEnabled: Bool {
        ProcessInfo.processInfo.environment["FLIGHTDECK_BROWSER_TESTS"] == "1" && chromium != nil && node != nil
    }
}
