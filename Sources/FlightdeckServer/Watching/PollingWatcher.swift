import Foundation

/// Finds changes by scanning the watched entries' modification times and sizes at an interval.
struct PollingWatcher: ChangeWatcher {
    let root: String
    let filter: WatchFilter
    let interval: Duration

    func changes() -> AsyncStream<[String]> {
        AsyncStream { continuation in
            let task = Task {
                var previous = snapshot()
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    let current = snapshot()
                    let changed = Set(previous.keys).union(current.keys).filter { previous[$0] != current[$0] }
                    if !changed.isEmpty { continuation.yield(changed.sorted()) }
                    previous = current
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Modification time and size of every accepted file under the watched entries.
    func snapshot() -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        let manager = FileManager.default
        for entry in filter.entries.sorted() {
            let path = root + "/" + entry
            guard let status = FileStatus(path: path) else { continue }
            guard status.kind == .folder else {
                stamps[entry] = FileStamp(status)
                continue
            }
            guard let walker = manager.enumerator(atPath: path) else { continue }
            while let relative = walker.nextObject() as? String {
                let name = entry + "/" + relative
                if let status = FileStatus(path: root + "/" + name), status.kind == .file, filter.accepts(name) {
                    stamps[name] = FileStamp(status)
                }
            }
        }
        return stamps
    }
}

/// What polling compares: a file changed when any of these did.
struct FileStamp: Equatable {
    let size: Int
    let seconds: Int
    let nanoseconds: Int
    let inode: UInt64

    init(_ status: FileStatus) {
        size = status.size
        seconds = status.modifiedSeconds
        nanoseconds = status.modifiedNanoseconds
        inode = status.inode
    }
}
