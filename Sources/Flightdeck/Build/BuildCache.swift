import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The persistent, content-addressed build cache: `.flightdeck-cache/` beside the output, or `--cache DIR`.
///
/// Between builds it keeps:
/// - each input file's SHA-256 by path, trusted again only while the file's size, modification time and
///   inode are those it was hashed with (as git's index does). Every key is made of content digests, so a
///   fresh checkout, whose files all have new modification times, still finds its releases;
/// - per release, a `ReleaseRecord`: the keys of its inputs, its analysis and its pages, what the home page
///   and navigation show of it, and the diagnostics its files gave;
/// - each rendered release page and home page, as `pages/<key>.html`, hard-linked into the output.
///
/// Safe to delete at any time. A manifest that cannot be parsed, or that another Flightdeck version wrote,
/// is ignored with a warning and replaced. One build at a time uses a cache folder (an exclusive `flock`).
final class BuildCache: @unchecked Sendable {
    /// What the cache holds of one release from the build that last analysed it.
    struct ReleaseRecord: Sendable, Equatable {
        var id: String
        /// Digest of the site key and the release folder's files (paths and contents).
        var inputs: String
        /// Digest of `inputs` and the previous release's `inputs`: what its figures depend on.
        var analysis: String
        /// Digest of `analysis` and everything its pages share (templates, navigation, options).
        var render: String
        /// Whether it cannot be judged (errors in its files or found by its analysis).
        var hasErrors: Bool
        /// Whether its files have errors: it is then nobody's previous release.
        var ingestErrors: Bool
        /// From release.yaml: what orders releases and groups them for comparisons.
        var draft: Bool
        var product: String?
        var date: Double?
        var title: String
        /// The key of its `ReleaseSummary` (the home page's row and trend point), kept as a file of its own
        /// (`keepSummary`); "" for a release that has none.
        var summary: String
        /// The JSON of the diagnostics its files gave, replayed when it is not read again.
        var diagnostics: String
        /// Its pages (`ReleasePage.packed`), which depend on the kinds and items it has.
        var pages: String
    }

    /// The manifest format; a manifest of another format is ignored.
    static let formatVersion = 6

    /// The cache folder.
    let folder: URL
    /// Why the stored manifest was ignored, when it was (said as a warning by the pipeline).
    private(set) var ignored: String?
    /// Whether the manifest was written by another build of this same version, and so ignored without a warning.
    private(set) var otherBuild = false
    /// What this build took from the cache, for `--verbose`.
    private(set) var reused = Reuse()

    /// Counts of what a build reused and what it did again.
    struct Reuse: Sendable, Equatable {
        var filesHashed = 0
        var filesKnown = 0
        var releasesRead = 0
        var releasesAnalysed = 0
        var releasesReused = 0
        var pagesRendered = 0
        var pagesReused = 0
    }

    /// The running binary's identity (version and executable), which every key includes.
    let identity: String
    private var files: [String: FileRecord] = [:]
    private var releases: [String: ReleaseRecord] = [:]
    private var nextFiles: [String: FileRecord] = [:]
    private var nextReleases: [String: ReleaseRecord] = [:]
    private var referencedPages: Set<String> = []
    /// The keys of the pages in the pages folder, listed when `hasPage` is first asked, plus those stored since.
    private var keptPages: Set<String>?
    /// Pages stored in this build (none: no kept page can have become unused).
    private var storedPages = 0
    private let started = Date().timeIntervalSince1970
    private let lock = NSLock()
    private var lockFile: Int32 = -1

    /// A file's content digest and the stamp it was taken with.
    private struct FileRecord: Sendable, Equatable {
        var size: Int
        var modified: Int64
        var inode: UInt64
        var sha256: String
    }

    /// Opens (creating it if needed) the cache at `folder` and reads its manifest. Problems with an existing
    /// cache are never errors: it is then empty, and `ignored` says why.
    init(folder: URL) throws(DiagnosticError) {
        self.folder = folder
        identity = Self.binaryIdentity()
        do {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("pages"), withIntermediateDirectories: true)
        } catch {
            throw DiagnosticError(.error("cannot create the build cache \(folder.path): \(error.localizedDescription); pass --cache DIR or --no-cache", at: nil))
        }
        lockFile = open(folder.appendingPathComponent("lock").path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if lockFile >= 0 { flock(lockFile, LOCK_EX) }
        let manifest = folder.appendingPathComponent("manifest.tsv").path
        let data: Data
        do {
            data = try Folder.read(manifest)
        } catch {
            if error.code != .ENOENT { ignored = "cannot read \(manifest): \(String(cString: strerror(error.code.rawValue)))" }
            return
        }
        do {
            try parse(data)
        } catch {
            files = [:]
            releases = [:]
            ignored = "\(manifest) \(error.reason); the cache was ignored and is rebuilt"
        }
    }

