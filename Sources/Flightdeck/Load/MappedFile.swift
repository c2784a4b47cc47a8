import Foundation

/// A data file's bytes for one scan from its start to its end, mapped read-only when it can be. The pages already
/// scanned can be given back (`release(upTo:)`), so a 128 MiB CSV is not all resident while its records are
/// built: the peak is the records, not the records plus the file.
package final class MappedFile {
    /// The file's bytes, valid while this object lives.
    package let bytes: UnsafeBufferPointer<UInt8>
    /// The path the file was mapped from, or nil when its bytes were read into memory.
    package let path: String?
    /// Lines that are not empty (between line breaks: LF, CR or CRLF): at least the number of records a reader
    /// will find, since a blank line is no record, to reserve room for them.
    package private(set) var lines = 0
    /// The mapping, or nil when the bytes were read into memory (then nothing is given back).
    private let mapping: UnsafeMutableRawPointer?
    /// Bytes from the start already given back.
    private var released = 0
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
    /// Pages are given back in steps of this many bytes, not one by one.
    private static let step = 8 << 20

    /// The file's bytes, checked as `ContentFile.readText` checks them: a file over its size limit, unreadable, or
    /// not UTF-8 is the same located error. Mapped when it can be; read into memory otherwise.
    package static func open(_ file: ContentFile) throws(DiagnosticError) -> MappedFile {
        try file.checkSize()
        let text: MappedFile
        if let mapped = MappedFile(path: file.absolutePath) { text = mapped } else { text = MappedFile(copying: try file.readData()) }
        if !text.checkText() { _ = try ContentFile.decode(try file.readData(), path: file.path) }
        return text
    }

    /// Maps the file at `path`, or nil when it cannot be mapped.
    init?(path: String) {
        let fd = Foundation.open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let length = Int(info.st_size)
        self.path = path
        guard length > 0 else {
            mapping = nil
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            return
        }
        guard let pointer = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0), pointer != MAP_FAILED else { return nil }
        mapping = pointer
        bytes = UnsafeBufferPointer(start: pointer.assumingMemoryBound(to: UInt8.self), count: length)
    }

    /// The file at `path` mapped again, when it still holds, from byte `start`, `count` bytes whose SHA-256 is
    /// `digest` and nothing after them: nil when it changed or cannot be mapped. Its pages are given back once
    /// checked.
    package static func unchanged(path: String, start: Int, count: Int, digest: [UInt8]) -> MappedFile? {
        guard let mapped = MappedFile(path: path), mapped.bytes.count == start + count, mapped.digest(from: start) == digest else {
            return nil
        }
        return mapped
    }

    /// The SHA-256 of the bytes from `start` to the end, read a mebibyte at a time, each given back once hashed (a
    /// long file is not all resident to be checked).
    package func digest(from start: Int) -> [UInt8] {
        SHA256.digest { piece in
            var from = start
            repeat {
                let to = min(bytes.count, from + (1 << 20))
                piece(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[from..<to])))
                release(from..<to)
                from = to
            } while from < bytes.count
        }
    }

    /// Bytes read another way (a file that cannot be mapped).
    private init(copying data: Data) {
        mapping = nil
        path = nil
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: data.count)
        _ = copy.initialize(from: data)
        bytes = UnsafeBufferPointer(copy)
    }

    deinit {
        if let mapping { munmap(mapping, bytes.count) } else { bytes.deallocate() }   // nothing for an empty file
    }

    /// Gives back the pages wholly before `offset`, in steps of 8 MiB: nothing before it is read again (if it
    /// were, the pages would be read from the file anew). Does nothing for bytes that were read, not mapped.
    package func release(upTo offset: Int) {
        guard let mapping else { return }
        let end = min(offset, bytes.count) / Self.pageSize * Self.pageSize
        guard end - released >= Self.step else { return }
        madvise(mapping + released, end - released, MADV_DONTNEED)
        released = end
    }

    /// Gives back the whole pages inside `range` now, whatever was given back before (they are read from the file
    /// anew if they are read again). Does nothing for bytes that were read, not mapped.
    package func release(_ range: Range<Int>) {
        guard let mapping else { return }
        let start = (range.lowerBound + Self.pageSize - 1) / Self.pageSize * Self.pageSize
        let end = min(range.upperBound, bytes.count) / Self.pageSize * Self.pageSize
        guard end > start else { return }
        madvise(mapping + start, end - start, MADV_DONTNEED)
    }

    /// Whether the bytes are valid UTF-8 (`UTF8Text.isValid`), counting `lines` on the way, in one pass that gives
    /// the pages back as it goes.
    func checkText() -> Bool {
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
        self.lines = lines
        // Not all ASCII (rare in data files): checked whole.
        let valid = ascii || UTF8Text.isValid(bytes)
        if let mapping { madvise(mapping, bytes.count, MADV_DONTNEED) }
        released = 0
        return valid
    }
}
