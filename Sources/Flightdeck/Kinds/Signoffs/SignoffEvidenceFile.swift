import FlightdeckCore
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
            var signatures: [SignoffEvidence.Signature] = []
            for signatureNode in item.list("signatures") ?? [] {
                guard let signature = ObjectReader(signatureNode, log: log, what: "each signature") else { continue }
                if let role = signature.string("role", required: true), let approver = signature.string("approver", required: true),
                   let decision = signature.string("decision", required: true) {
                    signatures.append(.init(role: role, approver: approver, decision: decision, date: signature.string("date")))
                }
                signature.warnUnknownKeys()
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
            let evidence = SignoffEvidence(files: files, figures: figures, flightdeck: version, signatures: signatures)
            guard evidence.digest == digest else {
                log.error("the files listed for \(digest) do not hash to it; the evidence was edited by hand", at: node.location)
                continue
            }
            result[digest] = evidence
        }
        reader.warnUnknownKeys()
        return result
    }

    /// The file's text: the evidence of every digest the entries of signoffs.yaml name, each with the
    /// signatures of the entries that name it; `added` (the evidence just recorded) put in. Sorted by digest.
    static func text(for entries: [Signoffs.Entry], from old: [String: SignoffEvidence], adding added: SignoffEvidence) throws(DiagnosticError) -> String {
        var all: [String: SignoffEvidence] = [:]
        for entry in entries {
            guard let digest = entry.digest else { continue }
            // The record of this digest: the one just made, else the one kept; its signatures are rebuilt
            // from the entries, so a signature no entry matches any more is dropped.
            guard var record = all[digest] ?? (digest == added.digest ? added : old[digest]) else { continue }
            if all[digest] == nil { record.signatures = [] }
            let signature = SignoffEvidence.Signature(entry)
            let known = (old[digest]?.signatures ?? []) + (digest == added.digest ? added.signatures : [])
            if known.contains(signature), !record.signatures.contains(signature) { record.signatures.append(signature) }
            all[digest] = record
        }
        struct Entry: Encodable {
            let digest: String
            let flightdeck: String
            let files: [SignoffEvidence.File]
            let figures: [SignoffEvidence.Figure]
            let signatures: [SignoffEvidence.Signature]
        }
        struct Document: Encodable {
            let formatVersion = 1
            let evidence: [Entry]
            enum CodingKeys: String, CodingKey { case formatVersion = "format_version", evidence }
        }
        let document = Document(evidence: all.keys.sorted().compactMap { key in
            all[key].map { Entry(digest: key, flightdeck: $0.flightdeck, files: $0.files, figures: $0.figures,
                                 signatures: $0.signatures.sorted { ($0.role, $0.approver) < ($1.role, $1.approver) }) }
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

extension SignoffEvidence.Signature {
    /// The decision an entry of signoffs.yaml records.
    init(_ entry: Signoffs.Entry) {
        self.init(role: entry.role, approver: entry.approver, decision: entry.decision.rawValue,
                  date: entry.date.map(Timestamp.dayString))
    }
}
