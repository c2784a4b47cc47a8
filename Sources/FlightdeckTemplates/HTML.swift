/// MarkupSafe's escaping: & < > " ' become &amp; &lt; &gt; &#34; &#39;.
package enum HTML {
    @inline(__always)
    static func needsEscape(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }

    /// Appends `text` escaped to `out`.
    static func escape(_ text: String, into out: inout String) {
        let utf8 = text.utf8
        guard utf8.contains(where: needsEscape) else { out += text; return }
        var runStart = utf8.startIndex
        var i = utf8.startIndex
        while i != utf8.endIndex {
            let byte = utf8[i]
            if needsEscape(byte) {
                out += text[runStart..<i]
                switch byte {
                case 0x26: out += "&amp;"
                case 0x3C: out += "&lt;"
                case 0x3E: out += "&gt;"
                case 0x22: out += "&#34;"
                default: out += "&#39;"
                }
                runStart = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        out += text[runStart..<utf8.endIndex]
    }

    /// `text` escaped.
    package static func escaped(_ text: String) -> String {
        var out = ""
        escape(text, into: &out)
        return out
    }

    /// The text of a value as markup: markup as is, anything else escaped (MarkupSafe's `escape`).
    static func markup(_ value: Value) throws(TemplateError) -> String {
        if case .markup(let html) = value { return html }
        return escaped(try value.pythonString())
    }

    private static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "raquo": "»", "laquo": "«",
        "copy": "©", "reg": "®", "mdash": "—", "ndash": "–", "hellip": "…", "middot": "·", "times": "×",
    ]

    /// Python's `html.unescape` for named entities in common use and numeric references (the link checker
    /// reads attribute values with it too).
    package static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(32).firstIndex(of: ";") {
                let name = after[..<semi]
                var replacement: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if name.hasPrefix("#") {
                    replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                } else {
                    replacement = entities[String(name)]
                }
                if let replacement {
                    out += replacement
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        return out + rest
    }
}
