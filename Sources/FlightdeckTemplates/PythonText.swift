import Foundation

/// Python's `str` methods as Jinja2's filters use them, scalar by scalar.
enum PythonText {
    static func mapScalars(_ text: String, _ transform: (Unicode.Scalar) -> String) -> String {
        var out = ""
        for scalar in text.unicodeScalars { out += transform(scalar) }
        return out
    }

    static func lower(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        let scalars = Array(text.unicodeScalars)
        var out = ""
        for (i, scalar) in scalars.enumerated() {
            out += scalar == "\u{03A3}" && isFinalSigma(scalars, i) ? "\u{03C2}" : scalar.properties.lowercaseMapping
        }
        return out
    }

    /// Python's Final_Sigma rule: a cased letter before (skipping case-ignorables) and none after.
    static func isFinalSigma(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        var i = index - 1
        while i >= 0 && scalars[i].properties.isCaseIgnorable { i -= 1 }
        guard i >= 0 && scalars[i].properties.isCased else { return false }
        var j = index + 1
        while j < scalars.count && scalars[j].properties.isCaseIgnorable { j += 1 }
        return !(j < scalars.count && scalars[j].properties.isCased)
    }

    static func upper(_ text: String) -> String {
        text.utf8.allSatisfy({ $0 < 0x80 }) ? text.uppercased() : mapScalars(text) { $0.properties.uppercaseMapping }
    }

    /// `str.capitalize`: the first character in title case, the rest lower case.
    static func capitalize(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes = Array(text.utf8)
            for i in bytes.indices {
                let b = bytes[i]
                if i == 0 { if b >= 0x61 && b <= 0x7A { bytes[i] = b - 32 } } else if b >= 0x41 && b <= 0x5A { bytes[i] = b + 32 }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        guard let first = text.unicodeScalars.first else { return text }
        return first.properties.titlecaseMapping + lower(String(text.unicodeScalars.dropFirst()))
    }

    /// Jinja2's `title`: words begin after runs of `-`, whitespace, `(`, `{`, `[` and `<`;
    /// each word is its first character upper-cased and the rest lower-cased.
    static func title(_ text: String) -> String {
        var out = ""
        var word = String.UnicodeScalarView()
        func flush() {
            guard let first = word.first else { return }
            out += first.properties.uppercaseMapping + lower(String(word.dropFirst()))
            word = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if isPythonSpace(scalar) || "-({[<".unicodeScalars.contains(scalar) {
                flush()
                out.unicodeScalars.append(scalar)
            } else {
                word.append(scalar)
            }
        }
        flush()
        return out
    }

    /// `str.strip()` or `str.strip(chars)`.
    static func strip(_ text: String, chars: String?) -> String {
        // By index over the text's own scalars: a long text is not copied into an array first.
        let scalars = text.unicodeScalars
        let set = chars.map { Set($0.unicodeScalars) }
        func stripped(_ c: Unicode.Scalar) -> Bool { set.map { $0.contains(c) } ?? isPythonSpace(c) }
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, stripped(scalars[start]) { scalars.formIndex(after: &start) }
        while end > start, stripped(scalars[scalars.index(before: end)]) { scalars.formIndex(before: &end) }
        return String(scalars[start..<end])
    }

    /// `str.split()`: runs of whitespace separate, empty pieces dropped.
    static func splitWhitespace(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for c in text.unicodeScalars {
            if isPythonSpace(c) {
                if !current.isEmpty { words.append(String(current)); current = String.UnicodeScalarView() }
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// `str.replace(old, new, count)` with Python's rule for an empty `old` (insert between scalars).
    static func replace(_ text: String, _ old: String, _ new: String, count: Int) -> String {
        if count == 0 { return text }
        if old.isEmpty {
            var out = new
            var done = 1
            for scalar in text.unicodeScalars {
                out.unicodeScalars.append(scalar)
                if count < 0 || done < count { out += new; done += 1 }
            }
            return out
        }
        let bytes = Array(text.utf8), pattern = Array(old.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0, done = 0
        while i < bytes.count {
            if (count < 0 || done < count), i + pattern.count <= bytes.count, bytes[i] == pattern[0], bytes[i..<(i + pattern.count)].elementsEqual(pattern) {
                out += Array(new.utf8)
                i += pattern.count
                done += 1
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// MarkupSafe's `striptags`: drop comments and tags, collapse whitespace, unescape entities.
    static func stripTags(_ html: String) -> String {
        var value = html
        while let start = value.range(of: "<!--"), let end = value.range(of: "-->", range: start.lowerBound..<value.endIndex) {
            value.removeSubrange(start.lowerBound..<end.upperBound)
        }
        while let start = value.firstIndex(of: "<"), let end = value[start...].firstIndex(of: ">") {
            value.removeSubrange(start...end)
        }
        return HTML.unescape(splitWhitespace(value).joined(separator: " "))
    }

    /// Number of `\w+` runs (letters, digits and underscores).
    static func wordCount(_ text: String) -> Int {
        var count = 0, inWord = false
        for c in text.unicodeScalars {
            let word = isWordScalar(c)
            if word && !inWord { count += 1 }
            inWord = word
        }
        return count
    }

    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        if c == "_" { return true }
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }
}
