/// GitHub's heading slugs (github-slugger 2): lowercase, drop punctuation, symbols, controls and other
/// separators (keeping letters, marks, digits, `_` and `-`), turn each space into `-`; a repeat gets `-1`, `-2`…
struct HeadingSlugger {
    /// Each slug given or reserved, with how many suffixes it has counted. A suffixed slug given by the count
    /// (`changes-3` when `changes` has counted 3) is not kept on its own: release notes repeat their headings
    /// ("Changes", "Fixes") in every section, and a long text's ids would otherwise be held one by one.
    private var counts: [String: Int] = [:]

    /// Reserves `ids` the page already uses, so a heading that slugs to one gets a suffix.
    init(reserving ids: [String] = []) {
        for id in ids { counts[id] = 0 }
    }

    /// The slug of `text`, unique among the slugs this slugger has given.
    mutating func slug(_ text: String) -> String {
        let original = Self.slug(text)
        guard isTaken(original) else {
            counts[original] = 0
            return original
        }
        // The next count whose suffix is free; the count is recorded after the search, so that it does not make
        // its own candidate look taken.
        var count = counts[original, default: 0]
        var result: String
        repeat {
            count += 1
            result = original + "-" + String(count)
        } while isTaken(result)
        counts[original] = count
        return result
    }

    /// Whether `slug` was given or reserved: kept itself, or counted as `base-n` with `base` at `n` or more.
    private func isTaken(_ slug: String) -> Bool {
        if counts[slug] != nil { return true }
        guard let dash = slug.utf8.lastIndex(of: UInt8(ascii: "-")) else { return false }
        let digits = slug.utf8[slug.utf8.index(after: dash)...]
        // String(count) never starts with 0, so "a-01" was never given by a count.
        guard let first = digits.first, first != UInt8(ascii: "0"), digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let n = Int(Substring(digits)), let count = counts[String(Substring(slug.utf8[..<dash]))] else { return false }
        return n <= count
    }

    /// github-slugger's `slug(value)` without the uniqueness.
    static func slug(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " {
                scalars.append("-")
            } else if scalar == "-" || scalar.properties.isAlphabetic || !isRemoved(scalar.properties.generalCategory) {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    private static func isRemoved(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .connectorPunctuation:
            return false
        default:
            return true
        }
    }
}