    deinit {
        if lockFile >= 0 { close(lockFile) }
    }

    // MARK: Files

    /// The SHA-256 of each file by path: from the manifest while its stamp is unchanged, hashed otherwise
    /// (in parallel). An unreadable file gets no digest, so nothing keyed by it is ever reused.
    func digests(of files: [ContentFile]) -> [String: String] {
        let known = self.files
        let started = started
        let results = ConcurrentMap.map(files) { file -> (String, FileRecord?, Bool) in
            var info = stat()
            guard stat(file.absolutePath, &info) == 0 else { return (file.path, nil, false) }
            let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            let size = Int(info.st_size), inode = UInt64(info.st_ino)
            if let record = known[file.path], record.size == size, record.modified == modified, record.inode == inode {
                return (file.path, record, true)
            }
            // A file over its size limit is never read (its reader reports the limit); without a digest nothing is reused.
            guard size <= file.sizeLimit else { return (file.path, nil, false) }
            do {
                let data = try Folder.read(file.absolutePath)
                return (file.path, FileRecord(size: size, modified: modified, inode: inode, sha256: SHA256.hex(data)), false)
            } catch {
                // The reader of this file reports why it cannot be read; without a digest nothing keyed by it is reused.
                return (file.path, nil, false)
            }
        }
        var digests: [String: String] = [:]
        lock.withLock {
            for (path, record, wasKnown) in results {
                guard let record else { continue }
                digests[path] = record.sha256
                if wasKnown { reused.filesKnown += 1 } else { reused.filesHashed += 1 }
                // A file changed within the last second could change again within the same clock tick
                // unseen: it is not remembered, so the next build hashes it again.
                if Double(record.modified) / 1e9 < started - 1 { nextFiles[path] = record }
            }
        }
        return digests
    }

    // MARK: Releases

    /// The record of release `id` from the last build, if any.
    func release(_ id: String) -> ReleaseRecord? {
        lock.withLock { releases[id] }
    }

    /// Keeps a release's record, and its summary's file, for the next build.
    func keep(_ record: ReleaseRecord) {
        lock.withLock {
            nextReleases[record.id] = record
            if !record.summary.isEmpty { referencedPages.insert(record.summary) }
        }
    }

    /// The key of the summary of a release rendered with the key `render`.
    static func summaryKey(render: String) -> String {
        SHA256.hex("release-summary\u{0}" + render)
    }

    /// Keeps a release's summary, written by `write` into a file of its own, unless the file is kept already: a
    /// release's summary holds its release.yaml `summary`, which may be megabytes, so it is neither held in the
    /// manifest nor read back unless the release is reused. False when it cannot be kept.
    func keepSummary(key: String, writing write: (Int32) throws -> Void) -> Bool {
        if !hasPage(key) {
            do {
                guard try keep(key, write: write) else { return false }
            } catch {
                return false   // an unkept summary only costs an analysis next time
            }
            lock.withLock {
                storedPages += 1
                keptPages?.insert(key)
            }
        }
        lock.withLock { _ = referencedPages.insert(key) }
        return true
    }

    /// The bytes of the summary kept under `key`.
    func summary(_ key: String) throws(POSIXError) -> Data {
        try Folder.read(pagePath(key))
    }

    /// Counts a release as read, analysed or reused, for `--verbose`.
    func count(read: Int = 0, analysed: Int = 0, reusedReleases: Int = 0) {
        lock.withLock {
            reused.releasesRead += read
            reused.releasesAnalysed += analysed
            reused.releasesReused += reusedReleases
        }
    }

    // MARK: Pages

    /// Where the page with this key is kept.
    func pagePath(_ key: String) -> String {
        folder.path + "/pages/" + key + ".html"
    }

    /// Whether a page with this key is kept (and so may be reused). The pages folder is listed once, on the
    /// first question, rather than each page looked up (a large site asks about tens of thousands).
    func hasPage(_ key: String) -> Bool {
        lock.withLock {
            if keptPages == nil {
                let listed: [Folder.Entry]
                do {
                    listed = try Folder.entries(of: folder.path + "/pages")
                } catch {
                    listed = []  // a folder that cannot be listed keeps nothing: its releases are rendered again
                }
                keptPages = Set(listed.lazy.filter { !$0.isFolder && $0.name.hasSuffix(".html") }.map { String($0.name.dropLast(5)) })
            }
            return keptPages?.contains(key) ?? false
        }
    }

    /// A kept page as output: counted as reused, and kept past this build's clean-up.
    func reusePage(_ key: String, at path: String) -> OutputFile {
        lock.withLock {
            referencedPages.insert(key)
            reused.pagesReused += 1
        }
        return OutputFile(path: path, body: .file(pagePath(key)))
    }

