/// Did-you-mean for misspelt variables, attributes, filters and tests.
enum Suggestion {
    /// `; did you mean 'x'?` for the closest candidate within a typo's distance, or the empty string.
    static func phrase(for word: String, in candidates: some Sequence<String>) -> String {
        var best: (name: String, distance: Int)?
        let target = Array(word.lowercased().unicodeScalars)
        for candidate in candidates where candidate != word {
            let distance = levenshtein(target, Array(candidate.lowercased().unicodeScalars))
            if distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        guard let best else { return "" }
        let allowed = max(1, min(3, (max(word.count, best.name.count) + 2) / 3))
        return best.distance <= allowed ? "; did you mean '\(best.name)'?" : ""
    }

    private static func levenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var diagonal = row[0]
            row[0] = i
            for j in 1...b.count {
                let above = row[j]
                row[j] = min(above + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1))
                diagonal = above
            }
        }
        return row[b.count]
    }
}
