import Foundation

/// Reads and writes `signoffs.evidence.json`: for each digest a sign-off names, the files and figures it covered.
///
/// ```json
/// {
///   "format_version": 1,
///   "evidence": [
///     {"digest": "sha256:…", "flightdeck": "0.2.0",
///      "files": [{"path": "tests/junit.xml", "sha256": "…"}],
///      "figures": [{"name": "tests.success_rate", "value": "0.975"}]}
///   ]
/// }
/// ```
enum SignoffEvidenceFile {
    /// Whether text is a digest as `flightdeck signoff` writes it: `sha256:` and 64 lower-case hex digits.
    static func isDigest(_ text: String) -> Bool {
        text.hasPrefix("sha256:") && text.utf8.count == 71
            && text.utf8.dropFirst(7).allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// The evidence by digest; problems go to the log. An entry whose files do not hash to its digest is an error.
    static func read(_ source: SourceFile, log: DiagnosticLog) -> [String: SignoffEvidence] {
        let root: DataNode
        do {
            root = try JSONReader.read(source.text, path: source.path)
        } catch {
            log.report(contentsOf: error.diagnostics)
            return [:]
        }
        guard let reader = ObjectReader(root, log: log, what: SignoffEvidence.fileName) else { return [:] }
        if let version = reader.int("format_version", required: true), version != 1, let node = reader.value("format_version") {
            log.error("'format_version' \(version) is not one this Flightdeck reads (1)", at: node.location)
        }
        var result: [String: SignoffEvidence] = [:]
        for node in reader.list("evidence", required: true) ?? [] {
            guard let item = ObjectReader(node, log: log, what: "each evidence entry") else { continue }
            let digest = item.string("digest", required: true)
            let version = item.string("flightdeck", required: true)
            var files: [SignoffEvidence.File] = []
            for fileNode in item.list("files", required: true) ?? [] {
                guard let file = ObjectReader(fileNode, log: log, what: "each file") else { continue }
                if let path = file.string("path", required: true), let sha = file.string("sha256", required: true) {
                    files.append(.init(path: path, sha256: sha))
                }
                file.warnUnknownKeys()
            }
            var figures: [SignoffEvidence.Figure] = []
            for figureNode in item.list("figures") ?? [] {
                guard let figure = ObjectReader(figureNode, log: log, what: "each figure") else { continue }
                if let name = figure.string("name", required: true), let value = figure.string("value", required: true) {
                    figures.append(.init(name: name, value: value))
                }
                figure.warnUnknownKeys()
            }
            item.warnUnknownKeys()
            guard let digest, let version else { continue }
            let evidence = SignoffEvidence(files: files, figures: figures, flightdeck: version)
            guard evidence.digest == digest else {
                log.error("the files listed for \(digest) do not hash to it; the evidence was edited by hand", at: node.location)
                continue
            }
            result[digest] = evidence
        }
        reader.warnUnknownKeys()
        return result
    }

    /// The file's text: the evidence of every digest in `digests`, old ones kept, `added` put in, sorted by digest.
    static func text(keeping digests: Set<String>, from old: [String: SignoffEvidence], adding added: SignoffEvidence) throws(DiagnosticError) -> String {
        var all = old.filter { digests.contains($0.key) }
        all[added.digest] = added
        struct Entry: Encodable {
            let digest: String
            let flightdeck: String
            let files: [SignoffEvidence.File]
            let figures: [SignoffEvidence.Figure]
        }
        struct Document: Encodable {
            let formatVersion = 1
            let evidence: [Entry]
            enum CodingKeys: String, CodingKey { case formatVersion = "format_version", evidence }
        }
        let document = Document(evidence: all.keys.sorted().compactMap { key in
            all[key].map { Entry(digest: key, flightdeck: $0.flightdeck, files: $0.files, figures: $0.figures) }
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
        } catch {
            throw DiagnosticError(.error("cannot encode \(SignoffEvidence.fileName): \(error)", at: nil))
        }
    }
}
