/// Escaping of data text for SVG and HTML (text and attribute values alike).
enum Escape {
    /// `text` with `& < > " '` as entities and characters XML forbids (controls other than tab and newlines) as U+FFFD.
    static func xml(_ text: String) -> String {
        guard needsWork(text) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case _ where isForbidden(scalar): out.unicodeScalars.append("\u{FFFD}")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether any scalar of `text` needs work, read from its UTF-8: the ASCII ones are single bytes, U+0080…U+009F
    /// are C2 80…C2 9F, and U+FFFE and U+FFFF are EF BF BE and EF BF BF.
    private static func needsWork(_ text: String) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0x7F: return true
            case 0x09, 0x0A, 0x0D: break
            case 0x00..<0x20: return true
            case 0x80...0x9F where previous == 0xC2 && byte != 0x85: return true
            case 0xBE, 0xBF where previous == 0xBF && beforePrevious == 0xEF: return true
            default: break
            }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value != 0x09 && value != 0x0A && value != 0x0D }
        return value == 0xFFFE || value == 0xFFFF || (0x7F...0x84).contains(value) || (0x86...0x9F).contains(value)
    }

    /// Text for the SVG: escaped as `xml`, and cut to `limit` characters with "…" (the data table keeps the whole text).
    static func svg(_ text: String, limit: Int = Limits.maxTextLength) -> String {
        guard text.utf8.count > limit else { return xml(text) }
        let characters = text.prefix(limit + 1)
        return xml(characters.count > limit ? String(characters.prefix(limit)) + "…" : text)
    }

    /// A page-unique, XML-valid id stem from a chart's `id`: "fd-" and the id with anything but `A-Z a-z 0-9 - _` as "-".
    static func identifier(_ raw: String) -> String {
        if raw.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: a byte is a scalar, and the alphabetic ones are A-Z and a-z.
            var bytes: [UInt8] = Array("fd-".utf8)
            for byte in raw.utf8.prefix(64) {
                let isSafe = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                bytes.append(isSafe ? byte : UInt8(ascii: "-"))
            }
            return raw.isEmpty ? "fd-chart" : String(decoding: bytes, as: UTF8.self)
        }
        var out = "fd-"
        for scalar in raw.unicodeScalars.prefix(64) {
            let isSafe = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
            out.unicodeScalars.append(isSafe ? scalar : "-")
        }
        return raw.isEmpty ? "fd-chart" : out
    }
}
