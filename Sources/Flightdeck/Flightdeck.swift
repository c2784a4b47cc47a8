import FlightdeckCore
public import Foundation

/// This Flightdeck's version, as `flightdeck --version` prints it and sign-offs record it.
public let flightdeckVersion = "0.2.0"

/// Options for building a site.
public struct BuildOptions: Sendable {
    /// Where the site goes; default `<root>/public`.
    public var output: URL?
    /// Overrides `base_url` from flightdeck.yaml.
    public var baseURL: String?
    /// Include releases marked `draft: true`.
    public var includeDrafts = false
    /// Receives progress lines such as `[2/5] Ingest`.
    public var progress: (@Sendable (String) -> Void)?
    /// Build every release that can be built: a release whose own data has errors gets a page that lists
    /// them, with the verdict "cannot judge", instead of stopping the build (`build --keep-going`).
    public var keepGoing = false
    /// Where the build cache is kept (`--cache DIR`); default `.flightdeck-cache/` beside the output folder.
    public var cacheFolder: URL?
    /// Build without a build cache, reading and analysing everything (`--no-cache`).
    public var noCache = false
    /// Check every internal link, image source and fragment of the rendered site (`check --links`,
    /// `build --check-links`); a broken one is an error, and a build with one writes nothing.
    public var checkLinks = false

    /// Default options.
    public init(output: URL? = nil, baseURL: String? = nil, includeDrafts: Bool = false,
                progress: (@Sendable (String) -> Void)? = nil) {
        self.output = output
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.progress = progress
    }
}

/// What a build produced.
public struct BuildReport: Sendable {
    /// Pages written (HTML files).
    public let pageCount: Int
    /// All files written.
    public let fileCount: Int
    /// Warnings found on the way; with `keepGoing`, also the errors of the releases that could not be judged.
    public let diagnostics: [Diagnostic]
    /// Ids of the releases whose data has errors (only with `keepGoing`; otherwise errors fail the build).
    public let releasesWithErrors: [String]
    /// The output folder.
    public let output: URL
}

/// A Flightdeck site on disk: `flightdeck.yaml`, `content/` and optionally `templates/`.
///
/// ```swift
/// let site = Site(root: URL(fileURLWithPath: "."))
/// let report = try await site.build()      // throws DiagnosticError on bad input
/// print("\(report.pageCount) pages in \(report.output.path)")
/// ```
public struct Site: Sendable {
    /// The site's root folder.
    public let root: URL
    /// Build options.
    public let options: BuildOptions
    /// A site rooted at `root`.
    public init(root: URL, options: BuildOptions = .init()) {
        self.root = root
        self.options = options
    }

    /// Loads, ingests, analyses, renders and writes the site; `public/` is replaced only if everything succeeds.
    ///
    /// Unless `noCache` is set, the build cache (`cacheFolder`, default `.flightdeck-cache/` beside the output)
    /// lets it read, analyse and render again only what changed since the last build; the output is the same.
    public func build() async throws(DiagnosticError) -> BuildReport {
        let log = DiagnosticLog()
        let output = options.output ?? root.appendingPathComponent("public")
        let cache = options.noCache ? nil : try BuildCache(folder: options.cacheFolder ?? output.deletingLastPathComponent().appendingPathComponent(".flightdeck-cache"))
        let run = try BuildPipeline(root: root, options: options, cache: cache, through: .write).run(log: log)
        return BuildReport(pageCount: run.files.filter { $0.path.hasSuffix(".html") }.count, fileCount: run.files.count,
                           diagnostics: BuildPipeline.sorted(log.diagnostics),
                           releasesWithErrors: run.model.listing.filter(\.hasErrors).map(\.id),
                           output: run.output ?? output)
    }

    /// Runs every stage but writing, and returns all diagnostics (errors and warnings).
    public func check() async -> [Diagnostic] {
        await checkReport().diagnostics
    }

    /// Runs every stage but writing, then, with `checkLinks`, checks the links of the rendered pages.
    public func checkReport() async -> CheckReport {
        let log = DiagnosticLog()
        var external: [ExternalLink] = []
        do {
            let run = try BuildPipeline(root: root, options: options, through: .render).run(log: log)
            external = run.externalLinks
            let failures = ConcurrentMap.map(run.files) { file -> DiagnosticError? in
                do throws(DiagnosticError) { try file.make() } catch { return error }
                return nil
            }
            for failure in failures.compactMap({ $0 }) { log.report(contentsOf: failure.diagnostics) }
        } catch {
            var known = Set(log.diagnostics)
            for diagnostic in error.diagnostics where known.insert(diagnostic).inserted { log.report(diagnostic) }
        }
        return CheckReport(diagnostics: BuildPipeline.sorted(log.diagnostics), externalLinks: external)
    }
}

/// What `check` found.
public struct CheckReport: Sendable {
    /// Errors and warnings, errors first; with `checkLinks`, one error per broken link.
    public let diagnostics: [Diagnostic]
    /// The links to other sites (with `checkLinks`), page by page; they are listed, never fetched.
    public let externalLinks: [ExternalLink]
}
