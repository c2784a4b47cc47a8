/// One record of a CSV file as byte ranges into the file, valid only inside the scanner's callback.
///
/// Cells are decoded on demand, so summing a column of a large file allocates nothing per row.
package struct CSVRecord {
    /// The file's bytes.
    let base: UnsafeBufferPointer<UInt8>
    /// One cell: its content's byte range (inside any quotes) and how it was written.
    struct Cell {
        /// Start offset of the content (after an opening quote).
        var start: Int
        /// End offset (exclusive) of the content (before a closing quote).
        var end: Int
        /// Whether the cell was quoted.
        var quoted: Bool
        /// Whether it was quoted and contains doubled quotes to undo.
        var escaped: Bool
    }

    /// The cells in order.
    var cells: [Cell] = []
    /// The 1-based line the record starts on.
    package internal(set) var line = 1
    /// The byte offset at which that line starts.
    var lineStart = 0

    /// How many cells the record has.
    package var count: Int { cells.count }

    /// Whether the record is one empty cell (a blank line).
    package var isBlank: Bool { cells.count == 1 && cells[0].start == cells[0].end && !cells[0].quoted }

    /// Whether a cell is empty.
    package func isEmpty(_ index: Int) -> Bool { cells[index].start == cells[index].end }

    /// A cell as text, with doubled quotes undone.
    package func string(_ index: Int) -> String {
        let bytes = UnsafeBufferPointer(rebasing: base[cells[index].start..<cells[index].end])
        guard cells[index].escaped else { return String(decoding: bytes, as: UTF8.self) }
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

    /// A cell's raw bytes (quotes not undone).
    package func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: base[cells[index].start..<cells[index].end])
    }

    /// A cell as a finite number (surrounding spaces allowed), or nil.
    package func double(_ index: Int) -> Double? {
        NumberParser.double(UnsafeBufferPointer(rebasing: base[cells[index].start..<cells[index].end]))
    }

    /// Whether a cell's bytes equal an ASCII word.
    package func equals(_ index: Int, _ word: StaticString) -> Bool {
        let cell = cells[index]
        let length = cell.end - cell.start
        guard length == word.utf8CodeUnitCount else { return false }
        let pointer = word.utf8Start
        for k in 0..<length where base[cell.start + k] != pointer[k] { return false }
        return true
    }

    /// `column(_:)` of every cell, counted in one pass along the record.
    package func columns() -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(cells.count)
        var column = 1
        var offset = lineStart
        for cell in cells {
            let start = cell.start - (cell.quoted ? 1 : 0)
            while offset < start {
                if base[offset] & 0xC0 != 0x80 { column += 1 }
                offset += 1
            }
            result.append(column)
        }
        return result
    }

    /// The 1-based column (in Unicode scalars) where a cell starts, pointing at its opening quote when quoted.
    package func column(_ index: Int) -> Int {
        let start = cells[index].start - (cells[index].quoted ? 1 : 0)
        var column = 1
        var offset = lineStart
        while offset < start {
            if base[offset] & 0xC0 != 0x80 { column += 1 }
            offset += 1
        }
        return column
    }
}
