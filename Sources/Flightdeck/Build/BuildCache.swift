import Foundation

/// What `flightdeck serve` keeps between builds, so a change re-reads and re-renders only what it touches.
///
/// - A release's data files (everything but release.yaml, notes.md, checklist.md and signoffs.yaml,
///   which are cheap and always read) are parsed again only when one of its files changed
///   (path, size or modification time).
/// - A page is rendered again only when its template context or the site's templates changed.
final class BuildCache: @unchecked Sendable {
    /// A file's identity for change detection.
    struct Stamp: Hashable, Sendable {
        let path: String
        let size: Int
        let modified: Double
    }

    /// A release's measured data kinds, as parsed into its `ReleaseData`, and what parsing them reported.
    struct Measured: Sendable {
        var data: ReleaseData
        var diagnostics: [Diagnostic]
    }

    private let lock = NSLock()
    private var measured: [String: (stamps: [Stamp], value: Measured)] = [:]
    private var pages: [String: (key: PageKey, html: Data)] = [:]
    private(set) var renderedPages = 0

    /// The measured data of a release, from the cache when its files are unchanged.
    func measured(for release: ReleaseSource, key: String, _ make: () -> Measured) -> Measured {
        let stamps = Self.stamps(release.files.filter { !ReleaseIngester.narrativeFiles.contains($0.name) || $0.path.dropFirst(release.folder.count + 1).contains("/") })
        let cacheKey = key + "\u{0}" + release.id
        lock.lock()
        let cached = measured[cacheKey]
        lock.unlock()
        if let cached, cached.stamps == stamps { return cached.value }
        let value = make()
        lock.lock()
        measured[cacheKey] = (stamps, value)
        lock.unlock()
        return value
    }

    /// What a page's HTML depends on: the site's templates, the template and its context.
    struct PageKey: Equatable {
        let templates: [Stamp]
        let template: String
        let context: TemplateRenderer.Context
    }

    /// A page's HTML, from the cache when its key is the same as last time.
    func page(_ url: String, key: PageKey, _ render: () throws(DiagnosticError) -> Data) throws(DiagnosticError) -> Data {
        lock.lock()
        let cached = pages[url]
        lock.unlock()
        if let cached, cached.key == key { return cached.html }
        let html = try render()
        lock.lock()
        pages[url] = (key, html)
        renderedPages += 1
        lock.unlock()
        return html
    }

    /// Stamps of files, in path order; unreadable files get size -1 so they never match a good stamp.
    static func stamps(_ files: [ContentFile]) -> [Stamp] {
        files.map { file in
            // stat(2) directly: Foundation's resource values also list extended attributes, for every file.
            var info = stat()
            guard stat(file.url.path, &info) == 0 else { return Stamp(path: file.path, size: -1, modified: 0) }
            return Stamp(path: file.path, size: Int(info.st_size),
                         modified: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
        }
    }
}
