import Foundation

extension ContentFile {
    /// The file's text, or nil with the problem (too large, unreadable, not UTF-8) reported to the log.
    ///
    /// `limit` guards against files that would not fit in memory once parsed into located nodes.
    package func readText(log: DiagnosticLog, limit: Int = 64 << 20) -> SourceFile? {
        // lstat, not FileManager.attributesOfItem, which also looks up the owner's user and group names on every call.
        if let size = Folder.size(ofItem: url.path), size > limit {
            log.error("file is \(size >> 20) MiB; the limit for this kind of file is \(limit >> 20) MiB"
                      + " (aggregate the data, or split it)", at: .file(path))
            return nil
        }
        do {
            return try readText()
        } catch {
            log.report(contentsOf: error.diagnostics)
            return nil
        }
    }
}
