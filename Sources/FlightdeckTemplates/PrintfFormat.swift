import Foundation

/// Python's `%` string formatting (`"%5.2f" % x`), as the `format` filter and the `%` operator use it.
enum PrintfFormat {
    struct Spec {
        var flags: Set<Unicode.Scalar> = []
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
        let scalars = Array(format.unicodeScalars)
        var out = ""
        var i = 0
        var usedMapping = false
        while i < scalars.count {
            let c = scalars[i]
            i += 1
            guard c == "%" else { out.unicodeScalars.append(c); continue }
            guard i < scalars.count else { throw TemplateError("incomplete format: '%' at the end of the format string") }
            if scalars[i] == "%" { out += "%"; i += 1; continue }
            var argument: Value?
            if scalars[i] == "(" {
                guard let close = scalars[i...].firstIndex(of: ")") else { throw TemplateError("incomplete format key in the format string") }
                let key = String(String.UnicodeScalarView(scalars[(i + 1)..<close]))
                guard let mapping else { throw TemplateError("format requires a mapping for '%(\(key))'") }
                guard let value = mapping.first(where: { $0.key == key })?.value else { throw TemplateError("format key '\(key)' is missing") }
                argument = value
                usedMapping = true
                i = close + 1
            }
            var spec = Spec()
            while i < scalars.count, "-+ #0".unicodeScalars.contains(scalars[i]) { spec.flags.insert(scalars[i]); i += 1 }
            if i < scalars.count, scalars[i] == "*" {
                spec.width = try take().integer ?? 0
                i += 1
            } else {
                while i < scalars.count, let d = scalars[i].properties.numericType == .decimal ? Int(String(scalars[i])) : nil { spec.width = spec.width * 10 + d; i += 1 }
            }
            if i < scalars.count, scalars[i] == "." {
                i += 1
                var precision = 0
                if i < scalars.count, scalars[i] == "*" { precision = try take().integer ?? 0; i += 1 }
                while i < scalars.count, let d = scalars[i].properties.numericType == .decimal ? Int(String(scalars[i])) : nil { precision = precision * 10 + d; i += 1 }
                spec.precision = precision
            }
            while i < scalars.count, "hlL".unicodeScalars.contains(scalars[i]) { i += 1 }
            guard i < scalars.count else { throw TemplateError("incomplete format at the end of the format string") }
            spec.conversion = scalars[i]
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
            var cSpec = "%"
            if spec.flags.contains("#") { cSpec += "#" }
            cSpec += ".\(spec.precision ?? 6)\(spec.conversion)"
            return pad(String(format: cSpec, d.magnitude), spec, sign: sign(negative: d.sign == .minus, spec), numeric: true)
        case "c":
            if let i = value.integer, let scalar = Unicode.Scalar(UInt32(clamping: max(i, 0))) { return pad(String(scalar), spec) }
            if let text = value.text, text.unicodeScalars.count == 1 { return pad(text, spec) }
            throw TemplateError("%c requires an integer or a single character, found \(value.described)")
        default:
            throw TemplateError("unsupported format character '\(spec.conversion)'")
        }
    }
}
