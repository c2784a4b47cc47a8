/// Escaping of data text for SVG and HTML (text and attribute values alike).
enum Escape {
    /// `text` with `& < > " '` as entities and characters XML forbids (controls other than tab and newlines) as U+FFFD.
    static func xml(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsWork) else { return text }
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

    private static func needsWork(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "&", "<", ">", "\"", "'": return true
        default: return isForbidden(scalar)
        }
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
        var out = "fd-"
        for scalar in raw.unicodeScalars.prefix(64) {
            let isSafe = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
            out.unicodeScalars.append(isSafe ? scalar : "-")
        }
        return raw.isEmpty ? "fd-chart" : out
    }
}
