/// `dictsort`, `tojson` and `default`.
enum MappingFilters {
    static let all: [Filter] = [
        Filter("dictsort", ["case_sensitive", "by", "reverse"]) { (value, args) throws(TemplateError) in
            guard case .object(let pairs) = value, value.lazyItems == nil else { throw TemplateError("dictsort needs an object, found \(value.described)") }
            let by = try args.string(1, "by", default: "key")
            guard by == "key" || by == "value" else { throw TemplateError("dictsort can only sort by 'key' or 'value', found '\(by)'") }
            let caseSensitive = args.bool(0, default: false)
            let keys = pairs.map { pair in
                let key = by == "key" ? Value.string(pair.key) : pair.value
                return caseSensitive ? key : PythonSort.foldCase(key)
            }
            let order = try PythonSort.sortedIndices(keys, reverse: args.bool(2, default: false))
            return .array(order.map { .array([.string(pairs[$0].key), pairs[$0].value]) })
        },
        Filter("tojson", ["indent"]) { (value, args) throws(TemplateError) in
            let indent = try args[0].flatMap { (v) throws(TemplateError) -> Int? in v.isNull ? nil : try args.int(0, "indent", default: 0) }
            var json = ""
            try JSONWriter.write(value, indent: indent, level: 0, into: &json)
            json = json.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
                .replacingOccurrences(of: "&", with: "\\u0026").replacingOccurrences(of: "'", with: "\\u0027")
            return .markup(json)
        },
        Filter("default", ["default_value", "boolean"], acceptsUndefined: true) { (value, args) throws(TemplateError) in
            if !args.operandDefined || (args.bool(1, default: false) && !value.isTruthy) { return args[0] ?? .string("") }
            return value
        },
    ]
}

/// Python's `json.dumps(value, sort_keys=True, indent=indent)` with `ensure_ascii`.
enum JSONWriter {
    static func write(_ value: Value, indent: Int?, level: Int, into out: inout String) throws(TemplateError) {
        if let error = value.lazyMisuse("cannot be turned into JSON") { throw error }
        guard level < 256 else { throw TemplateError("tojson: the value is nested too deeply") }
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += d.isNaN ? "NaN" : d.isInfinite ? (d < 0 ? "-Infinity" : "Infinity") : PythonFloat.repr(d)
        case .string(let s), .markup(let s): writeString(s, into: &out)
        case .undefined(let undefined):
            throw TemplateError("tojson: \(undefined.isStrict ? "a strict" : "an") undefined value cannot be turned into JSON")
        case .array(let items):
            try writeContainer("[", "]", items.count, indent: indent, level: level, into: &out) { (i, out) throws(TemplateError) in
                try write(items[i], indent: indent, level: level + 1, into: &out)
            }
        case .object(let pairs):
            let order = pairs.indices.sorted { pairs[$0].key.utf8.lexicographicallyPrecedes(pairs[$1].key.utf8) }
            try writeContainer("{", "}", pairs.count, indent: indent, level: level, into: &out) { (i, out) throws(TemplateError) in
                writeString(pairs[order[i]].key, into: &out)
                out += ": "
                try write(pairs[order[i]].value, indent: indent, level: level + 1, into: &out)
            }
        }
    }

    static func writeContainer(_ open: String, _ close: String, _ count: Int, indent: Int?, level: Int, into out: inout String,
                               item: (Int, inout String) throws(TemplateError) -> Void) throws(TemplateError) {
        out += open
        guard count > 0 else { out += close; return }
        for i in 0..<count {
            if let indent {
                out += (i == 0 ? "" : ",") + "\n" + String(repeating: " ", count: indent * (level + 1))
            } else if i > 0 {
                out += ", "
            }
            try item(i, &out)
        }
        if let indent { out += "\n" + String(repeating: " ", count: indent * level) }
        out += close
    }

    static func writeString(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value >= 0x20 && scalar.value < 0x7F {
                    out.unicodeScalars.append(scalar)
                } else if scalar.value > 0xFFFF {
                    let v = scalar.value - 0x10000
                    out += hex4(0xD800 + (v >> 10)) + hex4(0xDC00 + (v & 0x3FF))
                } else {
                    out += hex4(scalar.value)
                }
            }
        }
        out += "\""
    }

    static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
    }
}
