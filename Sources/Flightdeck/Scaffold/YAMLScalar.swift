/// Writes a string as a YAML scalar that reads back as exactly that string.
enum YAMLScalar {
    /// Plain when the text is a word YAML reads as that string (`qa`, `approved`, `2026-05-12` for dates,
    /// which the reader takes as text), else double-quoted with every character YAML could change escaped.
    static func write(_ text: String) -> String {
        isSafePlain(text) ? text : doubleQuoted(text)
    }

    /// A YAML double-quoted scalar. Escaped: `"`, `\`, all C0 controls, DEL, the C1 controls (NEL as `\N`),
    /// LS (`\L`), PS (`\P`), the BOM and the non-characters U+FFFE/U+FFFF; all else is written as is.
    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x00: out += "\\0"
            case 0x07: out += "\\a"
            case 0x08: out += "\\b"
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0B: out += "\\v"
            case 0x0C: out += "\\f"
            case 0x0D: out += "\\r"
            case 0x1B: out += "\\e"
            case 0x85: out += "\\N"
            case 0x2028: out += "\\L"
            case 0x2029: out += "\\P"
            case 0x01...0x1F, 0x7F...0x9F: out += "\\x" + hex(scalar.value, digits: 2)
            case 0xFEFF, 0xFFFE, 0xFFFF: out += "\\u" + hex(scalar.value, digits: 4)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// Words that YAML 1.1 or 1.2 resolves to something other than a string.
    private static let reserved: Set<String> = ["y", "yes", "n", "no", "true", "false", "on", "off", "null"]

    /// A letter, then letters, digits, `_`, `-` and `.`; or a date YYYY-MM-DD.
    private static func isSafePlain(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        if scalars.count == 10, scalars.enumerated().allSatisfy({ [4, 7].contains($0.offset) ? $0.element == "-" : ("0"..."9").contains($0.element) }) {
            return true
        }
        guard let first = scalars.first, first.isASCIILetter, !reserved.contains(text.lowercased()) else { return false }
        return scalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" || $0 == "." }
    }
}

private extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