    /// Stores a rendered page under its key and returns it as output linked to the stored file. When the
    /// page cannot be stored, the bytes themselves are the output: the build goes on without caching it.
    func store(_ html: Data, key: String, at path: String) -> OutputFile {
        let stored: Bool
        do { stored = try keep(key) { try Folder.write(html, to: $0) } } catch {
            stored = false  // a page that cannot be cached is still output, as bytes
        }
        return counted(stored, key: key) ? OutputFile(path: path, body: .file(pagePath(key))) : OutputFile(path: path, body: .bytes(html))
    }

    /// Stores a file written in pieces by `write` (a release's summary.json) under its key, as `store` does.
    /// When the cache cannot keep it (a failed write of the cache's file), it is written into the output instead;
    /// an error of `write` itself (a value JSON cannot hold) is the build's error.
    func store(key: String, at path: String,
               writing write: @escaping @Sendable (_ piece: ([UInt8]) throws -> Void) throws -> Void) throws(DiagnosticError) -> OutputFile {
        let stored: Bool
        do { stored = try keep(key) { try OutputFile.write(write, to: $0) } } catch is POSIXError {
            stored = false
        } catch let error as DiagnosticError {
            throw error   // a located problem met while making the page (a Markdown file that changed)
        } catch {
            throw DiagnosticError(.error("cannot write \(path): \(error)", at: nil))
        }
        return counted(stored, key: key) ? OutputFile(path: path, body: .file(pagePath(key))) : OutputFile(path: path, body: .stream(write))
    }

