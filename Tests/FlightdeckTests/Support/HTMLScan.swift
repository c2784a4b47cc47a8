/// A small HTML tokenizer for tests: the start tags of a page and their attributes, split the way a browser's
/// tokenizer splits them (quoted and unquoted values, comments, raw-text elements), so a test can ask what a
/// browser would see as markup rather than search for strings.
enum HTMLScan {
    /// A start tag: its lowercased name and attributes (names lowercased, values with character references decoded).
    struct Tag {
        let name: String
        let attributes: [(name: String, value: String)]

        /// The value of attribute `name`, if present.
        func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
    }

    /// Every start tag of `html`, in order.
    static func tags(in html: String) -> [Tag] {
        let s = Array(html.unicodeScalars)
        var tags: [Tag] = []
        var i = 0
        func at(_ k: Int) -> Unicode.Scalar? { k < s.count ? s[k] : nil }
        func starts(_ text: String, _ k: Int) -> Bool {
            let t = Array(text.unicodeScalars)
            return k + t.count <= s.count && (0..<t.count).allSatisfy { Character(s[k + $0]).lowercased() == Character(t[$0]).lowercased() }
        }
        func skip(past text: String, from k: Int) -> Int {
            var j = k
            while j < s.count, !starts(text, j) { j += 1 }
            return min(s.count, j + text.unicodeScalars.count)
        }
        func isSpace(_ c: Unicode.Scalar?) -> Bool { c.map { [" ", "\t", "\n", "\r", "\u{0C}"].contains($0) } ?? false }
        while i < s.count {
            guard s[i] == "<" else { i += 1; continue }
            if starts("<!--", i) { i = skip(past: "-->", from: i + 4); continue }
            if starts("<![CDATA[", i) { i = skip(past: "]]>", from: i + 9); continue }
            if at(i + 1) == "!" || at(i + 1) == "?" || at(i + 1) == "/" { i = skip(past: ">", from: i + 1); continue }
            guard let first = at(i + 1), first.isASCII, first.properties.isAlphabetic else { i += 1; continue }
            var j = i + 1
            var name = ""
            while let c = at(j), !isSpace(c), c != "/", c != ">" { name.unicodeScalars.append(c); j += 1 }
            var attributes: [(String, String)] = []
            while j < s.count, s[j] != ">" {
                if isSpace(s[j]) || s[j] == "/" { j += 1; continue }
                var attribute = String(s[j])
                j += 1
                while let c = at(j), !isSpace(c), c != "/", c != ">", c != "=" { attribute.unicodeScalars.append(c); j += 1 }
                while isSpace(at(j)) { j += 1 }
                var value = ""
                if at(j) == "=" {
                    j += 1
                    while isSpace(at(j)) { j += 1 }
                    if let quote = at(j), quote == "\"" || quote == "'" {
                        j += 1
                        while let c = at(j), c != quote { value.unicodeScalars.append(c); j += 1 }
                        j += 1
                    } else {
                        while let c = at(j), !isSpace(c), c != ">" { value.unicodeScalars.append(c); j += 1 }
                    }
                }
                attributes.append((attribute.lowercased(), decode(value)))
            }
            let tag = Tag(name: name.lowercased(), attributes: attributes)
            tags.append(tag)
            i = j + 1
            // Raw text and escapable raw text: the content is not markup up to the matching end tag.
            if ["script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes"].contains(tag.name) {
                i = skip(past: "</" + tag.name, from: i)
            }
        }
        return tags
    }

    /// `text` with the character references escaping produces (`&amp; &lt; &gt; &quot; &#NN; &#xNN;`) decoded.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[amp...]
            guard let semi = rest.prefix(12).firstIndex(of: ";") else { out += "&"; rest = rest.dropFirst(); continue }
            let entity = rest[rest.index(after: rest.startIndex)..<semi]
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "tab": "\t", "newline": "\n"]
            var scalar: Unicode.Scalar?
            if entity.hasPrefix("#x") || entity.hasPrefix("#X") { scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
            else if entity.hasPrefix("#") { scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init) }
            if let scalar { out.unicodeScalars.append(scalar) } else if let text = named[String(entity)] { out += text } else { out += rest[...semi] }
            rest = rest[rest.index(after: semi)...]
        }
        return out + rest
    }
}
