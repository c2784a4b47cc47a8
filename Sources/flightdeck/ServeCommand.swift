import ArgumentParser
import Flightdeck
import FlightdeckCore
import Foundation
#if FLIGHTDECK_SERVER
import FlightdeckServer
#endif

/// `flightdeck serve`: build the site, serve it on loopback, rebuild on changes and reload open pages.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it with live reload, and rebuild when content/, templates/ or flightdeck.yaml change."
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Port to listen on (0 picks a free one).")
    var port = 8080

    @Option(name: .long, help: "Address to listen on. Anything but loopback shows the preview to your network.")
    var host = "127.0.0.1"

    @Flag(name: .long, help: "Open the site in the default browser (xdg-open).")
    var open = false

    @Flag(name: .long, help: "Poll for changes instead of using inotify (network file systems).")
    var poll = false

    @Flag(name: .long, help: "Include releases and pages marked draft: true.")
    var drafts = false

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, found \(port)") }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty") }
    }

    func run() async throws {
        #if FLIGHTDECK_SERVER
        try await serve()
        #else
        throw ValidationError("this flightdeck was built with FLIGHTDECK_NO_SERVER set, without the preview server")
        #endif
    }
}

#if FLIGHTDECK_SERVER
extension ServeCommand {
    /// Builds once, then serves until Ctrl-C.
    func serve() async throws {
        let root = global.root
        var options = BuildOptions(output: root.appendingPathComponent("public"), includeDrafts: drafts)
        if global.verbose { options.progress = { Console.error($0) } }
        let site = Site(root: root, options: options)
        let rebuilder = Rebuilder(site: site, quiet: global.quiet)
        let first = await rebuilder.build(after: [])
        var initialFailure: String?
        if case .failed(let diagnostics) = first {
            initialFailure = diagnostics
            Console.error("warning: serving the last good site (if any) until the errors above are fixed")
        }
        let configuration = PreviewServer.Configuration(
            host: host, port: port, servedFolder: root.appendingPathComponent("public"), watchRoot: root, forcePolling: poll)
        if !configuration.isLoopback {
            Console.error("warning: listening on \(host): anyone who can reach this machine can read the preview")
        }
        let server = PreviewServer(configuration: configuration, rebuilder: rebuilder, initialFailure: initialFailure)
        let (host, quiet, open) = (host, global.quiet, open)
        do {
            try await server.run { boundPort in
                let url = "http://\(host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host):\(boundPort)/"
                if !quiet { Console.out("Serving \(root.path) at \(url) (Ctrl-C to stop)") }
                if open { Self.openBrowser(url) }
            }
        } catch let error as PreviewServerError {
            Console.error("error: \(error)")
            throw ExitCode(1)
        }
        if !quiet { Console.out("Stopped.") }
    }

    /// Opens `url` with xdg-open when it is installed; says so otherwise.
    static func openBrowser(_ url: String) {
        let opener = ["/usr/bin/xdg-open", "/usr/local/bin/xdg-open", "/usr/bin/open"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let opener else {
            Console.error("warning: --open needs xdg-open; open \(url) yourself")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { Console.error("warning: could not run \(opener): \(error.localizedDescription)") }
    }
}

extension ServeCommand {
    /// Rebuilds with the Flightdeck library and reports each build on the terminal.
    struct Rebuilder: SiteRebuilder {
        let site: Site
        let quiet: Bool

        func rebuild(changedPaths: [String]) async -> RebuildOutcome {
            await build(after: changedPaths)
        }

        /// Builds the whole site; a change to stylesheets alone lets pages swap CSS without reloading.
        func build(after changedPaths: [String]) async -> RebuildOutcome {
            let started = ContinuousClock.now
            do throws(DiagnosticError) {
                let report = try await site.build()
                Console.report(report.diagnostics, root: site.root, quiet: quiet)
                if !quiet {
                    let cause = changedPaths.isEmpty ? "" : " after changes to \(Self.summary(changedPaths))"
                    Console.out("Built \(report.pageCount) pages in \(FigureText.duration(seconds: Self.seconds(since: started)))\(cause)")
                }
                let stylesheetsOnly = !changedPaths.isEmpty && changedPaths.allSatisfy { $0.hasSuffix(".css") }
                return .built(changedOutputs: nil, stylesheetsOnly: stylesheetsOnly)
            } catch {
                Console.report(error.diagnostics, root: site.root)
                // As the terminal shows them: each with its source line and a caret, for the browser's overlay.
                return .failed(diagnostics: DiagnosticRenderer.render(error.diagnostics, root: site.root))
            }
        }

        static func summary(_ paths: [String]) -> String {
            paths.count <= 3 ? paths.joined(separator: ", ") : paths.prefix(2).joined(separator: ", ") + " and \(paths.count - 2) more"
        }

        static func seconds(since start: ContinuousClock.Instant) -> Double {
            let elapsed = ContinuousClock.now - start
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
    }
}
#endif
