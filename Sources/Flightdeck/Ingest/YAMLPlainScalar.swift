/// The type of an untagged plain YAML scalar, decided as Yams' default `Resolver` decides it, without its
/// regular expressions.
///
/// Yams matches each scalar against the patterns of its default rules in order (bool, int, float, merge,
/// null, timestamp, value) with `NSRegularExpression`; that was 4–6 % of a large site's build. This is the
/// same decision by hand, on the UTF-8 bytes. Merge, timestamp and value scalars read as text in
/// `YAMLReader`, as strings do, so they need not be told apart. A test checks it against Yams' resolver.
enum YAMLPlainScalar {
    /// What a plain scalar resolves to.
    enum Resolution: Equatable {
        case null, bool, int, float, string
    }

    /// The resolution of `text` under Yams' default rules.
    static func resolve(_ text: String) -> Resolution {
        var text = text
        return text.withUTF8 { bytes in
            if let resolution = resolveWhole(bytes) { return resolution }
            // ICU's `$` also matches before a line terminator that ends the input.
            let body = bytes.count - terminatorLength(bytes)
            if body < bytes.count, let resolution = resolveWhole(UnsafeBufferPointer(rebasing: bytes[0..<body])) { return resolution }
            return .string
        }
    }

    /// The rules in Yams' order; nil when none matches all of `bytes`.
    private static func resolveWhole(_ bytes: UnsafeBufferPointer<UInt8>) -> Resolution? {
        if isBool(bytes) { return .bool }
        if isInt(bytes) { return .int }
        if isFloat(bytes) { return .float }
        if isNull(bytes) { return .null }
        return nil
    }

