/// The five predefined XML entities and character references; nothing else is expanded.
///
/// Characters that XML 1.0 forbids (C0 controls other than tab, line feed and carriage return, and U+FFFE,
/// U+FFFF), raw or as a character reference, are replaced by a visible stand-in and their byte offsets
/// handed back, so that the caller can report them and no raw control character reaches a page.
enum XMLEntities {
    /// Why text could not be decoded.
    struct Problem: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    /// A character XML 1.0 forbids, `offset` bytes into the run that was decoded.
    struct Forbidden: Equatable {
        let offset: Int
        let scalar: UInt32
    }

    /// Decodes `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` `&#N;` `&#xH;` in `bytes` (when `entities`; CDATA has none);
    /// any other entity is an error, because entity expansion is disabled. `normalise` turns literal tabs and
    /// line breaks into spaces (attributes). Forbidden characters are replaced (see `visible`) and listed in `forbidden`.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, normalise: Bool, entities: Bool = true,
                       forbidden: inout [Forbidden]) -> Result<String, XMLEntities.Problem> {
        var needsWork = false
        for byte in bytes {
            let special = byte < 0x20 ? (normalise || isForbidden(UInt32(byte))) : (byte == UInt8(ascii: "&") && entities) || byte == 0xEF
            if special { needsWork = true; break }
        }
        if !needsWork { return utf8(bytes) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if isForbidden(UInt32(byte)) || (byte == 0xEF && i + 2 < bytes.count && bytes[i + 1] == 0xBF && bytes[i + 2] >= 0xBE) {
                let scalar = byte == 0xEF ? 0xFF00 | UInt32(bytes[i + 2]) : UInt32(byte)
                forbidden.append(Forbidden(offset: i, scalar: scalar))
                out.append(contentsOf: visible(scalar).utf8)
                i += byte == 0xEF ? 3 : 1
                continue
            }
            if normalise, byte == 0x09 || byte == 0x0A || byte == 0x0D {
                if byte == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                out.append(0x20); i += 1; continue
            }
            guard byte == UInt8(ascii: "&"), entities else { out.append(byte); i += 1; continue }
            var end = i + 1
            while end < bytes.count, bytes[end] != UInt8(ascii: ";"), end - i < 40 { end += 1 }
            guard end < bytes.count, bytes[end] == UInt8(ascii: ";") else { return .failure(Problem("'&' must start an entity such as &amp;")) }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<end]), as: UTF8.self)
            switch name {
            case "lt": out.append(UInt8(ascii: "<"))
            case "gt": out.append(UInt8(ascii: ">"))
            case "amp": out.append(UInt8(ascii: "&"))
            case "quot": out.append(UInt8(ascii: "\""))
            case "apos": out.append(UInt8(ascii: "'"))
            default:
                guard name.hasPrefix("#") else {
                    return .failure(Problem("undefined entity '&\(name);' (only the five predefined entities are expanded)"))
                }
                let digits = name.dropFirst()
                let code = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
                guard let code, let scalar = Unicode.Scalar(code) else { return .failure(Problem("invalid character reference '&\(name);'")) }
                if isForbidden(code) {
                    forbidden.append(Forbidden(offset: i, scalar: code))
                    out.append(contentsOf: visible(code).utf8)
                } else {
                    out.append(contentsOf: String(Character(scalar)).utf8)
                }
            }
            i = end + 1
        }
        return out.withUnsafeBufferPointer { utf8($0) }
    }

    /// Whether XML 1.0 forbids the character: C0 controls except tab, line feed and carriage return; U+FFFE; U+FFFF.
    static func isForbidden(_ code: UInt32) -> Bool {
        (code < 0x20 && code != 0x09 && code != 0x0A && code != 0x0D) || code == 0xFFFE || code == 0xFFFF
    }

    /// The visible stand-in for a forbidden character: its Control Pictures symbol (U+0007 → ␇, U+001B → ␛),
    /// or the replacement character � for U+FFFE and U+FFFF.
    static func visible(_ code: UInt32) -> String {
        guard code < 0x20, let picture = Unicode.Scalar(0x2400 + code) else { return "\u{FFFD}" }
        return String(Character(picture))
    }

    /// Validated UTF-8.
    static func utf8(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<String, XMLEntities.Problem> {
        if let text = UTF8Text.decode(bytes) { return .success(text) }
        return .failure(Problem("text is not valid UTF-8; save the file as UTF-8"))
    }
}
