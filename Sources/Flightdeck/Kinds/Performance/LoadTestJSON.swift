import Foundation

/// Reads numbers out of a load-test tool's JSON, naming each problem by its JSON path
/// (`metrics["http_req_duration"].values["p(95)"]`) at its line and column.
struct LoadTestJSON {
    /// Where problems go.
    let problems: LoadTestProblems

    /// A tool's JSON file parsed, with the reader of its numbers; nil (the error logged) when it is not JSON.
    static func parse(_ source: SourceFile, log: DiagnosticLog) -> (root: DataNode, json: LoadTestJSON)? {
        do {
            let root = try JSONReader.read(source.text, path: source.path)
            return (root, LoadTestJSON(problems: LoadTestProblems(log: log, path: source.path)))
        } catch {
            log.report(contentsOf: error.diagnostics)
            return nil
        }
    }

    /// `parent.key` or `parent["key"]`, as a JSON path is written.
    static func path(_ parent: String, _ key: String) -> String {
        let plain = !key.isEmpty && key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        let step = plain ? ".\(key)" : "[\"\(key.replacingOccurrences(of: "\"", with: "\\\""))\"]"
        return parent.isEmpty && plain ? key : parent + step
    }

    /// A number at `path`: a JSON number, or text holding one (older Gatling writes "123"); "-" and null
    /// are absent. Anything else is reported. `required` reports a missing value too.
    func number(_ node: DataNode?, _ path: String, required: Bool = false, at parent: DataNode? = nil) -> Double? {
        guard let node else {
            if required { problems.error("missing \(path): expected a number", at: (parent ?? node)?.location ?? .file(problems.path)) }
            return nil
        }
        switch node.kind {
        case .int(let value): return Double(value)
        case .double(let value): return value
        case .null: return nil
        case .string(let text):
            if text == "-" { return nil }
            if let value = Double(text), value.isFinite { return value }
        default: break
        }
        problems.error("\(path) must be a number, found \(node.quoted)", at: node.location)
        return nil
    }

    /// A whole number ≥ 0 at `path` (a count).
    func count(_ node: DataNode?, _ path: String, required: Bool = false, at parent: DataNode? = nil) -> Int? {
        guard let value = number(node, path, required: required, at: parent), let node else { return nil }
        guard value >= 0, value.rounded() == value, value < 1e15 else {
            problems.error("\(path) must be a whole number ≥ 0, found \(node.quoted)", at: node.location)
            return nil
        }
        return Int(value)
    }

    /// The object at `path`, or nil after reporting a value of another type (a missing one is nil unreported).
    func object(_ node: DataNode?, _ path: String) -> DataNode? {
        guard let node else { return nil }
        if node.entries != nil { return node }
        problems.error("\(path) must be an object, found \(node.typeDescription)", at: node.location)
        return nil
    }
}
