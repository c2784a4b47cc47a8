/// Fixed-width decimal digits in ASCII text, read and written without a locale or a formatter.
enum ASCIIDigits {
    /// The value of the `count` digits at `at` in `bytes`, or nil when one of them is not a digit or is out of bounds.
    static func number(_ bytes: [UInt8], at: Int, count: Int) -> Int? {
        guard at >= 0, count > 0, at + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[at..<at + count] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// A non-negative `value` with leading zeros up to `width` digits ("7" → "07").
    static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
