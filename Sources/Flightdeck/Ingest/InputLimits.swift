/// Every limit Flightdeck puts on its input, in one place (docs/formats.md, "Limits", lists each with the error
/// it gives). A limit exceeded is an error at a `file:line:column`, found before the work it guards: a file's size
/// is checked with `stat` before it is read, nesting and alias expansion as the tree is built, columns at the header.
package struct InputLimits: Sendable {
    /// The largest Markdown file (notes, checklist, pages, incident postmortems), in bytes.
    package var markdownBytes = 4 << 20
    /// The longest Markdown text rendered from any source (a file, or a postmortem or note inside a data file).
    package var markdownTextBytes = 8 << 20
    /// The largest YAML file (release.yaml, signoffs.yaml, rollout.yaml, controller objects, flightdeck.yaml).
    package var yamlBytes = 16 << 20
    /// The largest JSON file (test runner JSON, baseline, performance, experiments, incidents, rollout state).
    package var jsonBytes = 64 << 20
    /// The largest CSV file (baseline, performance, experiments, rollout metrics, load-test tables).
    package var csvBytes = 128 << 20
    /// The largest XML file (JUnit, TRX, NUnit 3, JMeter): these are streamed, so the limit is higher.
    package var xmlBytes = 512 << 20
    /// The largest file of any other kind a reader takes.
    package var otherBytes = 64 << 20
    /// The deepest nesting of arrays and objects (JSON) or sequences and mappings (YAML).
    package var nestingDepth = 200
    /// The most nodes a YAML document may gain through aliases (`*name`) to anchors (`&name`); beyond it the
    /// document is refused at the alias that crosses the budget ("billion laughs" stays linear).
    package var yamlAliasNodes = 100_000
    /// The most columns a CSV file's header may have.
    package var csvColumns = 2_000

    /// The most errors, and the most warnings, reported for one file (`DiagnosticLog`); a note says when more were left out.
    package var diagnosticsPerFile = 100

    /// The limits every command uses.
    package static let standard = InputLimits()

    /// The size limit for a file, chosen by its extension.
    package func maxBytes(forExtension fileExtension: String) -> Int {
        switch fileExtension {
        case "md", "markdown": markdownBytes
        case "yaml", "yml": yamlBytes
        case "json": jsonBytes
        case "csv", "jtl": csvBytes
        case "xml", "trx": xmlBytes
        default: otherBytes
        }
    }

    /// The error for a file of `size` bytes over `limit`.
    package static func tooLarge(_ path: String, size: Int, limit: Int) -> Diagnostic {
        .error("file is \(mebibytes(size)) MiB; the limit for this kind of file is \(mebibytes(limit)) MiB"
               + " (aggregate the data, or split it)", at: .file(path))
    }

    /// Whole MiB when exact, else tenths rounded up (so a file just over a limit never reads as equal to it).
    private static func mebibytes(_ bytes: Int) -> String {
        if bytes % (1 << 20) == 0 { return "\(bytes >> 20)" }
        let tenths = (bytes * 10 + (1 << 20) - 1) >> 20
        return "\(tenths / 10).\(tenths % 10)"
    }
}
