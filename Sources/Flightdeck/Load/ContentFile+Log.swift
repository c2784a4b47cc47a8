extension ContentFile {
    /// The file's text, or nil with the problem (unreadable, not UTF-8) reported to the log.
    package func readText(log: DiagnosticLog) -> SourceFile? {
        do {
            return try readText()
        } catch {
            log.report(contentsOf: error.diagnostics)
            return nil
        }
    }
}
