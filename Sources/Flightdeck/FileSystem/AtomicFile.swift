import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file replaced as a whole and durably, under a lock, for records people make by hand (signoffs.yaml):
/// readers see the old file or the new one, never a mix, and concurrent writers take turns.
enum AtomicFile {
    /// Runs `body` holding an exclusive `flock` on the file at `lockPath`, which is created if needed and
    /// left in place. The lock is a file of its own beside the data, never the data file: that one is
    /// replaced by a rename, and a lock on the replaced file would not stop the next writer.
    static func withLock<T>(_ lockPath: String, _ body: () throws(DiagnosticError) -> T) throws(DiagnosticError) -> T {
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure("cannot create the lock file \(lockPath)", errno) }
        defer { close(fd) }  // closing releases the lock
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw failure("cannot lock \(lockPath)", errno) }
        }
        return try body()
    }

    /// Replaces the file at `path` by `data`: writes a temporary file in the same folder, fsyncs it, reads
    /// it back, renames it over the old file and fsyncs the folder. The file keeps its permissions (0644
    /// when new). On failure the old file is untouched and the temporary file removed.
    static func replace(_ path: String, with data: Data) throws(DiagnosticError) {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var template = Array("\(folder)/.\(name).XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { throw failure("cannot create a temporary file in \(folder)", errno) }
        let temporary = String(cString: template)
        var renamed = false
        defer { if !renamed { unlink(temporary) } }
        do {
            defer { close(fd) }
            var old = stat()
            let mode = stat(path, &old) == 0 ? old.st_mode & 0o7777 : 0o644
            guard fchmod(fd, mode) == 0 else { throw failure("cannot set the permissions of \(temporary)", errno) }
            do {
                try Folder.write(data, to: fd)
            } catch {
                throw failure("cannot write \(temporary)", error.code.rawValue)
            }
            guard fsync(fd) == 0 else { throw failure("cannot flush \(temporary) to disk", errno) }
        }
        let written: Data
        do {
            written = try Folder.read(temporary)
        } catch {
            throw failure("cannot read back \(temporary)", error.code.rawValue)
        }
        guard written == data else { throw DiagnosticError(.error("\(temporary) did not read back as written; \(path) is unchanged", at: nil)) }
        guard rename(temporary, path) == 0 else { throw failure("cannot rename \(temporary) to \(path)", errno) }
        renamed = true
        let directory = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directory >= 0 else { throw failure("cannot open \(folder) to flush it", errno) }
        defer { close(directory) }
        guard fsync(directory) == 0 else { throw failure("cannot flush \(folder) to disk", errno) }
    }

    private static func failure(_ what: String, _ code: Int32) -> DiagnosticError {
        DiagnosticError(.error("\(what): \(String(cString: strerror(code)).lowercased())", at: nil))
    }
}
