import Foundation

/// The content digests the build cache keys things by, for one build.
///
/// - `site`: flightdeck.yaml's bytes and the options that change figures (`--drafts`, `--keep-going`);
/// - `inputs[id]`: `site` and every file of the release folder, by path and SHA-256;
/// - `shared(...)`: what every page shares: the site's template files, the navigation, the base URL
///   and the build time.
///
/// The binary's identity is in `site`, hence in every key: pages another build of Flightdeck rendered are never reused.
struct CacheKeys {
    /// SHA-256 of each input file by path (config, templates, index, release files).
    let digests: [String: String]
    let site: String
    /// Per release id; none for a release with a file that could not be read (never reused).
    let inputs: [String: String]
    private let templates: String

    init(source: SiteSource, options: BuildOptions, cache: BuildCache) {
        let config = ContentFile(path: "flightdeck.yaml", url: source.root.appendingPathComponent("flightdeck.yaml"))
        let files = [config] + source.templateFiles + (source.index.map { [$0] } ?? []) + source.releases.flatMap(\.files)
        let digests = cache.digests(of: files)
        self.digests = digests
        let site = SHA256.hex("site\u{0}\(cache.identity)\u{0}\(digests[config.path] ?? "unread")\u{0}drafts=\(options.includeDrafts)\u{0}keep-going=\(options.keepGoing)")
        self.site = site
        var inputs: [String: String] = [:]
        for release in source.releases {
            var text = "release\u{0}\(site)\u{0}\(release.folder)"
            var complete = true
            for file in release.files {
                guard let digest = digests[file.path] else {
                    complete = false
                    break
                }
                text += "\u{0}\(file.path)\u{0}\(digest)"
            }
            if complete { inputs[release.id] = SHA256.hex(text) }
        }
        self.inputs = inputs
        templates = SHA256.hex(source.templateFiles.map { "\($0.path)\u{0}\(digests[$0.path] ?? "unread-\(UUID().uuidString)")" }.joined(separator: "\u{0}"))
    }

    /// What every page shares besides the site key: templates, navigation (one line per link), base URL, build time.
    func shared(nav: [String], baseURL: String?, buildTime: String?) -> String {
        SHA256.hex(["shared", site, templates, baseURL ?? "-", buildTime ?? "-"].joined(separator: "\u{0}") + "\u{0}" + nav.joined(separator: "\n"))
    }
}

/// A diagnostic as the build cache stores it with its release.
struct StoredDiagnostic: Codable {
    var severity: String
    var file: String?
    var line: Int?
    var column: Int?
    var message: String
    var sourceLine: String?
    var span: Int

    init(_ diagnostic: Diagnostic) {
        severity = diagnostic.severity.rawValue
        file = diagnostic.location?.file
        line = diagnostic.location?.line
        column = diagnostic.location?.column
        message = diagnostic.message
        sourceLine = diagnostic.sourceLine
        span = diagnostic.span
    }

    /// The diagnostic again; an unknown severity reads as an error, so nothing stored is taken lightly.
    var diagnostic: Diagnostic {
        let location = file.map { SourceLocation(file: $0, line: line ?? 1, column: column ?? 1) }
        return Diagnostic(Diagnostic.Severity(rawValue: severity) ?? .error, at: location, message, sourceLine: sourceLine, span: span)
    }
}
