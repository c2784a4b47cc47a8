package import Foundation

/// `flightdeck add`: puts files that CI collected (a JUnit report, a k6 summary…) into a release folder
/// under the name and subfolder their data kind reads, recognising each by its content, never its name.
package enum EvidencePlacer {
    /// Where one file went.
    package struct Placement: Sendable, Equatable {
        /// What happened to the destination.
        package enum Outcome: String, Sendable {
            /// It did not exist.
            case added
            /// It held other bytes and `force` allowed replacing them.
            case replaced
            /// It already held these bytes.
            case unchanged
        }

        /// The file as given on the command line.
        package let source: String
        /// Where it went, relative to the site root (`content/releases/2.4/tests/junit.xml`).
        package let destination: String
        /// The format it was recognised as (`junit-xml`) and that format's kind (`tests`).
        package let format: String
        package let kind: String
        package let outcome: Outcome
    }

    /// The ids of the kinds `add` can place files for, for `--kind`.
    package static var kindIDs: [String] {
        Registry.kinds.filter { !$0.formats.isEmpty }.map { $0.id }
    }

    /// Recognises every file, then places them all, or none: any unrecognised file, a destination two files
    /// would share, or an existing different file without `force` is an error and nothing is written.
    ///
    /// - Parameters:
    ///   - files: the files, absolute, each with the text it was given as (for messages).
    ///   - kind: only formats of this kind are considered (`--kind`).
    ///   - create: make the release folder when it does not exist (`--create`).
    ///   - force: replace a different file at a destination (`--force`).
    package static func place(_ files: [(url: URL, given: String)], release: ReleaseID, site root: URL, kind: String? = nil,
                              create: Bool = false, force: Bool = false) throws(DiagnosticError) -> [Placement] {
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("flightdeck.yaml").path) else {
            throw DiagnosticError(.error("no flightdeck.yaml in \(root.path); run 'flightdeck init' first or pass --source DIR", at: nil))
        }
        if !create { try release.requireFolder(in: root) }
        let formats = Registry.formats.filter { kind == nil || $0.kind == kind }
        var problems: [Diagnostic] = []
        var planned: [Planned] = []
        for file in files {
            let data: Data
            do {
                data = try Folder.read(file.url.path)
            } catch {
                problems.append(.error("cannot read file: \(String(cString: strerror(error.code.rawValue)).lowercased())", at: .file(file.given)))
                continue
            }
            let sample = FileSample(data, name: file.url.lastPathComponent)
            let scored = formats.map { (kind: $0.kind, format: $0.format, score: $0.format.recognise(sample)) }
            guard let best = scored.max(by: { $0.score < $1.score }), best.score >= 0.5 else {
                problems.append(.error(refusal(kind: kind, guess: scored.filter { $0.score > 0 }.max(by: { $0.score < $1.score }).map { ($0.kind, $0.format) }),
                                       at: .file(file.given)))
                continue
            }
            let destination = "\(release.folder)/\(best.format.destination(file.url.lastPathComponent))"
            if let other = planned.first(where: { $0.destination == destination }) {
                problems.append(.error("\(other.source) and \(file.given) would both become \(destination); add them in two runs or rename one",
                                       at: .file(file.given)))
                continue
            }
            planned.append(Planned(source: file.given, destination: destination, format: best.format, kind: best.kind, data: data))
        }
        var outcomes: [Placement.Outcome] = []
        for item in planned {
            let target = root.appendingPathComponent(item.destination).path
            let existing: Data?
            do {
                existing = try Folder.read(target)
            } catch {
                guard error.code == .ENOENT else {
                    problems.append(.error("cannot read the file it would replace, \(item.destination): \(String(cString: strerror(error.code.rawValue)).lowercased())", at: .file(item.source)))
                    outcomes.append(.added)
                    continue
                }
                existing = nil
            }
            if existing == nil {
                outcomes.append(.added)
            } else if existing == item.data {
                outcomes.append(.unchanged)
            } else {
                if !force {
                    problems.append(.error("\(item.destination) exists and holds other data; pass --force to replace it", at: .file(item.source)))
                }
                outcomes.append(.replaced)
            }
        }
        guard problems.isEmpty else { throw DiagnosticError(problems) }

        var placements: [Placement] = []
        for (item, outcome) in zip(planned, outcomes) {
            if outcome != .unchanged {
                let target = root.appendingPathComponent(item.destination)
                do {
                    try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                } catch {
                    throw DiagnosticError(.error("cannot create \(target.deletingLastPathComponent().path): \(error.localizedDescription)", at: nil))
                }
                try AtomicFile.replace(target.path, with: item.data)
            }
            placements.append(.init(source: item.source, destination: item.destination, format: item.format.id, kind: item.kind, outcome: outcome))
        }
        return placements
    }

    /// A recognised file and where it goes.
    private struct Planned {
        let source: String
        let destination: String
        let format: DataFormat
        let kind: String
        let data: Data
    }

    /// Why a file was refused: the kinds and formats known, and the closest guess.
    private static func refusal(kind: String?, guess: (kind: String, format: DataFormat)?) -> String {
        let known = Registry.kinds.filter { kind == nil || $0.id == kind }.compactMap { k -> String? in
            k.formats.isEmpty ? nil : "\(k.id) (\(k.formats.map(\.title).joined(separator: "; ")))"
        }
        let scope = kind.map { "a \($0) file" } ?? "a data file"
        let closest = guess.map { "; the closest guess is \($0.format.title) (\($0.kind)), but too little of it matches" } ?? "; nothing comes close"
        return "cannot tell this is \(scope) Flightdeck reads\(closest). Known: \(known.joined(separator: ", ")). "
            + "Pass --kind KIND to narrow the formats, or convert the file to one of these"
    }
}

extension FileSample {
    /// The sample of a file's bytes: its first `limit` bytes as text, a leading BOM dropped.
    init(_ data: Data, name: String) {
        var head = data.prefix(Self.limit)
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head = head.dropFirst(3) }
        self.init(name: name, head: String(decoding: head, as: UTF8.self), size: data.count)
    }
}
