import Foundation
import Testing
@testable import Flightdeck

/// The hand-written RFC 4180 reader: quotes, doubled quotes, line breaks in cells, CRLF, BOM, places of cells.
struct CSVFileReaderTests {
    @Test func readsQuotedCellsAcrossLinesWithCRLFAndBOM() throws {
        let text = "\u{FEFF}name , note,n\r\n\"a, b\",\"say \"\"hi\"\"\r\nagain\",1\r\n\r\nü,x\r\nlast,\"\",3"
        let table = try CSVFileReader.read(text, path: "t.csv")
        #expect(table.header == ["name", "note", "n"])
        #expect(table.rows.map(\.cells) == [["a, b", "say \"hi\"\r\nagain", "1"], ["ü", "x", ""], ["last", "", "3"]])
        #expect(table.rows.map(\.line) == [2, 5, 6])
        #expect(table.location(row: table.rows[1], column: 1).description == "t.csv:5:3")
        #expect(table.location(row: table.rows[2], column: 2).description == "t.csv:6:9")
    }

    @Test func rejectsRowsWiderThanTheHeader() {
        #expect(throws: DiagnosticError.self) { try CSVFileReader.read("a,b\n1,2,3\n", path: "t.csv") }
    }

    @Test func reportsTextAfterAClosingQuote() throws {
        do {
            _ = try CSVFileReader.read("a,b\n\"x\"y,2\n", path: "t.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "t.csv:2:4: error: expected ',' or a line break after a closing quote, found 'y'")
        }
    }

    @Test func parsesNumbersExactly() throws {
        for text in ["0", "12.5", "-3.25", "1e3", "0.1", "123456789.123456", "  7 ", "99999999999999999999.5",
                     // Past the fast path but plain decimals: 17 significant digits (Python's repr of 0.1 + 0.2), 2^53 + 1, a scale past 10^22.
                     "0.30000000000000004", "11.700000000000001", "9007199254740993", "0.00000000000000000000000125"] {
            var copy = text
            let parsed = copy.withUTF8 { NumberParser.double($0) }
            #expect(parsed == Double(text.trimmingCharacters(in: .whitespaces)), "\(text)")
        }
        for bad in ["", ".", "-", "1.2.3", "abc", "nan", "inf"] {
            var copy = bad
            #expect(copy.withUTF8 { NumberParser.double($0) } == nil, "\(bad)")
        }
    }
}
