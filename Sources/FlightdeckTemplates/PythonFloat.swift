/// Python's float formatting (`repr`), from Swift's shortest round-trip digits.
enum PythonFloat {
    /// `repr(x)`: shortest digits; exponent form when the decimal point is below 1e-4 or at 1e16 and above.
    static func repr(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        let (negative, digits, point) = decompose(x)
        let sign = negative ? "-" : ""
        if digits.isEmpty { return sign + "0.0" }
        if point <= -4 || point > 16 {
            var mantissa = String(digits.first ?? "0")
            if digits.count > 1 { mantissa += "." + digits.dropFirst() }
            let exponent = point - 1
            let magnitude = String(abs(exponent))
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude.count < 2 ? "0" : "") + magnitude
        }
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + digits }
        if point >= digits.count { return sign + digits + String(repeating: "0", count: point - digits.count) + ".0" }
        let cut = digits.index(digits.startIndex, offsetBy: point)
        return sign + digits[..<cut] + "." + digits[cut...]
    }

    /// Sign, significant digits without leading or trailing zeros, and the decimal point position
    /// (x = 0.digits × 10^point).
    static func decompose(_ x: Double) -> (negative: Bool, digits: String, point: Int) {
        var text = x.magnitude.description
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts.first.map(String.init) ?? ""
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = Substring(whole + fraction)
        var point = whole.count + exponent
        while digits.first == "0" { digits = digits.dropFirst(); point -= 1 }
        while digits.last == "0" { digits = digits.dropLast() }
        return (x.sign == .minus, String(digits), point)
    }
}
