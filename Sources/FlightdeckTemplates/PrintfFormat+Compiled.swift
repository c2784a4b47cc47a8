/// A `%` format read once, when the template is parsed (`'%.2f'|format(x)` with a literal format).
extension PrintfFormat {
    /// Literal text and conversions, in order.
    struct Compiled: Sendable {
        enum Piece: Sendable {
            case text(String)
            case conversion(Spec)
        }

        let pieces: [Piece]
        let conversions: Int
    }

    /// The format read into pieces; nil when it needs the general path (`%(name)s`, `*` widths, or an error to report).
    static func compile(_ format: String) -> Compiled? {
        var pieces: [Compiled.Piece] = []
        var text = ""
        var conversions = 0
        var scalars = format.unicodeScalars.makeIterator()
        var pending = scalars.next()
        func digits(_ first: Unicode.Scalar?) -> (Int, Unicode.Scalar?) {
            var n = 0, c = first
            while let d = c, let v = d.properties.numericType == .decimal && d.isASCII ? Int(d.value - 48) : nil, n < 10_000 {
                n = n * 10 + v
                c = scalars.next()
            }
            return (n, c)
        }
        while let c = pending {
            pending = scalars.next()
            guard c == "%" else { text.unicodeScalars.append(c); continue }
            guard var next = pending else { return nil }
            if next == "%" { text += "%"; pending = scalars.next(); continue }
            var spec = Spec()
            while Spec.Flags.bit(next) != 0 {
                spec.flags.insert(next)
                guard let n = scalars.next() else { return nil }
                next = n
            }
            if next == "*" || next == "(" { return nil }
            var after: Unicode.Scalar?
            (spec.width, after) = digits(next)
            if after == "." {
                let (precision, rest) = digits(scalars.next())
                spec.precision = precision
                after = rest
            }
            while after == "h" || after == "l" || after == "L" { after = scalars.next() }
            guard let conversion = after, "diuoxXeEfFgGsrac".unicodeScalars.contains(conversion) else { return nil }
            spec.conversion = conversion
            if spec.width > 10_000 || (spec.precision ?? 0) > 10_000 { return nil }
            if !text.isEmpty { pieces.append(.text(text)); text = "" }
            pieces.append(.conversion(spec))
            conversions += 1
            pending = scalars.next()
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        return Compiled(pieces: pieces, conversions: conversions)
    }

    /// Formats `arguments` (one per conversion) with a compiled format.
    static func apply(_ compiled: Compiled, to arguments: [Value], markup: Bool) throws(TemplateError) -> Value {
        guard arguments.count >= compiled.conversions else { throw TemplateError("not enough arguments for format string") }
        guard arguments.count == compiled.conversions else { throw TemplateError("not all arguments converted during string formatting") }
        var out = ""
        var next = 0
        for piece in compiled.pieces {
            switch piece {
            case .text(let text): out += text
            case .conversion(let spec):
                out += try convert(arguments[next], spec, markup: markup)
                next += 1
            }
        }
        return markup ? .markup(out) : .string(out)
    }
}
