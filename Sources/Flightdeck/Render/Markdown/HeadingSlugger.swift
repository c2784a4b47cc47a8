/// GitHub's heading slugs (github-slugger 2): lowercase, drop punctuation, symbols, controls and other
/// separators (keeping letters, marks, digits, `_` and `-`), turn each space into `-`; a repeat gets `-1`, `-2`…
struct HeadingSlugger {
    private var occurrences: [String: Int] = [:]

    /// Reserves `ids` the page already uses, so a heading that slugs to one gets a suffix.
    init(reserving ids: [String] = []) {
        for id in ids { occurrences[id] = 0 }
    }

    /// The slug of `text`, unique among the slugs this slugger has given.
    mutating func slug(_ text: String) -> String {
        let original = Self.slug(text)
        var result = original
        while occurrences[result] != nil {
            let count = occurrences[original, default: 0] + 1
            occurrences[original] = count
            result = original + "-" + String(count)
        }
        occurrences[result] = 0
        return result
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
