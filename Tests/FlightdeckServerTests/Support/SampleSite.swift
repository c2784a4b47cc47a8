import Foundation

/// A small built site with one file of each type the server must label, and the site's own 404 page.
enum SampleSite {
    /// The HTML of the home page.
    static let indexHTML = "<!doctype html>\n<html><head><title>Home</title><link rel=\"stylesheet\" href=\"/style.css\"></head>\n"
        + "<body><h1>Releases</h1>\n" + String(repeating: "<p>A paragraph long enough to be worth compressing.</p>\n", count: 20)
        + "</body></html>\n"

    /// Relative path → contents.
    static let files: [String: String] = [
        "index.html": indexHTML,
        "404.html": "<!doctype html><html><body><h1>No such page</h1></body></html>",
        "releases/2.4/index.html": "<!doctype html><html><body><h1>2.4</h1></body></html>",
        "style.css": "body { color: #222; }\n" + String(repeating: "p { margin: 0 0 1rem; }\n", count: 40),
        "app.js": "console.log('hi');\n",
        "chart.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>t</title></svg>",
        "data.json": "{\"a\": 1}",
        "feed.xml": "<feed/>",
        "logo.png": "\u{89}PNG fake",
        "favicon.ico": "ico",
        "fonts/inter.woff2": "wOF2",
        "robots.txt": "User-agent: *\n",
        "digits.txt": "0123456789",
        "notes.unknownext": "?",
    ]

    /// A fresh copy on disk.
    static func make() throws -> TemporaryFolder {
        try TemporaryFolder(files)
    }
}
