import FlightdeckCore
import FlightdeckTemplates
import Foundation
import Testing
@testable import Flightdeck

/// Checklist checks read figures from `FiguresJSON.tree`, built without a JSON round trip; it must be the very
/// tree the round trip through `flightdeck export`'s JSON gives (same keys, order, kinds and printed values).
struct FiguresJSONTests {
    /// Kind, key order and printed scalar of every node, as one text (locations differ by design).
    private func shape(_ node: DataNode) -> String {
        switch node.kind {
        case .null: "null"
        case .bool(let b): "bool \(b)"
        case .int: "int \(node.scalarText ?? "")"
        case .double: "double \(node.scalarText ?? "")"
        case .string(let s): "string \(s.debugDescription)"
        case .array(let items): "[" + items.map(shape).joined(separator: ", ") + "]"
        case .object(let pairs): "{" + pairs.map { "\($0.key): \(shape($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    @Test func treeIsTheJSONRoundTripOfEveryExampleRelease() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let model = try BuildPipeline(root: root, options: .init()).model(log: DiagnosticLog())
        try #require(model.releases.count == 3)
        for entry in model.releases {
            let direct = shape(try FiguresJSON.tree(of: entry.figures))
            #expect(direct == shape(try FiguresJSON.treeThroughJSON(of: entry.figures)), "\(entry.data.release.id)")
            #expect(direct.contains("success_rate"), "the tree holds the figures checks name")
        }
    }

    /// Where no dictionary is involved, the export is byte for byte what JSONEncoder's `.convertToSnakeCase` wrote
    /// before keys from data were kept as written.
    @Test func exportOfEveryExampleReleaseIsWhatJSONEncoderWrote() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let model = try BuildPipeline(root: root, options: .init()).model(log: DiagnosticLog())
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.instantString(date))
        }
        try #require(model.releases.count == 3)
        for entry in model.releases {
            #expect(try FiguresJSON.data(of: entry.figures) == (try encoder.encode(entry.figures)), "\(entry.data.release.id) figures")
            #expect(try FiguresJSON.data(of: entry.data) == (try encoder.encode(entry.data)), "\(entry.data.release.id) data")
        }
    }

    @Test func wholeDoublesReadAsIntegersAsInJSON() throws {
        struct Figures: Encodable { let rate: Double; let count: Int; let ratio: Double; let startedAt: Date }
        let value = Figures(rate: 1.0, count: 3, ratio: 0.95, startedAt: Date(timeIntervalSince1970: 1_700_000_000))
        #expect(shape(try FiguresJSON.tree(of: value)) == shape(try FiguresJSON.treeThroughJSON(of: value)))
        let tree = shape(try FiguresJSON.tree(of: value))
        #expect(tree == #"{count: int 3, rate: int 1, ratio: double 0.95, started_at: string "2023-11-14T22:13:20Z"}"#, "\(tree)")
    }

    /// `flightdeck export` and checklist checks: field names in snake_case, keys from data exactly as written.
    @Test func keepsKeysFromDataAsWritten() throws {
        struct Figures: Encodable {
            let incidentsById: [String: String]
            let metricsByName: [String: Double]
            let signoffsByRole: [String: Bool]
            let themeOptions: [String: String]
        }
        let value = Figures(incidentsById: ["INC-2026-051": "mitigated"], metricsByName: ["p95LatencyMs": 1.5, "Error-Rate": 0.02],
                            signoffsByRole: ["QA Lead": true], themeOptions: ["accentColor": "#0b6bcb"])
        let json = String(decoding: try FiguresJSON.data(of: value), as: UTF8.self)
        for key in ["incidents_by_id", "INC-2026-051", "metrics_by_name", "p95LatencyMs", "Error-Rate", "signoffs_by_role", "QA Lead",
                    "theme_options", "accentColor"] {
            #expect(json.contains("\"\(key)\" : "), "\(key) in \(json)")
        }
        #expect(shape(try FiguresJSON.tree(of: value)) == shape(try FiguresJSON.treeThroughJSON(of: value)))
        #expect(shape(try FiguresJSON.tree(of: value)).contains("p95LatencyMs: double 1.5"))
    }

    /// The export's own JSON writer against Foundation's JSONEncoder, the oracle: every example release, and the
    /// corners of the format (empty containers, doubles of every magnitude, escapes, key order, null).
    @Test func jsonWriterIsByteForByteJSONEncoder() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let model = try BuildPipeline(root: root, options: .init()).model(log: DiagnosticLog())
        try #require(model.releases.count == 3)
        for entry in model.releases {
            #expect(try FiguresJSON.data(of: entry.figures) == (try FiguresJSON.dataThroughJSONEncoder(of: entry.figures)))
            #expect(try FiguresJSON.data(of: entry.data) == (try FiguresJSON.dataThroughJSONEncoder(of: entry.data)))
        }
        struct Corners: Encodable {
            let empty: [Int] = []
            let emptyObject: [String: Int] = [:]
            let doubles = [1.0, 0.1, 1e-7, 1e21, 1e16, 123456789.125, -0.0, 5e-324, 1.7976931348623157e308, 100, 12345678901234567, -2.5e-5]
            let ints = [0, -1, Int.max, Int.min]
            let text = "q\"\\/\u{1}\u{1f}\n\t\r\u{8}\u{c}é😀\u{7f}\u{2028}"
            let missing: Int? = nil
            let keys: [String: Int] = ["b": 1, "B": 2, "a10": 3, "a9": 4, "é": 5, "_x": 6, "Z": 7, "": 8, "aa": 9, "a\"b": 10]
            let nested: [[[String: Bool]]] = [[], [[:]], [["t": true, "f": false]]]
        }
        let corners = try FiguresJSON.data(of: Corners())
        #expect(corners == (try FiguresJSON.dataThroughJSONEncoder(of: Corners())), "\(String(decoding: corners, as: UTF8.self))")
        struct Twice: Encodable {
            enum Key: String, CodingKey { case b, a, c }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Key.self)
                try container.encode(1, forKey: .b)
                try container.encode(2, forKey: .a)
                try container.encode(3, forKey: .b)
                try container.encode("c", forKey: .c)
                try container.encode(4, forKey: .a)
            }
        }
        let twice = try FiguresJSON.data(of: Twice())
        #expect(twice == (try FiguresJSON.dataThroughJSONEncoder(of: Twice())), "a key written twice keeps its last value: \(String(decoding: twice, as: UTF8.self))")
    }

    /// The streaming writer cannot write a nested container in place (its members come later, between the
    /// parent's): those are built in memory and written when the parent closes, and must still come out as
    /// JSONEncoder writes them. So must a value that writes nothing, and a date or a dictionary inside an array.
    @Test func nestedContainersAndEmptyValuesAreWrittenAsJSONEncoderDoes() throws {
        struct Nothing: Encodable { func encode(to encoder: any Encoder) throws {} }
        struct Nested: Encodable {
            enum Key: String, CodingKey { case zeta, alpha, list, sup }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Key.self)
                var inner = container.nestedContainer(keyedBy: Key.self, forKey: .zeta)
                var list = container.nestedUnkeyedContainer(forKey: .list)
                try container.encode(1, forKey: .alpha)
                try inner.encode("late", forKey: .list)
                try list.encode(2)
                try container.encode(Nothing(), forKey: .sup)
                var interleaved = list.nestedUnkeyedContainer()
                try list.encode(Date(timeIntervalSince1970: 1_700_000_000))
                try interleaved.encode(3)
            }
        }
        struct Elements: Encodable {
            func encode(to encoder: any Encoder) throws {
                var list = encoder.unkeyedContainer()
                try list.encode(["b": 1, "a": 2])
                var pending = list.nestedContainer(keyedBy: Nested.Key.self)
                try list.encode(Nested())
                try pending.encode(true, forKey: .alpha)
                try list.encodeNil()
            }
        }
        struct All: Encodable {
            let nested = Nested()
            let elements = Elements()
            let nothing = Nothing()
            let inArray = [Nothing(), Nothing()]
        }
        let written = try FiguresJSON.data(of: All())
        #expect(written == (try FiguresJSON.dataThroughJSONEncoder(of: All())), "\(String(decoding: written, as: UTF8.self))")
    }

    /// Written in pieces (summary.json goes to its file that way), the JSON is the same bytes as written whole.
    @Test func jsonWrittenInPiecesIsTheSameAsWrittenWhole() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let model = try BuildPipeline(root: root, options: .init()).model(log: DiagnosticLog())
        for entry in model.releases {
            var pieces: [[UInt8]] = []
            let output = JSONOutput(flushBytes: 256) { pieces.append($0) }
            try Value.writeJSON(entry.data, to: output)
            try output.finish()
            #expect(pieces.count > 10, "\(entry.data.release.id): \(pieces.count) pieces")
            #expect(Data(pieces.joined()) == (try FiguresJSON.data(of: entry.data)), "\(entry.data.release.id)")
        }
    }

    /// Every character JSON escapes, at the start, middle and end of a string and next to each other, and the runs
    /// between them, are written as JSONEncoder writes them, whole and in pieces.
    @Test func escapesAreWhatJSONEncoderWrites() throws {
        struct Holder: Encodable { let texts: [String] }
        let special = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) } + ["\"", "\\", "/", "é", "✓", "\u{7F}", "\u{2028}"]
        var texts = special + special.map { "a\($0)b" } + special.map { "\($0)\($0)end" } + ["", "plain text", special.joined()]
        texts.append(String(repeating: "<p class=\"x\">run</p>\n", count: 500))
        let value = Holder(texts: texts)
        let expected = try FiguresJSON.dataThroughJSONEncoder(of: value)
        #expect(try FiguresJSON.data(of: value) == expected)
        var pieces: [[UInt8]] = []
        let output = JSONOutput(flushBytes: 5) { pieces.append($0) }
        try Value.writeJSON(value, to: output)
        try output.finish()
        #expect(Data(pieces.joined()) == expected)
    }

    /// A long string goes out in pieces when there is a file to flush to: the pieces join to the same bytes, escapes
    /// and multi-byte characters that fall on a piece boundary included.
    @Test func aLongStringIsWrittenInPieces() throws {
        struct Holder: Encodable { let summary: String; let key = "é" }
        let text = String(repeating: "line \"quoted\" \\ é ✓\n\t", count: 300)
        var pieces: [[UInt8]] = []
        let output = JSONOutput(flushBytes: 7) { pieces.append($0) }
        try Value.writeJSON(Holder(summary: text), to: output)
        try output.finish()
        #expect(pieces.count > 100 && pieces.allSatisfy { $0.count < 7 + 64 })
        #expect(Data(pieces.joined()) == (try FiguresJSON.dataThroughJSONEncoder(of: Holder(summary: text))))
    }

    /// A string that hands its pieces over one at a time (`JSONStreamedString`, a checklist's HTML made again on use)
    /// is written as they come, and gives the bytes JSONEncoder writes for the whole string; elsewhere it is the
    /// whole string.
    @Test func aStreamedStringIsWrittenAsItsPiecesComeAndEqualsTheWholeString() throws {
        final class Pieces: JSONStreamedString, @unchecked Sendable {
            let pieces = ["<p class=\"a\">", "", "é\\\n", String(repeating: "✓\t", count: 40), "end"]
            var handed = 0
            func writePieces(_ piece: (String) throws -> Void) throws {
                for text in pieces { handed += 1; try piece(text) }
            }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                try container.encode(pieces.joined())
            }
        }
        struct Holder: Encodable { let before = 1; let html: Pieces; let list: [Pieces] }
        struct Whole: Encodable { let before = 1; let html: String; let list: [String] }
        let streamed = Pieces()
        let whole = Whole(html: streamed.pieces.joined(), list: [streamed.pieces.joined()])
        var written: [[UInt8]] = []
        let output = JSONOutput(flushBytes: 9) { written.append($0) }
        try Value.writeJSON(Holder(html: streamed, list: [streamed]), to: output)
        try output.finish()
        #expect(Data(written.joined()) == (try FiguresJSON.dataThroughJSONEncoder(of: whole)))
        #expect(streamed.handed == 2 * streamed.pieces.count)
        #expect(try FiguresJSON.tree(of: Holder(html: streamed, list: [])).dump == (try FiguresJSON.tree(of: Whole(html: whole.html, list: [])).dump))
    }
}
