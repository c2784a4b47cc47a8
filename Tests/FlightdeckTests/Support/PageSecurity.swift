import Foundation
@testable import Flightdeck

/// What a built page says about script: its Content-Security-Policy and its inline scripts.
enum PageSecurity {
    /// The directives of the page's `<meta http-equiv="Content-Security-Policy">` (entities decoded), by name;
    /// nil when the page has none. Several metas are an error in the page, reported as `duplicate`.
    static func policy(of html: String) -> (directives: [String: [String]], offset: Int)? {
        let metas = html.ranges(of: #/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/#)
        guard let first = metas.first, metas.count == 1,
              let match = html[first].firstMatch(of: #/content="([^"]*)"/#) else { return nil }
        let content = String(match.1).replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&#34;", with: "\"")
            .replacingOccurrences(of: "&amp;", with: "&")
        var directives: [String: [String]] = [:]
        for directive in content.split(separator: ";") {
            let words = directive.split(separator: " ").map(String.init)
            if let name = words.first { directives[name] = Array(words.dropFirst()) }
        }
        return (directives, html.distance(from: html.startIndex, to: first.lowerBound))
    }

    /// The text of every `<script>` without a `src`, exactly as the browser hashes it.
    static func inlineScripts(in html: String) -> [String] {
        html.matches(of: #/<script(?<attributes>[^>]*)>(?<body>.*?)</script>/#.dotMatchesNewlines()).compactMap { match in
            match.attributes.contains("src=") ? nil : String(match.body)
        }
    }

    /// The CSP source expression for an inline script: `'sha256-<base64 of its UTF-8 bytes' SHA-256>'`.
    static func hashSource(of script: String) -> String {
        let digest = Array(script.utf8).withUnsafeBytes { SHA256.digest($0) }
        return "'sha256-" + Data(digest).base64EncodedString() + "'"
    }

    /// The offset of the first element the policy must come before (stylesheet, script, style, base).
    static func firstGoverned(in html: String) -> Int? {
        html.firstRange(of: #/<(link rel="stylesheet"|script|style|base)\b/#).map { html.distance(from: html.startIndex, to: $0.lowerBound) }
    }
}
