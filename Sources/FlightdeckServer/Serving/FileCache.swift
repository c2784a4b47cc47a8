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

    /// Forgets everything (after a rebuild).
    func removeAll() {
        lock.withLock {
            entries.removeAll()
            totalSize = 0
        }
    }
}
