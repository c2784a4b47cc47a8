/// The Ingest stage for a release: reads its metadata, its notes and every data kind of the registry; each
/// reader reports its problems to the log.
enum ReleaseIngester {
    /// Reads all data kinds of one release; `keepLinks` as in `MarkdownRenderer.parse`.
    static func ingest(_ source: ReleaseSource, config: SiteConfig, keepLinks: Bool, log: DiagnosticLog) -> ReleaseData {
        var data = ReleaseData(release: ReleaseReader.read(source, log: log))
        data.notes = source.file(named: "notes.md").flatMap {
            // Notes are a page of their own under the title "Release notes": their `#` title goes, their `##` stay h2.
            PageReader.read($0, unsafeHTML: config.markdownUnsafeHTML, nested: true, demote: false, ids: .releaseNotes,
                            keepLinks: keepLinks, log: log)
        }
        let context = ReadContext(config: config, keepLinks: keepLinks, log: log)
        for kind in Registry.kinds {
            read(kind, from: source, in: context, into: &data)
        }
        let taken = ReleaseInputs.taken(source, data: data)
        ReleaseInputs.warnUnknown(source, taken: taken, log: log)
        if Registry.kinds.contains(where: { needsInputDigest($0, data) }) {
            do {
                data.inputs = try ReleaseInputs.hashed(source, data: data, taken: taken)
            } catch {
                log.report(contentsOf: error.diagnostics)
            }
        }
        return data
    }

    private static func read<Kind: EvidenceKind>(_ kind: Kind.Type, from source: ReleaseSource, in context: ReadContext,
                                                 into data: inout ReleaseData) {
        data[kind] = Kind.read(source, in: context)
    }

    private static func needsInputDigest<Kind: EvidenceKind>(_ kind: Kind.Type, _ data: ReleaseData) -> Bool {
        data[kind].map(Kind.needsInputDigest) ?? false
    }
}