    /// The length in bytes of the line terminator ending `bytes` (ICU's: LF, VT, FF, CR, CRLF, NEL, LS, PS), or 0.
    private static func terminatorLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let n = bytes.count
        guard n > 0 else { return 0 }
        switch bytes[n - 1] {
        case 0x0A: return n >= 2 && bytes[n - 2] == 0x0D ? 2 : 1
        case 0x0B, 0x0C, 0x0D: return 1
        case 0x85: return n >= 2 && bytes[n - 2] == 0xC2 ? 2 : 0
        case 0xA8, 0xA9: return n >= 3 && bytes[n - 3] == 0xE2 && bytes[n - 2] == 0x80 ? 3 : 0
        default: return 0
        }
    }

    private static let bools: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
    ]
    private static let nulls: Set<String> = ["~", "null", "Null", "NULL", ""]

    private static func isBool(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        (2...5).contains(bytes.count) && bools.contains(String(decoding: bytes, as: UTF8.self))
    }

    private static func isNull(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count <= 4 && nulls.contains(String(decoding: bytes, as: UTF8.self))
    }

    // MARK: int — [-+]?0b[0-1_]+ | [-+]?0o?[0-7_]+ | [-+]?(0|[1-9][0-9_]*) | [-+]?0x[0-9a-fA-F_]+ | [-+]?[1-9][0-9_]*(:[0-5]?[0-9])+

    private static func isInt(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        if i < n, bytes[i] == ascii("-") || bytes[i] == ascii("+") { i += 1 }
        guard i < n else { return false }
        if bytes[i] == ascii("0") {
            if i + 1 == n { return true }
            let next = bytes[i + 1]
            if next == ascii("b") { return all(bytes, from: i + 2, nonEmpty: true) { $0 == ascii("0") || $0 == ascii("1") || $0 == ascii("_") } }
            if next == ascii("x") { return all(bytes, from: i + 2, nonEmpty: true) { isHex($0) || $0 == ascii("_") } }
            let octalStart = next == ascii("o") ? i + 2 : i + 1
            return all(bytes, from: octalStart, nonEmpty: true) { ($0 >= ascii("0") && $0 <= ascii("7")) || $0 == ascii("_") }
        }
        guard isDigit(bytes[i]), bytes[i] != ascii("0") else { return false }
        i += 1
        while i < n, isDigit(bytes[i]) || bytes[i] == ascii("_") { i += 1 }
        if i == n { return true }
        return sexagesimalGroups(bytes, from: i) == n
    }

    /// Matches `(:[0-5]?[0-9])+` from `start`; the offset just past the groups, or nil.
    private static func sexagesimalGroups(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        var groups = 0
        let n = bytes.count
        while i < n, bytes[i] == ascii(":") {
            var end = i + 1
            while end < n, isDigit(bytes[end]) { end += 1 }
            switch end - (i + 1) {
            case 1: break
            case 2: guard bytes[i + 1] <= ascii("5") else { return nil }
            default: return nil
            }
            groups += 1
            i = end
        }
        return groups > 0 ? i : nil
    }

    // MARK: float — [-+]?[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)? | \.[0-9_]+([eE][-+][0-9]+)?
    //             | [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]* | [-+]?\.(inf|Inf|INF) | \.(nan|NaN|NAN)

    private static func isFloat(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        guard n > 0 else { return false }
        if bytes[0] == ascii(".") {
            if isWord(bytes, from: 1, ["nan", "NaN", "NAN"]) || isWord(bytes, from: 1, ["inf", "Inf", "INF"]) { return true }
            // \.[0-9_]+([eE][-+][0-9]+)?
            var i = 1
            while i < n, isDigit(bytes[i]) || bytes[i] == ascii("_") { i += 1 }
            guard i > 1 else { return false }
            if i == n { return true }
            guard bytes[i] == ascii("e") || bytes[i] == ascii("E"), i + 1 < n,
                  bytes[i + 1] == ascii("-") || bytes[i + 1] == ascii("+") else { return false }
            return all(bytes, from: i + 2, nonEmpty: true, isDigit)
        }
        var i = 0
        if bytes[0] == ascii("-") || bytes[0] == ascii("+") { i = 1 }
        guard i < n else { return false }
        if bytes[i] == ascii(".") { return isWord(bytes, from: i + 1, ["inf", "Inf", "INF"]) }
        guard isDigit(bytes[i]) else { return false }
        i += 1
        while i < n, isDigit(bytes[i]) || bytes[i] == ascii("_") { i += 1 }
        if i < n, bytes[i] == ascii(":") {
            guard let end = sexagesimalGroups(bytes, from: i), end < n, bytes[end] == ascii(".") else { return false }
            return all(bytes, from: end + 1, nonEmpty: false) { isDigit($0) || $0 == ascii("_") }
        }
        if i < n, bytes[i] == ascii(".") {
            i += 1
            while i < n, isDigit(bytes[i]) || bytes[i] == ascii("_") { i += 1 }
        }
        if i == n { return true }
        guard bytes[i] == ascii("e") || bytes[i] == ascii("E") else { return false }
        i += 1
        if i < n, bytes[i] == ascii("-") || bytes[i] == ascii("+") { i += 1 }
        return all(bytes, from: i, nonEmpty: true, isDigit)
    }

    // MARK: helpers

    private static func ascii(_ character: Unicode.Scalar) -> UInt8 { UInt8(character.value) }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isHex(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= ascii("a") && byte <= ascii("f")) || (byte >= ascii("A") && byte <= ascii("F"))
    }

    /// Whether every byte from `start` to the end passes `test` (and there is at least one, if `nonEmpty`).
    private static func all(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, nonEmpty: Bool, _ test: (UInt8) -> Bool) -> Bool {
        guard start <= bytes.count else { return false }
        if nonEmpty && start == bytes.count { return false }
        for k in start..<bytes.count where !test(bytes[k]) { return false }
        return true
    }

    /// Whether the bytes from `start` to the end spell one of `words` (ASCII).
    private static func isWord(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ words: [StaticString]) -> Bool {
        words.contains { word in
            word.utf8CodeUnitCount == bytes.count - start
                && (0..<word.utf8CodeUnitCount).allSatisfy { word.utf8Start[$0] == bytes[start + $0] }
        }
    }
}
