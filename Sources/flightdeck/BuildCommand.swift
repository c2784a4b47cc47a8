import ArgumentParser
import Flightdeck
import FlightdeckCore
import Foundation

/// `flightdeck build`: generate the site into public/ (or --output).
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into public/; on any error the previous public/ stays as it was."
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: [.long, .customShort("o")], help: "Output folder (default: <source>/public); with --single-file, the file (default: ./<release>.html).")
    var output: String?

    @Option(name: .customLong("single-file"), help: ArgumentHelp("Write only this release's single-file report (one self-contained HTML file) to --output.", valueName: "release"))
    var singleFile: String?

    @Option(name: .customLong("base-url"), help: "Public URL the site is served from, e.g. https://host/reports/.")
    var baseURL: String?

    @Flag(name: .long, help: "Include releases and pages marked draft: true.")
    var drafts = false

    @Flag(name: .customLong("keep-going"), help: "Build every other release when one release's data has errors; that release's page lists them (exit 1 all the same).")
    var keepGoing = false

    @Option(name: .long, help: "Keep the build cache in this folder (default: .flightdeck-cache/ beside the output).")
    var cache: String?

    @Flag(name: .customLong("no-cache"), help: "Read, analyse and render everything, without reading or writing the build cache.")
    var noCache = false

    @Flag(name: .customLong("check-links"), help: "Check every internal link, image source and #fragment before writing; a broken one fails the build.")
    var checkLinks = false

    func validate() throws {
        if cache != nil && noCache { throw ValidationError("--cache and --no-cache cannot be used together") }
        if singleFile != nil && (cache != nil || checkLinks) { throw ValidationError("--single-file takes neither --cache nor --check-links") }
    }

    /// `--single-file RELEASE`: renders the site in memory and writes that release's report alone
    /// (exit 0; 1 for errors in the data or a file that cannot be written; 64 for an unknown release).
    private func writeSingleFile(_ release: String) throws {
        let id = try ReleaseID.argument(release, root: global.root)
        var options = BuildOptions(baseURL: baseURL, includeDrafts: drafts)
        options.keepGoing = keepGoing
        let outcome: SingleFileOutcome
        do {
            outcome = try Site(root: global.root, options: options).singleFileReport(id)
        } catch {
            throw Console.fail(error, root: global.root)
        }
        switch outcome {
        case .unknownRelease(let message):
            Console.error("error: " + message)
            throw ExitCode(64)
        case .report(let html):
            let target = GlobalOptions.absolute(output ?? id.name + ".html")
            do {
                try html.write(to: target, options: .atomic)
            } catch {
                Console.error("error: cannot write \(target.path): \(error.localizedDescription)")
                throw ExitCode(1)
            }
            if !global.quiet { Console.out("Wrote the single-file report of \(id.name) to \(target.path) (\(html.count) bytes)") }
        }
    }

    func run() async throws {
        if let singleFile { return try writeSingleFile(singleFile) }
        let started = Date()
        var options = BuildOptions(baseURL: baseURL, includeDrafts: drafts)
        options.keepGoing = keepGoing
        if let output { options.output = GlobalOptions.absolute(output) }
        if let cache { options.cacheFolder = GlobalOptions.absolute(cache) }
        options.noCache = noCache
        options.checkLinks = checkLinks
        // Steps show with --verbose, and on an interactive terminal unless --quiet.
        if global.verbose || (!global.quiet && isatty(STDERR_FILENO) == 1) { options.progress = { Console.error($0) } }
        let report: BuildReport
        do throws(DiagnosticError) {
            report = try await Site(root: global.root, options: options).build()
            Console.report(report.diagnostics, root: global.root, quiet: global.quiet)
            if !global.quiet {
                let took = FigureText.duration(seconds: Date().timeIntervalSince(started))
                Console.out("Built \(report.pageCount) pages (\(report.fileCount) files) into \(report.output.path) in \(took)")
            }
        } catch {
            throw Console.fail(error, root: global.root)
        }
        if !report.releasesWithErrors.isEmpty {
            Console.error("cannot judge \(report.releasesWithErrors.joined(separator: ", ")): errors in their data (pages written with --keep-going)")
            throw ExitCode(1)
        }
    }
}
