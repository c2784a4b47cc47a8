#if os(Linux)
import Foundation
import Glibc

/// Watches the site root with Linux inotify: the root itself for its watched entries, and every folder
/// under the watched entries, adding watches as folders appear. A thread of its own reads the events.
final class InotifyWatcher: ChangeWatcher, @unchecked Sendable {
    private static let folderMask = UInt32(IN_CREATE) | UInt32(IN_DELETE) | UInt32(IN_MODIFY) | UInt32(IN_CLOSE_WRITE)
        | UInt32(IN_MOVED_FROM) | UInt32(IN_MOVED_TO) | UInt32(IN_ATTRIB) | UInt32(IN_MOVE_SELF) | UInt32(IN_DELETE_SELF)
        | UInt32(IN_ONLYDIR)

    private let root: String
    private let filter: WatchFilter
    private let descriptor: Int32
    /// Watch descriptor → folder relative to the root (`""` for the root). Touched only by the reading thread after init.
    private var folders: [Int32: String] = [:]
    private let stopLock = NSLock()
    private var stopped = false

    /// Starts watching; nil if inotify is unavailable or the root cannot be watched.
    init?(root: String, filter: WatchFilter) {
        self.root = root
        self.filter = filter
        descriptor = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        guard addWatch("") else {
            close(descriptor)
            return nil
        }
        for entry in filter.entries.sorted() { addWatchesRecursively(entry) }
    }

    func changes() -> AsyncStream<[String]> {
        AsyncStream { continuation in
            continuation.onTermination = { _ in self.stopLock.withLock { self.stopped = true } }
            let thread = Thread { self.readEvents(into: continuation) }
            thread.name = "flightdeck-inotify"
            thread.start()
        }
    }

    private var isStopped: Bool { stopLock.withLock { stopped } }

    private func readEvents(into continuation: AsyncStream<[String]>.Continuation) {
        defer { close(descriptor); continuation.finish() }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !isStopped {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else {
                if count < 0 && (errno == EAGAIN || errno == EINTR) { continue }
                return
            }
            let changed = parse(buffer[..<count])
            if !changed.isEmpty { continuation.yield(changed) }
        }
    }

    /// Turns a block of `inotify_event` records into changed paths, watching new folders on the way.
    private func parse(_ bytes: ArraySlice<UInt8>) -> [String] {
        var changed: [String] = []
        var offset = bytes.startIndex
        let headerSize = MemoryLayout<inotify_event>.size
        while offset + headerSize <= bytes.endIndex {
            let event = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset - bytes.startIndex, as: inotify_event.self) }
            let nameBytes = bytes[(offset + headerSize)..<min(bytes.endIndex, offset + headerSize + Int(event.len))]
            offset += headerSize + Int(event.len)
            let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
            if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                changed.append(contentsOf: filter.entries.sorted())
                continue
            }
            guard let folder = folders[event.wd] else { continue }
            if event.mask & (UInt32(IN_IGNORED) | UInt32(IN_MOVE_SELF) | UInt32(IN_DELETE_SELF)) != 0 {
                if event.mask & UInt32(IN_MOVE_SELF) != 0 { inotify_rm_watch(descriptor, event.wd) }
                folders[event.wd] = nil
                continue
            }
            guard !name.isEmpty else { continue }
            let relative = folder.isEmpty ? name : folder + "/" + name
            guard filter.accepts(relative) else { continue }
            changed.append(relative)
            let appeared = UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)
            if event.mask & UInt32(IN_ISDIR) != 0, event.mask & appeared != 0 {
                changed.append(contentsOf: addWatchesRecursively(relative))
            }
        }
        return changed
    }

    @discardableResult
    private func addWatch(_ relative: String) -> Bool {
        let path = relative.isEmpty ? root : root + "/" + relative
        let watch = inotify_add_watch(descriptor, path, Self.folderMask)
        guard watch >= 0 else { return false }
        folders[watch] = relative
        return true
    }

    /// Watches `relative` and every folder below it; returns the files found there (they may be new).
    /// The depth limit stops a symbolic link that points at its own parent.
    @discardableResult
    private func addWatchesRecursively(_ relative: String, depth: Int = 0) -> [String] {
        guard depth < 32, FileStatus(path: root + "/" + relative)?.kind == .folder, addWatch(relative) else { return [] }
        var files: [String] = []
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + relative)) ?? []
        for name in names.sorted() where !WatchFilter.isEditorTemporary(Substring(name)) {
            let child = relative + "/" + name
            switch FileStatus(path: root + "/" + child)?.kind {
            case .folder: files.append(contentsOf: addWatchesRecursively(child, depth: depth + 1))
            case .file: files.append(child)
            default: break
            }
        }
        return files
    }
}
#endif
