#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Markdown source as lines of bytes, for extensions that need what cmark's tree no longer holds.
struct SourceLines {
    let bytes: [UInt8]
    private let starts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count, let hit = memchr(base + offset, 0x0A, buffer.count - offset) {
                offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(offset)
            }
        }
        self.starts = starts
    }

    /// Whether some line in `numbers` could be a delimiter row: a `-` with only `|`, `:`, spaces and `>` beside it.
    func mayHoldDelimiterRow(_ numbers: ClosedRange<Int>) -> Bool {
        numbers.contains { number in
            let line = self.line(number)
            return line.contains(UInt8(ascii: "-")) && line.allSatisfy { byte in
                byte == UInt8(ascii: "-") || byte == UInt8(ascii: "|") || byte == UInt8(ascii: ":") || byte == 0x20 || byte == 0x09
                    || byte == UInt8(ascii: ">")
            }
        }
    }

    /// The number of lines.
    var count: Int { starts.count }

    /// Line `number` (1-based, as cmark counts) without its line ending; empty when out of range.
    func line(_ number: Int) -> ArraySlice<UInt8> {
        guard number >= 1, number <= starts.count else { return [] }
        var end = number < starts.count ? starts[number] - 1 : bytes.count
        if end > starts[number - 1], bytes[end - 1] == 0x0D { end -= 1 }
        return bytes[starts[number - 1]..<end]
    }
}
