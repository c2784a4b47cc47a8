import Foundation

/// Python's float formatting (`repr` and `%.Nf`), from Swift's shortest round-trip digits.
enum PythonFloat {
    /// `repr(x)`: shortest digits; exponent form when the decimal point is below 1e-4 or at 1e16 and above.
    static func repr(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        // Where both languages write fixed notation, Swift's shortest digits read exactly as Python's.
        let magnitude = x.magnitude
        if magnitude >= 1e-4 && magnitude < 1e16 {
            let text = x.description
            if !text.utf8.contains(UInt8(ascii: "e")) { return text }
        }
        let (negative, digits, point) = decompose(x)
        let sign = negative ? "-" : ""
        if digits.isEmpty { return sign + "0.0" }
        if point <= -4 || point > 16 {
            var mantissa = String(UnicodeScalar(digits[0]))
            if digits.count > 1 { mantissa += "." + String(decoding: digits[1...], as: UTF8.self) }
            let exponent = point - 1
            let magnitude = String(abs(exponent))
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude.count < 2 ? "0" : "") + magnitude
        }
        return sign + fixed(digits, point, fractionDigits: max(1, digits.count - point))
    }

    /// The digits placed around the decimal point, padded with zeros to `fractionDigits` (no rounding).
    static func fixed(_ digits: [UInt8], _ point: Int, fractionDigits: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(max(point, 1) + fractionDigits + 2)
        if point <= 0 { out.append(UInt8(ascii: "0")) } else {
            for i in 0..<point { out.append(i < digits.count ? digits[i] : UInt8(ascii: "0")) }
        }
        if fractionDigits > 0 {
            out.append(UInt8(ascii: "."))
            for k in 0..<fractionDigits {
                let i = point + k
                out.append(i >= 0 && i < digits.count ? digits[i] : UInt8(ascii: "0"))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `%.Nf` of a finite magnitude, exact: from the shortest digits when they decide the rounding, else nil
    /// (a tie in the shortest digits needs the exact binary value, which the C library has).
    static func fixedPoint(_ magnitude: Double, precision: Int) -> String? {
        guard magnitude.isFinite, magnitude < 1e16, precision <= 30 else { return nil }
        // Digits past the shortest ones are the binary value's own (printf shows them) unless a unit in the last
        // place is well below the last printed digit; only then are the shortest digits, padded, the answer.
        let paddingIsExact = magnitude.ulp * pow(10, Double(precision)) < 0.25
        if magnitude >= 1e-4, precision <= 20, let quick = plainFixedPoint(magnitude.description, precision: precision, paddingIsExact: paddingIsExact) {
            return quick
        }
        var (_, digits, point) = decompose(magnitude)
        if digits.isEmpty { return fixed([], 1, fractionDigits: precision) }
        let keep = point + precision
        if keep < digits.count {
            guard keep >= 0 else { return fixed([], 1, fractionDigits: precision) }
            let tail = digits[keep...]
            // The shortest digits are never a tie the binary value is not on the same side of, unless they are the tie itself.
            if tail.count == 1 && tail.first == UInt8(ascii: "5") { return nil }
            let roundUp = (tail.first ?? 0) >= UInt8(ascii: "5")
            digits.removeSubrange(keep...)
            if roundUp {
                var i = digits.count - 1
                while i >= 0 && digits[i] == UInt8(ascii: "9") { digits[i] = UInt8(ascii: "0"); i -= 1 }
                if i >= 0 { digits[i] += 1 } else { digits.insert(UInt8(ascii: "1"), at: 0); point += 1 }
            }
        } else if !paddingIsExact {
            return nil
        }
        return fixed(digits, point, fractionDigits: precision)
    }

    /// `%.Nf` straight from Swift's plain (no exponent) shortest digits, in a stack buffer: the common case.
    static func plainFixedPoint(_ text: String, precision: Int, paddingIsExact: Bool) -> String? {
        var text = text
        return text.withUTF8 { source -> String? in
            guard source.count <= 40, !source.contains(UInt8(ascii: "e")), let dot = source.firstIndex(of: UInt8(ascii: ".")) else { return nil }
            let fraction = source.count - dot - 1
            if fraction > precision {
                // Rounding needed: a single '5' left over is a possible tie, which only the binary value decides.
                let tail = source[(dot + 1 + precision)...]
                if tail.count == 1 && tail.first == UInt8(ascii: "5") { return nil }
                let roundUp = (tail.first ?? 0) >= UInt8(ascii: "5")
                return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer -> String? in
                    // Digits up to the kept precision, then carry.
                    var n = 0
                    for i in 0..<(dot + 1 + precision) where i != dot || precision > 0 { buffer[n] = source[i]; n += 1 }
                    if roundUp {
                        var i = n - 1
                        while i >= 0 {
                            if buffer[i] == UInt8(ascii: ".") { i -= 1; continue }
                            if buffer[i] == UInt8(ascii: "9") { buffer[i] = UInt8(ascii: "0"); i -= 1; continue }
                            buffer[i] += 1
                            break
                        }
                        if i < 0 {
                            for j in stride(from: n, to: 0, by: -1) { buffer[j] = buffer[j - 1] }
                            buffer[0] = UInt8(ascii: "1")
                            n += 1
                        }
                    }
                    return String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<n]), as: UTF8.self)
                }
            }
            guard paddingIsExact else { return nil }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer -> String? in
                var n = 0
                let keep = precision == 0 ? dot : source.count
                for i in 0..<keep { buffer[n] = source[i]; n += 1 }
                if precision > 0 { for _ in 0..<(precision - fraction) { buffer[n] = UInt8(ascii: "0"); n += 1 } }
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<n]), as: UTF8.self)
            }
        }
    }

    /// Sign, significant digits (ASCII) without leading or trailing zeros, and the decimal point position
    /// (x = 0.digits × 10^point).
    static func decompose(_ x: Double) -> (negative: Bool, digits: [UInt8], point: Int) {
        let text = Array(x.magnitude.description.utf8)
        var digits: [UInt8] = []
        digits.reserveCapacity(text.count)
        var point = 0, seenPoint = false, exponent = 0, i = 0
        while i < text.count {
            let c = text[i]
            if c == UInt8(ascii: ".") { seenPoint = true } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                exponent = Int(String(decoding: text[(i + 1)...], as: UTF8.self)) ?? 0
                break
            } else {
                digits.append(c)
                if !seenPoint { point += 1 }
            }
            i += 1
        }
        point += exponent
        var start = 0
        while start < digits.count && digits[start] == UInt8(ascii: "0") { start += 1; point -= 1 }
        var end = digits.count
        while end > start && digits[end - 1] == UInt8(ascii: "0") { end -= 1 }
        return (x.sign == .minus, Array(digits[start..<end]), start == end ? 0 : point)
    }
}
