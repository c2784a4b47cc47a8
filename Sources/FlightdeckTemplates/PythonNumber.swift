/// Python's `int(text, base)` and `float(text)` parsing: surrounding whitespace, signs, underscores between digits.
enum PythonNumber {
    /// Digits with single underscores between them, without the underscores; nil if misplaced.
    static func removeUnderscores(_ text: Substring) -> String? {
        guard !text.hasPrefix("_"), !text.hasSuffix("_"), !text.contains("__") else { return nil }
        return text.replacingOccurrences(of: "_", with: "")
    }

    static func parseInt(_ text: String, base: Int) -> Int? {
        guard (2...36).contains(base) || base == 0 else { return nil }
        var body = Substring(PythonText.strip(text, chars: nil))
        var negative = false
        if body.first == "+" || body.first == "-" { negative = body.first == "-"; body = body.dropFirst() }
        var radix = base
        let lower = body.lowercased()
        for (prefix, prefixBase) in [("0x", 16), ("0o", 8), ("0b", 2)] where lower.hasPrefix(prefix) && (base == prefixBase || base == 0) {
            radix = prefixBase
            body = body.dropFirst(2)
            if body.hasPrefix("_") { body = body.dropFirst() }
        }
        if radix == 0 { radix = 10 }
        guard !body.isEmpty, let digits = removeUnderscores(body), digits.allSatisfy({ $0.isASCII }),
              let magnitude = Int(digits, radix: radix) else { return nil }
        return negative ? -magnitude : magnitude
    }

    static func parseFloat(_ text: String) -> Double? {
        var body = Substring(PythonText.strip(text, chars: nil))
        var sign = 1.0
        if body.first == "+" || body.first == "-" { sign = body.first == "-" ? -1 : 1; body = body.dropFirst() }
        switch body.lowercased() {
        case "inf", "infinity": return sign * .infinity
        case "nan": return .nan
        default: break
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || "._eE+-".contains($0)) }),
              let cleaned = removeUnderscores(body), !cleaned.isEmpty,
              cleaned.first?.isNumber == true || cleaned.first == ".", let value = Double(cleaned) else { return nil }
        return sign * value
    }
}

extension StringProtocol {
    /// Every occurrence of `target` replaced (no Foundation needed).
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        PythonText.replace(String(self), target, replacement, count: -1)
    }
}
