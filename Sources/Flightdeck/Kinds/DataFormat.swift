/// One file format a data kind reads, declared in the kind's folder and listed in its `formats`:
/// how `flightdeck add` recognises such a file by its content, and where it puts it in a release folder.
struct DataFormat: Sendable {
    /// A short id, as `flightdeck add --format` and messages name it: `junit-xml`, `k6-summary`.
    let id: String
    /// What people call it: "JUnit XML", "k6 end-of-test summary (JSON)".
    let title: String
    /// Where a file of this format goes, relative to the release folder, given its original name:
    /// `tests/<name>` for a kind that takes a folder of files, `performance.json` for a single file.
    let destination: @Sendable (_ name: String) -> String
    /// How much the beginning of a file looks like this format: 0 not at all, 1 certain. `flightdeck add`
    /// takes a file as this format at 0.5 or more; below that, the highest score is its closest guess.
    let recognise: @Sendable (FileSample) -> Double
}

/// The beginning of a file, as formats recognise it.
struct FileSample: Sendable {
    /// The file's name (never used alone to decide: content decides).
    let name: String
    /// The first `FileSample.limit` bytes as text (invalid UTF-8 replaced), a leading BOM dropped.
    let head: String
    /// The whole file's size in bytes.
    let size: Int

    /// How much of a file formats look at.
    static let limit = 64 * 1024

    /// The head with leading white space and an XML declaration or comments skipped: where the content starts.
    var start: Substring {
        var text = head[...].drop { $0.isWhitespace }
        while text.hasPrefix("<?") || text.hasPrefix("<!--") {
            let end = text.hasPrefix("<?") ? "?>" : "-->"
            guard let close = text.range(of: end) else { break }
            text = text[close.upperBound...].drop { $0.isWhitespace }
        }
        return text
    }

    /// Whether the content starts with an XML element of one of these names (`testsuites`, `TestRun`).
    func startsWithElement(_ names: [String]) -> Bool {
        let start = start
        return names.contains { name in
            guard start.hasPrefix("<" + name) else { return false }
            let after = start.dropFirst(name.count + 1).first
            return after == nil || after == ">" || after == "/" || after?.isWhitespace == true
        }
    }

    /// How many of `needles` the head contains, as a fraction of them.
    func share(of needles: [String]) -> Double {
        guard !needles.isEmpty else { return 0 }
        return Double(needles.filter { head.contains($0) }.count) / Double(needles.count)
    }

    /// The first line (a CSV header), without its line ending.
    var firstLine: Substring {
        head.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
    }
}