    /// Writes the page of `key` through `write` into a new file and renames it into place: true when kept.
    private func keep(_ key: String, write: (Int32) throws -> Void) throws -> Bool {
        let target = pagePath(key)
        let temporary = target + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        do {
            try write(fd)
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        close(fd)
        guard rename(temporary, target) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// Counts a page rendered, and kept when `stored`; returns `stored`.
    private func counted(_ stored: Bool, key: String) -> Bool {
        lock.withLock {
            reused.pagesRendered += 1
            storedPages += 1
            if stored {
                referencedPages.insert(key)
                keptPages?.insert(key)
            }
        }
        return stored
    }

    /// Counts pages rendered that the cache does not keep (404, the site's own pages).
    func countRendered(_ count: Int) {
        lock.withLock { reused.pagesRendered += count }
    }

    // MARK: Saving

    /// Writes the manifest for the next build (atomically) and deletes the pages this build did not use.
    /// Releases not seen in this build are forgotten.
    func save() throws(DiagnosticError) {
        // Nothing new: the manifest and the kept pages are already right.
        let unchanged = lock.withLock { ignored == nil && !otherBuild && nextReleases == releases && nextFiles == files && storedPages == 0 }
        if unchanged { return }
        let keep = lock.withLock { referencedPages }
        let manifest = folder.appendingPathComponent("manifest.tsv").path
        let temporary = manifest + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        do {
            guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            defer { close(fd) }
            try lock.withLock { try writeManifest(to: fd) }
            guard rename(temporary, manifest) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            unlink(temporary)
            throw DiagnosticError(.error("cannot write the build cache's manifest \(manifest): \(error.localizedDescription)", at: nil))
        }
        let pages = folder.path + "/pages"
        let entries: [Folder.Entry]
        do {
            entries = try Folder.entries(of: pages)
        } catch {
            return  // nothing to clean up when the folder cannot be listed; the next build tries again
        }
        for entry in entries where !entry.isFolder {
            let key = entry.name.hasSuffix(".html") ? String(entry.name.dropLast(5)) : entry.name
            if !keep.contains(key) { unlink(pages + "/" + entry.name) }
        }
    }

    /// Identifies the running binary: its version, and the size and time of its executable, so that a
    /// cache written by another build of Flightdeck (even of the same version) is never trusted.
    private static func binaryIdentity() -> String {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return flightdeckVersion }
        return "\(flightdeckVersion) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    /// The version a manifest's identity names.
    private static func version(of identity: String) -> String {
        String(identity.prefix { $0 != " " })
    }

    // MARK: Manifest text

    /// Writes the manifest to `fd` a line at a time, through a buffer of about a mebibyte. A release's summary can be
    /// megabytes (a long `summary:` in release.yaml), so the manifest is never whole in memory, nor copied to be written.
    private func writeManifest(to fd: Int32) throws {
        let flushBytes = 1 << 20
        var buffer: [UInt8] = []
        buffer.reserveCapacity(flushBytes)
        func flush() throws {
            try Folder.write(buffer, to: fd)
            buffer.removeAll(keepingCapacity: true)
        }
        func line(_ fields: [String]) throws {
            for (index, field) in fields.enumerated() {
                if index > 0 { buffer.append(0x09) }
                var field = field
                try field.withUTF8 { utf8 in
                    var start = 0
                    while start < utf8.count {
                        let end = min(utf8.count, start + max(flushBytes - buffer.count, 1))
                        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<end]))
                        start = end
                        if buffer.count >= flushBytes { try flush() }
                    }
                }
            }
            buffer.append(0x0A)
        }
        try line(["flightdeck-cache", "\(Self.formatVersion)", CacheText.escape(identity)])
        for (path, record) in nextFiles.sorted(by: { $0.key < $1.key }) {
            try line(["F", CacheText.escape(path), String(record.size), String(record.modified), String(record.inode), record.sha256])
        }
        for record in nextReleases.values.sorted(by: { $0.id < $1.id }) {
            try line(["R", record.id, record.inputs, record.analysis, record.render, record.hasErrors ? "1" : "0",
                      record.ingestErrors ? "1" : "0", record.draft ? "1" : "0",
                      record.product.map { "=" + $0 } ?? "", record.date.map { "\($0)" } ?? "", record.title, record.summary, record.diagnostics, record.pages]
                .map(CacheText.escape))
        }
        try flush()
    }

    /// Why a manifest cannot be used.
    private struct Unusable: Error { let reason: String }

    private func parse(_ data: Data) throws(Unusable) {
        // Split on bytes, in place: tabs and newlines never occur inside a field (see `CacheText`). A large site's
        // manifest has megabytes; it is read without copying it into an array first.
        let failure = data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Unusable? in
            do throws(Unusable) {
                try parse(bytes)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    private func parse(_ bytes: UnsafeRawBufferPointer) throws(Unusable) {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: true).makeIterator()
        func fields(_ line: Slice<UnsafeRawBufferPointer>) -> [String] {
            line.split(separator: 0x09, omittingEmptySubsequences: false).map { CacheText.unescape(String(decoding: $0, as: UTF8.self)) }
        }
        guard let first = lines.next() else { throw Unusable(reason: "is empty") }
        let header = fields(first)
        guard header.count == 3, header[0] == "flightdeck-cache" else { throw Unusable(reason: "is not a Flightdeck cache manifest") }
        guard header[1] == "\(Self.formatVersion)" else {
            throw Unusable(reason: "has format \(header[1]), this Flightdeck reads format \(Self.formatVersion)")
        }
        let written = header[2]
        guard written == identity else {
            // Another build of the same version (a developer's rebuild) is ignored quietly; another version is said.
            if Self.version(of: written) == flightdeckVersion {
                otherBuild = true
                return
            }
            throw Unusable(reason: "was written by Flightdeck \(Self.version(of: written)), this is \(flightdeckVersion)")
        }
        var number = 1
        while let line = lines.next() {
            number += 1
            let fields = fields(line)
            switch (fields.first, fields.count) {
            case ("F", 6):
                guard let size = Int(fields[2]), let modified = Int64(fields[3]), let inode = UInt64(fields[4]) else {
                    throw Unusable(reason: "line \(number): bad file record")
                }
                files[fields[1]] = FileRecord(size: size, modified: modified, inode: inode, sha256: fields[5])
            case ("R", 14):
                let date: Double?
                if fields[9].isEmpty { date = nil } else if let value = Double(fields[9]) { date = value } else {
                    throw Unusable(reason: "line \(number): bad release date")
                }
                releases[fields[1]] = ReleaseRecord(
                    id: fields[1], inputs: fields[2], analysis: fields[3], render: fields[4], hasErrors: fields[5] == "1",
                    ingestErrors: fields[6] == "1", draft: fields[7] == "1", product: fields[8].isEmpty ? nil : String(fields[8].dropFirst()),
                    date: date, title: fields[10], summary: fields[11], diagnostics: fields[12], pages: fields[13])
            default:
                throw Unusable(reason: "line \(number): unknown record")
            }
        }
    }
}

/// Free text in the cache manifest's tab-separated fields. A field without tab, newline, carriage return or a
/// leading U+0001 is written as it is (JSON, paths, titles: nearly always); any other is written as U+0001
/// followed by the text with backslash, tab, newline and carriage return escaped.
enum CacheText {
    private static let marker: UInt8 = 0x01

    static func escape(_ text: String) -> String {
        guard text.utf8.first == marker || text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        var result = "\u{1}"
        for character in text.unicodeScalars {
            switch character {
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    static func unescape(_ text: String) -> String {
        guard text.utf8.first == marker else { return text }
        var result = ""
        var escaped = false
        for character in text.unicodeScalars.dropFirst() {
            if escaped {
                switch character {
                case "t": result += "\t"
                case "n": result += "\n"
                case "r": result += "\r"
                default: result.unicodeScalars.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
