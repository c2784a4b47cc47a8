import Foundation

/// A file mapped read-only for a scan from its start to its end. The pages already scanned can be given back
/// (`release(upTo:)`), so a 128 MiB CSV is not all resident while its records are built: the peak is the
/// records, not the records plus the file.
package final class MappedFile {
    /// The file's bytes, valid while this object lives.
    package let bytes: UnsafeBufferPointer<UInt8>
    private let base: UnsafeMutableRawPointer?
    private let length: Int
    /// Bytes from the start already given back.
    private var released = 0
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
    /// Pages are given back in steps of this many bytes, not one by one.
    private static let step = 8 << 20

    /// Maps the file at `path`, or nil when it cannot be mapped (read it normally then, which reports why).
    package init?(path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        length = Int(info.st_size)
        guard length > 0 else {
            base = nil
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            return
        }
        guard let pointer = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0), pointer != MAP_FAILED else { return nil }
        base = pointer
        bytes = UnsafeBufferPointer(start: pointer.assumingMemoryBound(to: UInt8.self), count: length)
    }

    deinit {
        if let base { munmap(base, length) }
    }

    /// Gives back the pages wholly before `offset`, in steps of 8 MiB: nothing before it is read again (if it
    /// were, the pages would be read from the file anew).
    package func release(upTo offset: Int) {
        guard let base else { return }
        let end = min(offset, length) / Self.pageSize * Self.pageSize
        guard end - released >= Self.step else { return }
        madvise(base + released, end - released, MADV_DONTNEED)
        released = end
    }

    /// Gives back every page: after a pass over the whole file, before the next one.
    package func releaseAll() {
        guard let base else { return }
        madvise(base, length, MADV_DONTNEED)
        released = 0
    }

    /// Whether the bytes are valid UTF-8 (`UTF8Text.isValid`), with the count of lines that are not empty, in one
    /// pass that gives the pages back as it goes.
    package func checkText() -> (valid: Bool, lines: Int) {
        var lines = 0, inLine = false, ascii = true
        var start = 0
        while start < bytes.count {
            let end = min(start + Self.step, bytes.count)
            let chunk = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if ascii, !UTF8Text.isASCII(chunk) { ascii = false }
            for byte in chunk {
                let isBreak = byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
                if !isBreak, !inLine { lines += 1 }
                inLine = !isBreak
            }
            release(upTo: end)
            start = end
        }
        // Not all ASCII (rare in data files): checked whole.
        let valid = ascii || UTF8Text.isValid(bytes)
        releaseAll()
        return (valid, lines)
    }
}
