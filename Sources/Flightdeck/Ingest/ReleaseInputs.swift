/// The files of a release folder that Flightdeck reads (its inputs), and warnings for the ones no reader takes.
enum ReleaseInputs {
    /// Every file a reader takes, sorted by path: release.yaml, notes, each data kind's files, and the files
    /// its model names (the CSV files that rollout.yaml or experiments.json name).
    static func taken(_ source: ReleaseSource, data: ReleaseData) -> [ContentFile] {
        let referenced = Set(Registry.kinds.flatMap { referencedFiles($0, in: data) })
        return source.files.filter { isKnown($0, in: source) || referenced.contains($0.path) }
    }

    /// The inputs a sign-off approves, by path relative to the release folder and SHA-256: every file a
    /// reader takes except the sign-offs themselves (signoffs.yaml and its evidence file).
    /// `taken` is `taken(source, data:)`, when the caller has it already.
    static func hashed(_ source: ReleaseSource, data: ReleaseData, taken: [ContentFile]? = nil) throws(DiagnosticError) -> [SignoffEvidence.File] {
        let own = Set(SignoffsKind.fileNames.map { "\(source.folder)/\($0)" })
        var files: [SignoffEvidence.File] = []
        for file in taken ?? self.taken(source, data: data) where !own.contains(file.path) {
            files.append(.init(path: String(file.path.dropFirst(source.folder.count + 1)), sha256: SHA256.hex(try file.readData())))
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Warns about each file in the release folder that no reader takes, naming the closest known file.
    ///
    /// Ignored without a word: `*.example` stubs written by `flightdeck new release` (rename one to use it)
    /// and READMEs (`README`, `README.md`, `README.txt`) that explain a folder. Hidden files never reach
    /// this point: the loader skips them.
    static func warnUnknown(_ source: ReleaseSource, taken: [ContentFile], log: DiagnosticLog) {
        let taken = Set(taken.map(\.path))
        for file in source.files where !taken.contains(file.path) && !isExplanation(file.name) {
            let relative = String(file.path.dropFirst(source.folder.count + 1))
            log.warning("not a known data file" + suggestion(for: relative), at: .file(file.path))
        }
    }

    /// A stub or a README: text for people, not data.
    private static func isExplanation(_ name: String) -> Bool {
        name.hasSuffix(".example") || ["readme", "readme.md", "readme.txt"].contains(name.lowercased())
    }

    /// Whether a file matches one of the names or subfolders the data kinds declare.
    private static func isKnown(_ file: ContentFile, in source: ReleaseSource) -> Bool {
        let relative = file.path.dropFirst(source.folder.count + 1)
        if !relative.contains("/") {
            return Registry.releaseFileNames.contains(String(relative))
                || Registry.kinds.contains { $0.fileNames.contains(String(relative)) }
        }
        return Registry.kinds.contains { kind in
            guard let subfolder = kind.subfolder else { return false }
            return relative.hasPrefix(subfolder.name + "/") && subfolder.extensions.contains(file.fileExtension)
        }
    }

    /// `; did you mean 'performance.json'?`, or what a known subfolder takes.
    private static func suggestion(for relative: String) -> String {
        let parts = relative.split(separator: "/", maxSplits: 1).map(String.init)
        if parts.count == 2 {
            let folders = Registry.kinds.compactMap { $0.subfolder }
            if let folder = folders.first(where: { $0.name == parts[0] }) {
                return "; \(folder.name)/ takes \(folder.extensions.map { "." + $0 }.joined(separator: " and ")) files"
            }
            if let match = Suggestion.closest(to: parts[0], in: folders.map(\.name)) {
                return "; did you mean '\(match)/\(parts[1])'?"
            }
            return ""
        }
        let names = Registry.releaseFileNames + Registry.kinds.flatMap { $0.fileNames }
        return Suggestion.phrase(for: relative, in: names)
    }

    private static func referencedFiles<Kind: EvidenceKind>(_ kind: Kind.Type, in data: ReleaseData) -> [String] {
        data[kind].map(Kind.referencedFiles) ?? []
    }
}
