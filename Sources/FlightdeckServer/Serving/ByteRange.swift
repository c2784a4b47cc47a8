/// How a `Range` header applies to a representation of a given size (RFC 9110 §14).
enum ByteRange: Equatable {
    /// No usable range: serve the whole representation (absent, another unit, several ranges or bad syntax).
    case whole
    /// Serve these bytes with 206 Partial Content.
    case partial(ClosedRange<Int>)
    /// No byte of the range exists: 416 Range Not Satisfiable.
    case unsatisfiable

    /// Evaluates a `Range` header value against a representation of `size` bytes.
    init(header: String?, size: Int) {
        guard let header, header.count <= 256 else { self = .whole; return }
        let trimmed = header.trimmingSpaces
        guard trimmed.lowercased().hasPrefix("bytes=") else { self = .whole; return }
        let spec = trimmed.dropFirst("bytes=".count).trimmingSpaces
        // Several ranges would need multipart/byteranges; serving the whole file instead is allowed.
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { self = .whole; return }
        let first = spec[..<dash], last = spec[spec.index(after: dash)...]
        guard first.allSatisfy(\.isASCIIDigit), last.allSatisfy(\.isASCIIDigit) else { self = .whole; return }

        if first.isEmpty {
            // Suffix range: the last N bytes.
            guard let count = Int(last) else { self = .whole; return }
            guard count > 0, size > 0 else { self = .unsatisfiable; return }
            self = .partial(max(0, size - count)...(size - 1))
            return
        }
        guard let start = Int(first) else { self = .whole; return }
        if last.isEmpty {
            self = start < size ? .partial(start...(size - 1)) : .unsatisfiable
            return
        }
        guard let end = Int(last), start <= end else { self = .whole; return }
        self = start < size ? .partial(start...min(end, size - 1)) : .unsatisfiable
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return Substring()
        }
        return Substring(self[start...end])
    }
}

extension Character {
    /// Whether this is one of the ASCII digits 0–9.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
