/// What the link checker reads of one HTML page: the URLs it refers to and the ids it defines.
///
/// A small tokenizer over the bytes of a page, enough for HTML the theme and cmark write: start tags with
/// their attributes (quoted, unquoted or bare), comments, doctype, end tags, and the raw text of `<script>`
/// and `<style>`, which is skipped. Character references in attribute values are decoded.
struct HTMLLinkScanner {
    /// A URL in an attribute: `href`, `src`, `xlink:href`, or one candidate of a `srcset`.
    struct Link: Hashable, Sendable {
        /// The attribute it is in.
        let attribute: String
        /// The URL, character references decoded.
        let url: String
        /// The attribute's value as written in the page (for finding it in a template).
        let raw: String
        /// Where the value starts in the page, 1-based (column in Unicode scalars).
        let line: Int
        let column: Int
    }

    /// The URLs, in page order.
    private(set) var links: [Link] = []
    /// Every `id`, and the `name` of every `<a>`.
    private(set) var ids: Set<String> = []

    private let bytes: [UInt8]
    private var lineStarts: [Int] = [0]

    /// Scans one page.
    init(_ page: [UInt8]) {
        bytes = page
        for (index, byte) in page.enumerated() where byte == 0x0A { lineStarts.append(index + 1) }
        scan()
    }

    private mutating func scan() {
        var at = 0
        let count = bytes.count
        while at < count {
            guard bytes[at] == UInt8(ascii: "<"), at + 1 < count else { at += 1; continue }
            let next = bytes[at + 1]
            if next == UInt8(ascii: "!") {
                if starts(with: "<!--", at: at) {
                    at = find("-->", from: at + 4).map { $0 + 3 } ?? count
                } else {
                    at = find(">", from: at + 2).map { $0 + 1 } ?? count
                }
            } else if next == UInt8(ascii: "/") || next == UInt8(ascii: "?") {
                at = find(">", from: at + 2).map { $0 + 1 } ?? count
            } else if Self.isLetter(next) {
                at = startTag(from: at + 1)
            } else {
                at += 1
            }
        }
    }

    /// Reads a start tag whose name begins at `from`; returns the index after it (and after the raw text of
    /// `<script>` and `<style>`).
    private mutating func startTag(from: Int) -> Int {
        var at = from
        let count = bytes.count
        while at < count, !Self.isSpace(bytes[at]), bytes[at] != UInt8(ascii: ">"), bytes[at] != UInt8(ascii: "/") { at += 1 }
        let name = String(decoding: bytes[from..<at], as: UTF8.self).lowercased()
        while at < count {
            let byte = bytes[at]
            if byte == UInt8(ascii: ">") { at += 1; break }
            if Self.isSpace(byte) || byte == UInt8(ascii: "/") { at += 1; continue }
            let nameStart = at
            while at < count, !Self.isSpace(bytes[at]), bytes[at] != UInt8(ascii: "="), bytes[at] != UInt8(ascii: ">"),
                  bytes[at] != UInt8(ascii: "/") { at += 1 }
            let attribute = String(decoding: bytes[nameStart..<at], as: UTF8.self).lowercased()
            while at < count, Self.isSpace(bytes[at]) { at += 1 }
            guard at < count, bytes[at] == UInt8(ascii: "=") else { continue }
            at += 1
            while at < count, Self.isSpace(bytes[at]) { at += 1 }
            guard at < count else { break }
            let valueStart: Int, valueEnd: Int
            if bytes[at] == UInt8(ascii: "\"") || bytes[at] == UInt8(ascii: "'") {
                let quote = bytes[at]
                valueStart = at + 1
                valueEnd = bytes[valueStart...].firstIndex(of: quote) ?? count
                at = min(valueEnd + 1, count)
            } else {
                valueStart = at
                while at < count, !Self.isSpace(bytes[at]), bytes[at] != UInt8(ascii: ">") { at += 1 }
                valueEnd = at
            }
            attributeFound(attribute, tag: name, start: valueStart, end: valueEnd)
        }
        if name == "script" || name == "style" {
            return find("</" + name, from: at, caseInsensitive: true) ?? count
        }
        return at
    }

    private mutating func attributeFound(_ attribute: String, tag: String, start: Int, end: Int) {
        let raw = String(decoding: bytes[start..<end], as: UTF8.self)
        switch attribute {
        case "id":
            ids.insert(Self.decode(raw))
        case "name" where tag == "a":
            ids.insert(Self.decode(raw))
        case "href", "src", "xlink:href":
            let (line, column) = place(start)
            links.append(Link(attribute: attribute, url: Self.decode(raw).trimmingASCIISpace, raw: raw, line: line, column: column))
        case "srcset":
            let (line, column) = place(start)
            for candidate in Self.decode(raw).split(separator: ",") {
                guard let url = candidate.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).first else { continue }
                links.append(Link(attribute: attribute, url: String(url), raw: raw, line: line, column: column))
            }
        default:
            break
        }
    }

    /// The 1-based line and column (in Unicode scalars) of byte `index`.
    private func place(_ index: Int) -> (Int, Int) {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        let column = bytes[lineStarts[low]..<index].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return (low + 1, column)
    }

    private func starts(with text: String, at index: Int) -> Bool {
        let needle = Array(text.utf8)
        return index + needle.count <= bytes.count && bytes[index..<index + needle.count].elementsEqual(needle)
    }

    private func find(_ text: String, from: Int, caseInsensitive: Bool = false) -> Int? {
        let needle = Array(text.utf8)
        guard !needle.isEmpty, from <= bytes.count - needle.count else { return nil }
        for index in from...(bytes.count - needle.count) {
            var matches = true
            for offset in 0..<needle.count {
                let byte = caseInsensitive ? Self.lower(bytes[index + offset]) : bytes[index + offset]
                if byte != needle[offset] { matches = false; break }
            }
            if matches { return index }
        }
        return nil
    }

    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte }
    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }

    /// Decodes the character references of an attribute value (`&amp;`, `&#39;`, `&#x2F;` and the few named ones
    /// escaping writes); an unknown reference stays as written.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semicolon = after.prefix(32).firstIndex(of: ";") {
                let name = after[..<semicolon]
                if let scalar = reference(name) {
                    out.unicodeScalars.append(scalar)
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        return out + rest
    }

    private static func reference(_ name: Substring) -> Unicode.Scalar? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return "\u{A0}"
        default: break
        }
        guard name.first == "#" else { return nil }
        let digits = name.dropFirst()
        let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
        return value.flatMap(Unicode.Scalar.init)
    }
}

extension String {
    /// Without leading and trailing ASCII whitespace, as browsers read a URL attribute.
    fileprivate var trimmingASCIISpace: String {
        let space: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }
        guard let first = firstIndex(where: { !space($0) }), let last = lastIndex(where: { !space($0) }) else { return "" }
        return String(self[first...last])
    }
}
