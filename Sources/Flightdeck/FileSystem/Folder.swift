import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Plain POSIX file-system calls for the hot paths of Load and Write: Foundation's listing and reading
/// stat every entry again and list extended attributes, which dominates the time for a large site.
enum Folder {
    /// One entry of a folder.
    struct Entry {
        let name: String
        /// A folder, not a link to one.
        let isFolder: Bool
    }

    /// The entries of the folder at `path` (without `.` and `..`), in no particular order; the error is the
    /// POSIX reason it cannot be listed (`ENOENT`, `ENOTDIR`, `EACCES`, ...).
    static func entries(of path: String) throws(POSIXError) -> [Entry] {
        let folder = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        guard let directory = fdopendir(folder) else {
            let failure = POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            close(folder)
            throw failure
        }
        defer { closedir(directory) }
        var result: [Entry] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var info = stat()
                isFolder = fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            result.append(Entry(name: name, isFolder: isFolder))
        }
        return result
    }

    /// True if `path` is a folder; `followingLinks` decides whether a link to a folder counts.
    static func isFolder(_ path: String, followingLinks: Bool = true) -> Bool {
        var info = stat()
        let found = followingLinks ? stat(path, &info) : lstat(path, &info)
        return found == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The size in bytes of the item at `path` (a link's own, as `FileManager.attributesOfItem` gives it), or nil.
    static func size(ofItem path: String) -> Int? {
        var info = stat()
        return lstat(path, &info) == 0 ? Int(info.st_size) : nil
    }

    /// The whole contents of the file at `path`; the error is the POSIX reason (`ENOENT`, `EISDIR`, ...).
    static func read(_ path: String) throws(POSIXError) -> Data {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        guard (info.st_mode & S_IFMT) != S_IFDIR else { throw POSIXError(.EISDIR) }
        // One byte more than the size, so the read that finds the end needs no more room.
        var data = Data(count: max(Int(info.st_size), 0) + 1)
        var length = 0
        var failure: Int32 = 0
        while failure == 0 {
            if length == data.count { data.count *= 2 }  // the file grew, or has no size (/proc)
            let count = data.withUnsafeMutableBytes { buffer in
                Glibc.read(fd, buffer.baseAddress.map { $0 + length }, buffer.count - length)
            }
            if count > 0 { length += count } else if count == 0 { break } else if errno != EINTR { failure = errno }
        }
        guard failure == 0 else { throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO) }
        data.count = length
        return data
    }

    /// Writes all of `data` to the open file `fd`, retrying interrupted and short writes.
    static func write(_ data: some ContiguousBytes, to fd: Int32) throws(POSIXError) {
        let failed: Int32? = data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += count
            }
            return nil
        }
        if let failed { throw POSIXError(POSIXErrorCode(rawValue: failed) ?? .EIO) }
    }
}
