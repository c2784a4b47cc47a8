import CCmark
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

/// Which tildes of a text node were written escaped (`\~`, `&#126;`), so they never strike through.
///
/// cmark merges a text run with its backslash escapes, so this reads the node's source span.
struct EscapedTildes {
    private let lines: SourceLines?

    /// Reads `text` only when it holds an escape or a numeric entity at all.
    init(_ text: String) {
        lines = text.contains("\\~") || text.contains("&#") ? SourceLines(text) : nil
    }

    /// One flag per tilde in the node's literal; all false when nothing is escaped or the span is unclear.
    func flags(for node: OpaquePointer, tildes: Int) -> [Bool] {
        let none = [Bool](repeating: false, count: tildes)
        guard let lines, cmark_node_get_start_line(node) == cmark_node_get_end_line(node) else { return none }
        let line = lines.line(Int(cmark_node_get_start_line(node)))
        let start = line.startIndex + Int(cmark_node_get_start_column(node)) - 1
        let end = line.startIndex + Int(cmark_node_get_end_column(node))
        guard start >= line.startIndex, start < end, end <= line.endIndex else { return none }
        let span = line[start..<end]
        var flags: [Bool] = []
        var index = span.startIndex
        while index < span.endIndex {
            let byte = span[index]
            if byte == UInt8(ascii: "\\"), index + 1 < span.endIndex, Self.isASCIIPunctuation(span[index + 1]) {
                // A backslash escape takes the next punctuation character, so `\\~` leaves the tilde real.
                if span[index + 1] == UInt8(ascii: "~") { flags.append(true) }
                index += 2
            } else if byte == UInt8(ascii: "&"), let (length, isTilde) = Self.numericEntity(span[index...]) {
                if isTilde { flags.append(true) }
                index += length
            } else {
                if byte == UInt8(ascii: "~") { flags.append(false) }
                index += 1
            }
        }
        return flags.count == tildes ? flags : none
    }

    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    /// The length of a numeric character reference at the start of `bytes`, and whether it means `~`.
    private static func numericEntity(_ bytes: ArraySlice<UInt8>) -> (Int, Bool)? {
        guard let semicolon = bytes.prefix(12).firstIndex(of: UInt8(ascii: ";")), bytes.count > 2,
              bytes[bytes.startIndex + 1] == UInt8(ascii: "#") else { return nil }
        var digits = Substring(String(decoding: bytes[(bytes.startIndex + 2)..<semicolon], as: UTF8.self))
        var radix = 10
        if digits.first == "x" || digits.first == "X" { digits = digits.dropFirst(); radix = 16 }
        guard let value = Int(digits, radix: radix) else { return nil }
        return (semicolon - bytes.startIndex + 1, value == 0x7E)
    }
}
