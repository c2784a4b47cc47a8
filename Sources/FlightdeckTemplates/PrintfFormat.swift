import Foundation

/// Python's `%` string formatting (`"%5.2f" % x`), as the `format` filter and the `%` operator use it.
enum PrintfFormat {
    struct Spec: Sendable {
        /// The flags among `-+ #0` (a small set without allocation).
        struct Flags: Sendable {
            var bits: UInt8 = 0
            static func bit(_ flag: Unicode.Scalar) -> UInt8 {
                switch flag {
                case "-": 1
                case "+": 2
                case " ": 4
                case "#": 8
                case "0": 16
                default: 0
                }
            }
            mutating func insert(_ flag: Unicode.Scalar) { bits |= Self.bit(flag) }
            func contains(_ flag: Unicode.Scalar) -> Bool { bits & Self.bit(flag) != 0 }
        }
        var flags = Flags()
        var width = 0
        var precision: Int?
        var conversion: Unicode.Scalar = "s"
    }

    /// Formats `arguments`: a list gives positional arguments, an object `%(name)s` values, anything else one argument.
    static func apply(_ format: String, to arguments: Value, markup: Bool) throws(TemplateError) -> Value {
        var positional: [Value]
        var mapping: [(key: String, value: Value)]?
        switch arguments {
        case .array(let items): positional = items
        case .object(let pairs): positional = [arguments]; mapping = pairs
        default: positional = [arguments]
        }
        var next = 0
        func take() throws(TemplateError) -> Value {
            guard next < positional.count else { throw TemplateError("not enough arguments for format string") }
            next += 1
            return positional[next - 1]
        }
        // The format is read as UTF-8: every part of a conversion is ASCII, other text is copied as it is.
        let bytes = Array(format.utf8)
        var out = ""
        var i = 0
        var usedMapping = false
        func digits() -> Int {
            var n = 0
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39, n < 1_000_000 { n = n * 10 + Int(bytes[i] - 0x30); i += 1 }
            return n
        }
        while i < bytes.count {
            var runEnd = i
            while runEnd < bytes.count, bytes[runEnd] != UInt8(ascii: "%") { runEnd += 1 }
            if runEnd > i { out += String(decoding: bytes[i..<runEnd], as: UTF8.self) }
            i = runEnd + 1
            guard runEnd < bytes.count else { break }
            guard i < bytes.count else { throw TemplateError("incomplete format: '%' at the end of the format string") }
            if bytes[i] == UInt8(ascii: "%") { out += "%"; i += 1; continue }
            var argument: Value?
            if bytes[i] == UInt8(ascii: "(") {
                guard let close = bytes[i...].firstIndex(of: UInt8(ascii: ")")) else { throw TemplateError("incomplete format key in the format string") }
                let key = String(decoding: bytes[(i + 1)..<close], as: UTF8.self)
                guard let mapping else { throw TemplateError("format requires a mapping for '%(\(key))'") }
                guard let value = mapping.first(where: { $0.key == key })?.value else { throw TemplateError("format key '\(key)' is missing") }
                argument = value
                usedMapping = true
                i = close + 1
            }
            var spec = Spec()
            while i < bytes.count, Spec.Flags.bit(Unicode.Scalar(bytes[i])) != 0 { spec.flags.insert(Unicode.Scalar(bytes[i])); i += 1 }
            if i < bytes.count, bytes[i] == UInt8(ascii: "*") { spec.width = try take().integer ?? 0; i += 1 } else { spec.width = digits() }
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: "*") { spec.precision = try take().integer ?? 0; i += 1 } else { spec.precision = digits() }
            }
            while i < bytes.count, bytes[i] == UInt8(ascii: "h") || bytes[i] == UInt8(ascii: "l") || bytes[i] == UInt8(ascii: "L") { i += 1 }
            guard i < bytes.count else { throw TemplateError("incomplete format at the end of the format string") }
            guard bytes[i] < 0x80 else { throw TemplateError("unsupported format character at byte \(i)") }
            spec.conversion = Unicode.Scalar(bytes[i])
            i += 1
            if spec.width > 10_000 || (spec.precision ?? 0) > 10_000 { throw TemplateError("format width or precision is too large") }
            let value = if let argument { argument } else { try take() }
            out += try convert(value, spec, markup: markup)
        }
        if mapping == nil && next < positional.count || mapping != nil && !usedMapping && next == 0 && positional.count > 1 {
            throw TemplateError("not all arguments converted during string formatting")
        }
        return markup ? .markup(out) : .string(out)
    }

    /// C's `%e`, `%f` or `%g` of a finite magnitude, correctly rounded by the C library as Python's are.
    static func cFormat(_ x: Double, conversion: Unicode.Scalar, precision: Int, alternate: Bool) -> String {
        let spec = "%" + (alternate ? "#" : "") + ".\(precision)" + String(conversion)
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 512) { buffer in
            let length = withVaList([x]) { vsnprintf(buffer.baseAddress, buffer.count, spec, $0) }
            if length >= 0 && Int(length) < buffer.count {
                return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress, count: Int(length)).bindMemory(to: UInt8.self), as: UTF8.self)
            }
            return String(format: spec, x)
        }
    }

    static func pad(_ body: String, _ spec: Spec, sign: String = "", numeric: Bool = false) -> String {
        let length = sign.unicodeScalars.count + body.unicodeScalars.count
        guard length < spec.width else { return sign + body }
        let fill = spec.width - length
        if spec.flags.contains("-") { return sign + body + String(repeating: " ", count: fill) }
        if numeric && spec.flags.contains("0") { return sign + String(repeating: "0", count: fill) + body }
        return String(repeating: " ", count: fill) + sign + body
    }

    static func sign(negative: Bool, _ spec: Spec) -> String {
        negative ? "-" : spec.flags.contains("+") ? "+" : spec.flags.contains(" ") ? " " : ""
    }

    static func convert(_ value: Value, _ spec: Spec, markup: Bool) throws(TemplateError) -> String {
        switch spec.conversion {
        case "s", "r", "a":
            var text = spec.conversion == "s" ? try value.pythonString() : try value.pythonRepr()
            if let precision = spec.precision { text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(precision))) }
            if markup && !value.isMarkup { text = HTML.escaped(text) }
            return pad(text, spec)
        case "d", "i", "u", "o", "x", "X":
            let integerOnly = spec.conversion != "d" && spec.conversion != "i" && spec.conversion != "u"
            let number: Int
            if let i = value.integer {
                number = i
            } else if case .double(let d) = value, !integerOnly {
                guard d.isFinite, let truncated = Int(exactly: d.rounded(.towardZero)) else { throw TemplateError("cannot convert float \(PythonFloat.repr(d)) to integer") }
                number = truncated
            } else {
                throw TemplateError(integerOnly ? "%\(spec.conversion) format: an integer is required, found \(value.described)"
                                                : "%\(spec.conversion) format: a real number is required, found \(value.described)")
            }
            let radix = spec.conversion == "o" ? 8 : spec.conversion == "x" || spec.conversion == "X" ? 16 : 10
            var digits = String(number.magnitude, radix: radix, uppercase: spec.conversion == "X")
            if let precision = spec.precision, digits.count < precision { digits = String(repeating: "0", count: precision - digits.count) + digits }
            var prefix = ""
            if spec.flags.contains("#") && radix != 10 { prefix = spec.conversion == "o" ? "0o" : spec.conversion == "x" ? "0x" : "0X" }
            return pad(digits, spec, sign: sign(negative: number < 0, spec) + prefix, numeric: true)
        case "e", "E", "f", "F", "g", "G":
            guard let d = value.numeric else { throw TemplateError("%\(spec.conversion) format: a real number is required, found \(value.described)") }
            let upper = spec.conversion.properties.isUppercase
            if !d.isFinite {
                let word = d.isNaN ? "nan" : "inf"
                return pad(upper ? word.uppercased() : word, spec, sign: sign(negative: d < 0, spec))
            }
            let precision = spec.precision ?? 6
            let fast = spec.conversion == "f" || spec.conversion == "F" ? PythonFloat.fixedPoint(d.magnitude, precision: precision) : nil
            let body = fast ?? cFormat(d.magnitude, conversion: spec.conversion, precision: precision, alternate: spec.flags.contains("#"))
            return pad(body, spec, sign: sign(negative: d.sign == .minus, spec), numeric: true)
        case "c":
            if let i = value.integer, let scalar = Unicode.Scalar(UInt32(clamping: max(i, 0))) { return pad(String(scalar), spec) }
            if let text = value.text, text.unicodeScalars.count == 1 { return pad(text, spec) }
            throw TemplateError("%c requires an integer or a single character, found \(value.described)")
        default:
            throw TemplateError("unsupported format character '\(spec.conversion)'")
        }
    }
}
