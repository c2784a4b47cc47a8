/// A request's path, percent-decoded and checked so that it cannot name anything outside the served folder.
///
/// Rather than normalising `..` away, any path that tries to climb, hide a separator (`%2f`, `\`)
/// or smuggle a NUL is refused outright: a static site never links to such a path.
struct RequestPath: Equatable {
    /// Why a path was refused; every case answers 400 Bad Request.
    enum Rejection: Error, Equatable {
        case invalidPercentEncoding, dotSegment, encodedSeparator, backslash, nul, notUTF8, tooLong
    }

    /// The longest path accepted, in bytes before decoding.
    static let maximumLength = 4096

    /// Decoded segments, without empty ones (`/a//b/` gives `["a", "b"]`).
    let segments: [String]
    /// Whether the path ends with `/` (a folder was asked for).
    let hasTrailingSlash: Bool
    /// The path relative to the served folder, segments joined with `/` (empty for the root).
    let relative: String

    /// Decodes and checks the raw path of a request target (`/releases/2.4/`, `/a%20b.html`).
    init(raw: String) throws(Rejection) {
        let bytes = Array(raw.utf8)
        guard bytes.count <= Self.maximumLength else { throw .tooLong }
        var segments: [String] = []
        for rawSegment in bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            let decoded = try Self.percentDecode(rawSegment)
            if decoded.contains(UInt8(ascii: "/")) { throw .encodedSeparator }
            if decoded.contains(UInt8(ascii: "\\")) { throw .backslash }
            if decoded.contains(0) { throw .nul }
            guard let segment = String(validating: decoded, as: UTF8.self) else { throw .notUTF8 }
            if segment == "." || segment == ".." { throw .dotSegment }
            segments.append(segment)
        }
        self.segments = segments
        self.relative = segments.joined(separator: "/")
        self.hasTrailingSlash = bytes.last == UInt8(ascii: "/")
    }

    /// The extension of the last segment, lowercased (`"html"`), or `""`.
    var fileExtension: String {
        guard let last = segments.last, let dot = last.lastIndex(of: "."), dot != last.startIndex else { return "" }
        return last[last.index(after: dot)...].lowercased()
    }

    private static func percentDecode(_ bytes: ArraySlice<UInt8>) throws(Rejection) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "%")) else { return Array(bytes) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex,
                      let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
                else { throw .invalidPercentEncoding }
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(byte)
                index += 1
            }
        }
        return out
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
