/// One record of a CSV file as byte ranges into the file, valid only inside the scanner's callback.
///
/// Cells are decoded on demand, so summing a column of a large file allocates nothing per row.
package struct CSVRecord {
    /// The file's bytes.
    let base: UnsafeBufferPointer<UInt8>
    /// Start offsets of each cell's content (after an opening quote).
    var starts: [Int] = []
    /// End offsets (exclusive) of each cell's content (before a closing quote).
    var ends: [Int] = []
    /// Whether a cell was quoted and contains doubled quotes to undo.
    var escaped: [Bool] = []
    /// Whether a cell was quoted.
    var quoted: [Bool] = []
    /// The 1-based line the record starts on.
    package internal(set) var line = 1
    /// The byte offset at which that line starts.
    var lineStart = 0

    /// How many cells the record has.
    package var count: Int { starts.count }

    /// Whether the record is one empty cell (a blank line).
    package var isBlank: Bool { starts.count == 1 && starts[0] == ends[0] && !quoted[0] }

    /// Whether a cell is empty.
    package func isEmpty(_ index: Int) -> Bool { starts[index] == ends[index] }

    /// A cell as text, with doubled quotes undone.
    package func string(_ index: Int) -> String {
        let bytes = UnsafeBufferPointer(rebasing: base[starts[index]..<ends[index]])
        guard escaped[index] else { return String(decoding: bytes, as: UTF8.self) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(bytes.count)
        var previousWasQuote = false
        for byte in bytes {
            if byte == UInt8(ascii: "\""), previousWasQuote { previousWasQuote = false; continue }
            previousWasQuote = byte == UInt8(ascii: "\"")
            unescaped.append(byte)
        }
        return String(decoding: unescaped, as: UTF8.self)
    }

    /// A cell as a finite number (surrounding spaces allowed), or nil.
    package func double(_ index: Int) -> Double? {
        NumberParser.double(UnsafeBufferPointer(rebasing: base[starts[index]..<ends[index]]))
    }

    /// Whether a cell's bytes equal an ASCII word.
    package func equals(_ index: Int, _ word: StaticString) -> Bool {
        let length = ends[index] - starts[index]
        guard length == word.utf8CodeUnitCount else { return false }
        let pointer = word.utf8Start
        for k in 0..<length where base[starts[index] + k] != pointer[k] { return false }
        return true
    }

    /// The 1-based column (in Unicode scalars) where a cell starts, pointing at its opening quote when quoted.
    package func column(_ index: Int) -> Int {
        let start = starts[index] - (quoted[index] ? 1 : 0)
        var column = 1
        var offset = lineStart
        while offset < start {
            if base[offset] & 0xC0 != 0x80 { column += 1 }
            offset += 1
        }
        return column
    }
}
