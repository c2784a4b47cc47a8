#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder the server shows: resolves request paths to files inside it and never outside it,
/// even through symbolic links, and loads them through a cache.
struct SiteFolder: Sendable {
    /// What a relative path names.
    enum Entry {
        /// A regular file inside the folder, by its real path.
        case file(path: String, status: FileStatus)
        /// A folder inside the served folder.
        case folder
        /// Nothing servable: missing, outside the folder, or not a regular file.
        case missing
    }

    /// The served folder as given (it may be a symbolic link that a build swaps).
    let root: String
    /// Recently served files.
    let cache: FileCache
    /// Rewrites HTML as it is loaded (adds the live-reload script); nil leaves it alone.
    let transformHTML: (@Sendable ([UInt8]) -> [UInt8])?

    /// A folder served from `root`.
    init(root: String, cache: FileCache = FileCache(), transformHTML: (@Sendable ([UInt8]) -> [UInt8])? = nil) {
        self.root = root
        self.cache = cache
        self.transformHTML = transformHTML
    }

    private static func now() -> Int {
        Int(time(nil))
    }

    /// Looks up `relative` (segments already checked by `RequestPath`), following links only within the folder.
    ///
    /// The first lookup of a path resolves it with `realpath` and checks that it stays inside the folder;
    /// later lookups only `stat` it and reuse that answer while the same file (device, inode, size, time) is there.
    func entry(at relative: String) -> Entry {
        guard let status = FileStatus(path: relative.isEmpty ? root : root + "/" + relative) else { return .missing }
        if let real = cache.resolution(of: relative, status: status) { return Self.entry(real: real, status: status) }
        guard let realRoot = FileStatus.realPath(root) else { return .missing }
        let candidate = relative.isEmpty ? realRoot : realRoot + "/" + relative
        guard let real = FileStatus.realPath(candidate),
              real == realRoot || real.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/"),
              let realStatus = FileStatus(path: real)
        else { return .missing }
        if realStatus == status { cache.storeResolution(real, of: relative, status: status) }
        return Self.entry(real: real, status: realStatus)
    }

    private static func entry(real: String, status: FileStatus) -> Entry {
        switch status.kind {
        case .file: .file(path: real, status: status)
        case .folder: .folder
        case .other: .missing
        }
    }

    /// The representation of a file found by `entry(at:)`; nil if it is too large to cache or vanished.
    func representation(of path: String, status: FileStatus, fileExtension: String) -> Representation? {
        if let cached = cache.representation(at: path, status: status) { return cached }
        guard status.size <= cache.maximumFileSize,
              let bytes = FileStatus.contents(of: path, expectedSize: status.size)
        else { return nil }
        let representation = Representation(
            bytes: bytes, fileExtension: fileExtension, modifiedSeconds: status.modifiedSeconds, transformHTML: transformHTML)
        // File times are coarse (a few milliseconds): a file modified just now could change again without its
        // status changing, so it is cached only once it has been still for a while (git's "racy" rule).
        if Self.now() - status.modifiedSeconds >= 2 {
            cache.store(representation, at: path, status: status)
        }
        return representation
    }
}
