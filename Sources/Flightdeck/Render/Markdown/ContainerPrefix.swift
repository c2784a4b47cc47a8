/// The container prefix of a block's first line (`> `, `- `, `> 1. `), to tell its lazy continuation lines.
struct ContainerPrefix {
    private let quotes: Int
    private let itemIndent: Int?

    init(_ prefix: ArraySlice<UInt8>) {
        quotes = prefix.filter { $0 == UInt8(ascii: ">") }.count
        let tail = prefix.reversed().prefix { $0 != UInt8(ascii: ">") }
        // Only list markers leave anything but spaces after the last `>`; their width is the content indent.
        itemIndent = tail.contains { $0 != 0x20 && $0 != 0x09 } ? tail.count - (quotes > 0 ? 1 : 0) : nil
    }

    /// How many `>` markers start `line` (each after at most three spaces).
    static func quoteMarkers(_ line: String) -> Int {
        var count = 0
        var rest = Substring(line)
        while let marker = markerEnd(rest) {
            count += 1
            rest = rest[marker...]
        }
        return count
    }

    /// `line` without its first `limit` `>` markers (and the one optional space after each).
    static func dropQuoteMarkers(_ line: String, upTo limit: Int) -> String {
        var rest = Substring(line)
        for _ in 0..<limit {
            guard let marker = markerEnd(rest) else { break }
            rest = rest[marker...]
            if rest.first == " " { rest = rest.dropFirst() }
        }
        return String(rest)
    }

    private static func markerEnd(_ text: Substring) -> Substring.Index? {
        let spaces = text.prefix { $0 == " " }.count
        guard spaces <= 3, text.dropFirst(spaces).first == ">" else { return nil }
        return text.index(text.startIndex, offsetBy: spaces + 1)
    }

    /// Whether `line` lacks the `>` markers or the list indentation of the block's containers.
    func isLazy(_ line: ArraySlice<UInt8>) -> Bool {
        let run = line.prefix { $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: ">") }
        guard run.filter({ $0 == UInt8(ascii: ">") }).count >= quotes else { return true }
        guard let itemIndent else { return false }
        var spaces = run.reversed().prefix { $0 != UInt8(ascii: ">") }.count
        if quotes > 0, spaces > 0 { spaces -= 1 }
        return spaces < itemIndent
    }
}
