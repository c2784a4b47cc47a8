import Foundation

/// The text of one file with its line starts, to turn offsets into locations.
package struct SourceFile: Sendable {
    /// Path relative to the site root, as shown in diagnostics.
    package let path: String
    /// The file's text.
    package let text: String
    /// UTF-8 offsets at which each line starts.
    private let lineStarts: [Int]
    /// Whether the whole text is ASCII: then a column is a byte count, found without reading the line.
    private let isASCII: Bool

    /// Creates a source file and indexes its lines.
    package init(path: String, text: String) {
        self.path = path
        self.text = text
        if let (starts, isASCII) = text.utf8.withContiguousStorageIfAvailable(Self.index) {
            self.lineStarts = starts
            self.isASCII = isASCII
            return
        }
        var starts = [0]
        var offset = 0
        var high: UInt8 = 0
        for byte in text.utf8 {
            offset += 1
            high |= byte
            if byte == UInt8(ascii: "\n") { starts.append(offset) }
        }
        self.lineStarts = starts
        isASCII = high < 0x80
    }

    /// The line starts and whether all is ASCII, from contiguous UTF-8: `memchr` finds the line breaks and a plain
    /// loop (which the compiler vectorises) ORs the bytes together; walking the string's UTF-8 view a byte at a
    /// time was a noticeable part of reading every data file.
    private static func index(_ bytes: UnsafeBufferPointer<UInt8>) -> ([Int], Bool) {
        var starts = [0]
        guard let base = bytes.baseAddress else { return (starts, true) }
        var high: UInt8 = 0
        for byte in bytes { high |= byte }
        var offset = 0
        while offset < bytes.count, let found = memchr(base + offset, 0x0A, bytes.count - offset) {
            offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
            starts.append(offset)
        }
        return (starts, high < 0x80)
    }

    /// The location of a UTF-8 offset into `text` (binary search of the line starts).
    package func location(ofUTF8Offset offset: Int) -> SourceLocation {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let end = min(offset, text.utf8.count)
        if isASCII { return SourceLocation(file: path, line: low + 1, column: max(end - lineStarts[low], 0) + 1) }
        // Columns count Unicode scalars: the bytes that do not continue a UTF-8 sequence.
        var column = 1
        var index = text.utf8.index(text.utf8.startIndex, offsetBy: lineStarts[low])
        let stop = text.utf8.index(text.utf8.startIndex, offsetBy: end)
        while index < stop {
            if text.utf8[index] & 0xC0 != 0x80 { column += 1 }
            text.utf8.formIndex(after: &index)
        }
        return SourceLocation(file: path, line: low + 1, column: column)
    }

    /// The location of a string index into `text`.
    package func location(of index: String.Index) -> SourceLocation {
        location(ofUTF8Offset: text.utf8.distance(from: text.utf8.startIndex, to: index))
    }

    /// The UTF-8 offset at which a 1-based line starts, or nil past the end.
    package func utf8Offset(line number: Int) -> Int? {
        number >= 1 && number <= lineStarts.count ? lineStarts[number - 1] : nil
    }

    /// The text of a 1-based line without its line break, or nil past the end.
    package func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[number - 1])
        let end = number < lineStarts.count
            ? utf8.index(utf8.startIndex, offsetBy: lineStarts[number] - 1)
            : utf8.endIndex
        var line = text[start..<end]
        if line.hasSuffix("\r") { line = line.dropLast() }
        return line
    }
}
