import CCmark

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
