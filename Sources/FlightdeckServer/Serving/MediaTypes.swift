/// The Content-Type for each file extension a site uses, and which of them are worth compressing.
enum MediaTypes {
    /// What an extension not listed here is served as.
    static let fallback = "application/octet-stream"

    private static let types: [String: (type: String, compressible: Bool)] = [
        "html": ("text/html; charset=utf-8", true),
        "htm": ("text/html; charset=utf-8", true),
        "css": ("text/css; charset=utf-8", true),
        "js": ("text/javascript; charset=utf-8", true),
        "mjs": ("text/javascript; charset=utf-8", true),
        "svg": ("image/svg+xml", true),
        "json": ("application/json", true),
        "xml": ("application/xml", true),
        "txt": ("text/plain; charset=utf-8", true),
        "csv": ("text/csv; charset=utf-8", true),
        "map": ("application/json", true),
        "webmanifest": ("application/manifest+json", true),
        "png": ("image/png", false),
        "jpg": ("image/jpeg", false),
        "jpeg": ("image/jpeg", false),
        "gif": ("image/gif", false),
        "webp": ("image/webp", false),
        "ico": ("image/x-icon", false),
        "woff2": ("font/woff2", false),
        "woff": ("font/woff", false),
        "pdf": ("application/pdf", false),
    ]

    /// The Content-Type for a lowercased extension (`"css"`), or the fallback.
    static func contentType(forExtension ext: String) -> String {
        types[ext]?.type ?? fallback
    }

    /// Whether files with this extension are text worth gzipping.
    static func isCompressible(_ ext: String) -> Bool {
        types[ext]?.compressible ?? false
    }

    /// Whether the extension is HTML, which gets the live-reload script.
    static func isHTML(_ ext: String) -> Bool {
        ext == "html" || ext == "htm"
    }
}
