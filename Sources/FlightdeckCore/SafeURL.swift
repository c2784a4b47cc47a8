/// The one rule for URLs that come from data: which of them may become a link (`href`) or a source (`src`).
///
/// Only `http`, `https`, `mailto` and relative URLs are safe. The scheme is found the way browsers parse an
/// `href` (the WHATWG URL standard): leading and trailing C0 control characters and spaces are trimmed,
/// ASCII tabs and newlines are removed wherever they are (`java\tscript:`), and the scheme is
/// compared case-insensitively (` JaVaScRiPt:`). A scheme is the text before the first `:` when no `/`,
/// `?` or `#` comes before it.
///
/// The rule is stricter than a browser: text before a `:` that a browser would not take as a scheme
/// (`a b:c`, `%6Aavascript:`) still counts as one here, so it is refused rather than read as relative.
/// Everything that ends up as a link in a page goes through it: `release.yaml` links, links and images in
/// Markdown, and the template engine's `url` filter and `safe_url` test.
package enum SafeURL {
    /// The schemes a link may have, lowercase.
    package static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// Whether `url` may become an `href` or `src`: it is relative, or its scheme is http, https or mailto.
    ///
    ///     SafeURL.isSafe("https://example.com/")        // true
    ///     SafeURL.isSafe("../runbook.html#rollback")    // true
    ///     SafeURL.isSafe(" JaVa\tScRiPt:alert(1)")      // false
    package static func isSafe(_ url: String) -> Bool {
        guard let scheme = scheme(of: url) else { return true }
        return allowedSchemes.contains(scheme)
    }

    /// The scheme of `url` as a browser reads it, lowercased (ASCII letters only); nil for a relative URL.
    package static func scheme(of url: String) -> String? {
        var scalars = Substring(url).unicodeScalars[...]
        while let first = scalars.first, isTrimmed(first) { scalars = scalars.dropFirst() }
        var scheme = String.UnicodeScalarView()
        for scalar in scalars {
            switch scalar {
            case ":": return String(scheme)
            case "/", "?", "#": return nil
            case "\t", "\n", "\r": continue
            case "A"..."Z": scheme.append(Unicode.Scalar(UInt8(scalar.value + 0x20)))
            default: scheme.append(scalar)
            }
        }
        return nil
    }

    /// `url` in double quotes for a message: control characters escaped (`\t`, `\u{1}`), at most 80 characters.
    package static func quoted(_ url: String) -> String {
        var text = ""
        for (count, scalar) in url.unicodeScalars.enumerated() {
            if count == 80 {
                text += "..."
                break
            }
            switch scalar {
            case "\t": text += "\\t"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\"", "\\": text += "\\" + String(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    text += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        return "\"" + text + "\""
    }

    /// What browsers trim from both ends of a URL: C0 control characters and the space.
    private static func isTrimmed(_ scalar: Unicode.Scalar) -> Bool { scalar.value <= 0x20 }
}
