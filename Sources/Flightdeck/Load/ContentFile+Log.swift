import Foundation

extension ContentFile {
    /// The file's text, or nil with the problem (too large, unreadable, not UTF-8) reported to the log.
    ///
    /// `limit` (by default the one `InputLimits` sets for the file's extension) guards against files that would
    /// not fit in memory once parsed into located nodes; it is checked before the file is read.
    package func readText(log: DiagnosticLog, limit: Int? = nil) -> SourceFile? {
        do {
            return try readText(limit: limit)
        } catch {
            log.report(contentsOf: error.diagnostics)
            return nil
        }
    }
}
