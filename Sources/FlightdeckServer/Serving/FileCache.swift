import Foundation

/// Representations of recently served files, keyed by real path and checked against `stat` on every hit,
/// so a file changed on disk is never served stale even if nobody told the cache.
final class FileCache: @unchecked Sendable {
    /// Files larger than this are streamed from disk instead of cached.
    let maximumFileSize: Int
    /// The cache empties itself when its contents would exceed this many bytes.
    let maximumTotalSize: Int

    private let lock = NSLock()
    private var entries: [String: (status: FileStatus, representation: Representation)] = [:]
    private var totalSize = 0
    private var resolutions: [String: (real: String, status: FileStatus)] = [:]
    private let maximumResolutions = 10_000

    /// A cache holding files up to `maximumFileSize` bytes, `maximumTotalSize` in all.
    init(maximumFileSize: Int = 8 << 20, maximumTotalSize: Int = 256 << 20) {
        self.maximumFileSize = maximumFileSize
        self.maximumTotalSize = maximumTotalSize
    }

    /// The cached representation of `path` if the file on disk is still the one it was built from.
    func representation(at path: String, status: FileStatus) -> Representation? {
        lock.withLock {
            guard let entry = entries[path], entry.status == status else { return nil }
            return entry.representation
        }
    }

    /// Remembers a representation built from the file `path` as `status` described it.
    func store(_ representation: Representation, at path: String, status: FileStatus) {
        lock.withLock {
            if let old = entries[path] { totalSize -= old.representation.memoryCost }
            if totalSize + representation.memoryCost > maximumTotalSize {
                entries.removeAll(keepingCapacity: true)
                totalSize = 0
            }
            entries[path] = (status, representation)
            totalSize += representation.memoryCost
        }
    }

    /// The real path a request path resolved to, if the file there is still the one it resolved to.
    func resolution(of relative: String, status: FileStatus) -> String? {
        lock.withLock {
            guard let entry = resolutions[relative], entry.status == status else { return nil }
            return entry.real
        }
    }

    /// Remembers that `relative` resolved, inside the served folder, to `real`, which `status` describes.
    func storeResolution(_ real: String, of relative: String, status: FileStatus) {
        lock.withLock {
            if resolutions.count >= maximumResolutions { resolutions.removeAll(keepingCapacity: true) }
            resolutions[relative] = (real, status)
        }
    }

    /// Forgets everything (after a rebuild).
    func removeAll() {
        lock.withLock {
            entries.removeAll()
            resolutions.removeAll()
            totalSize = 0
        }
    }
}
