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

    @Test func wholeDoublesReadAsIntegersAsInJSON() throws {
        struct Figures: Encodable { let rate: Double; let count: Int; let ratio: Double; let startedAt: Date }
        let value = Figures(rate: 1.0, count: 3, ratio: 0.95, startedAt: Date(timeIntervalSince1970: 1_700_000_000))
        #expect(shape(try FiguresJSON.tree(of: value)) == shape(try FiguresJSON.treeThroughJSON(of: value)))
        let tree = shape(try FiguresJSON.tree(of: value))
        #expect(tree == #"{count: int 3, rate: int 1, ratio: double 0.95, started_at: string "2023-11-14T22:13:20Z"}"#, "\(tree)")
    }
}
