/// Jinja2's `urlencode`: percent-encoding of UTF-8, `/` kept in strings; `k=v&...` for objects and pair lists.
enum URLEncoding {
    static func encode(_ value: Value) throws(TemplateError) -> String {
        if let items = value.lazyItems { return try encode(.array(items)) }
        switch value {
        case .object(let pairs):
            var parts: [String] = []
            for pair in pairs { parts.append(quote(pair.key, forQuery: true) + "=" + quote(try pair.value.pythonString(), forQuery: true)) }
            return parts.joined(separator: "&")
        case .array(let items):
            var parts: [String] = []
            for item in items {
                guard case .array(let pair) = item, pair.count == 2 else {
                    throw TemplateError("urlencode needs a string, an object or a list of pairs, found a list of \(item.kind)")
                }
                parts.append(quote(try pair[0].pythonString(), forQuery: true) + "=" + quote(try pair[1].pythonString(), forQuery: true))
            }
            return parts.joined(separator: "&")
        default:
            return quote(try value.pythonString(), forQuery: false)
        }
    }

    private static let hex = Array("0123456789ABCDEF".utf8)

    /// `urllib.parse.quote`: letters, digits and `_.-~` stay, `/` too outside queries; spaces become `+` in queries.
    static func quote(_ text: String, forQuery: Bool) -> String {
        var out: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "~"):
                out.append(byte)
            case UInt8(ascii: "/") where !forQuery:
                out.append(byte)
            case UInt8(ascii: " ") where forQuery:
                out.append(UInt8(ascii: "+"))
            default:
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
