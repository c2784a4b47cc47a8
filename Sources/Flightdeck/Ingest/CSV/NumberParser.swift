/// Decimal number parsing from bytes: an exact fast path for short decimals, the C library otherwise.
enum NumberParser {
    private static let powers: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// Parses `[-+]digits[.digits]` exactly when the digits fit in 2^53 and the scale in 10^22
    /// (Clinger's fast path: one correctly rounded division); anything else (more digits, exponents, `inf`) goes
    /// through `Double(String)`, which also refuses what is not a number.
    static func double(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0, end = bytes.count
        while i < end, bytes[i] == UInt8(ascii: " ") { i += 1 }
        while end > i, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        guard i < end else { return nil }
        var negative = false
        if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { negative = bytes[i] == UInt8(ascii: "-"); i += 1 }
        var mantissa: UInt64 = 0
        var digits = 0, scale = 0
        var seenPoint = false, sawDigit = false, simple = true
        while i < end {
            let byte = bytes[i]
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                if digits < 19 { mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0")) } else { simple = false }
                if mantissa > 0 || byte != UInt8(ascii: "0") { digits += 1 }
                if seenPoint { scale += 1 }
                sawDigit = true
            } else if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else {
                simple = false
                break
            }
            i += 1
        }
        if simple, sawDigit, mantissa < (1 << 53), scale <= 22 {
            let value = Double(mantissa) / powers[scale]
            return negative ? -value : value
        }
        // "-" or "." alone; a plain decimal beyond the fast path (17 digits, as Python's repr writes 0.1 + 0.2)
        // is a number all the same.
        if simple, !sawDigit { return nil }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<end]), as: UTF8.self)
        guard let value = Double(text.drop { $0 == " " }), value.isFinite else { return nil }
        return value
    }
}
