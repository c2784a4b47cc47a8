import Foundation

/// A link to outside the site, as `check --links --external` lists it (never fetched).
public struct ExternalLink: Sendable, Hashable {
    /// The page it is on, relative to the output folder.
    public let page: String
    /// The URL as written.
    public let url: String
    /// Where it was written, when it comes from Markdown or is written literally in a template.
    public let source: SourceLocation?
}

/// What the link checker found: one error per broken internal link, and the external links.
struct LinkReport: Sendable {
    var diagnostics: [Diagnostic] = []
    var external: [ExternalLink] = []
}

/// The Check stage of `check --links` and `build --check-links`: reads the rendered site (after Render, before
/// Write) and checks every internal `href`, `src`, `srcset` and `#fragment` against the files and ids the site has.
///
/// A broken link is reported with the page it is on, its target and, where it can be traced, its source: the
/// Markdown file, line and column (`LinkSources.markdown`), or the template that writes it literally; a link
/// a template builds from data is named by the page's template.
struct LinkChecker {
    let files: [OutputFile]
    let sources: LinkSources
    /// `base_url`: an absolute link under it is checked as internal.
    let baseURL: String

    /// Checks every HTML page of `files`.
    func check() throws(DiagnosticError) -> LinkReport {
        var paths = Set<String>()
        var pages: [(path: String, scan: HTMLLinkScanner)] = []
        for file in files {
            paths.insert(file.path)
            guard file.path.hasSuffix(".html") else { continue }
            let data: Data
            do { data = try file.contents() } catch let error as DiagnosticError { throw error } catch {
                throw DiagnosticError(.error("cannot read the rendered page \(file.path) to check its links: \(error.localizedDescription)", at: nil))
            }
            pages.append((file.path, HTMLLinkScanner(Array(data))))
        }
        var ids: [String: Set<String>] = [:]
        for page in pages { ids[page.path] = page.scan.ids }
        var report = LinkReport()
        for page in pages.sorted(by: { $0.path < $1.path }) {
            var tracer = sources.tracer(for: page.path)
            for link in page.scan.links {
                let why: String?
                switch LinkTarget(link.url, from: page.path, baseURL: baseURL) {
                case .external:
                    report.external.append(ExternalLink(page: page.path, url: link.url, source: tracer.source(of: link, broken: false)))
                    continue
                case .unchecked:
                    why = nil
                case .outside:
                    why = "it leads out of the site's folder"
                case .internal(let path, let fragment):
                    why = Self.problem(path: path, fragment: fragment, paths: paths, ids: ids)
                }
                let source = tracer.source(of: link, broken: why != nil)
                if let why { report.diagnostics.append(broken(link, on: page.path, why: why, source: source, template: tracer.template)) }
            }
        }
        return report
    }

    /// What is wrong with a link to `path#fragment`, or nil when it leads somewhere.
    private static func problem(path: String, fragment: String?, paths: Set<String>, ids: [String: Set<String>]) -> String? {
        let target: String
        if paths.contains(path) {
            target = path
        } else if paths.contains(joined(path, "index.html")) {
            target = joined(path, "index.html")
        } else {
            return "the site has no file \(path.isEmpty ? "index.html" : path)"
        }
        guard let fragment, !fragment.isEmpty, fragment.lowercased() != "top", let targetIDs = ids[target],
              !targetIDs.contains(fragment) else { return nil }
        return "\(target) has no element with id '\(fragment)'"
    }

    private func broken(_ link: HTMLLinkScanner.Link, on page: String, why: String, source: SourceLocation?, template: String) -> Diagnostic {
        let what = link.attribute == "href" || link.attribute == "xlink:href" ? "link" : "image source"
        var message = "broken \(what) '\(link.url)' on \(page) (line \(link.line)): \(why)"
        if source == nil { message += "; written by template '\(template)' from data" }
        return .error(message, at: source)
    }

    private static func joined(_ folder: String, _ name: String) -> String {
        folder.isEmpty || folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}

/// Where a URL of a page leads.
enum LinkTarget: Equatable {
    /// Another site, or a scheme such as `mailto:`.
    case external
    /// Nothing to check (an empty URL, a query on the page itself).
    case unchecked
    /// Above the output folder.
    case outside
    /// A file of the site (relative to the output folder, percent-decoded; "" is the root) and a fragment.
    case `internal`(path: String, fragment: String?)

    /// Resolves `url` as written on the page at `page` (a path relative to the output folder).
    init(_ url: String, from page: String, baseURL: String) {
        var url = url
        if !baseURL.isEmpty, url.hasPrefix(baseURL) {
            url = "/" + url.dropFirst(baseURL.count).drop(while: { $0 == "/" })
        } else if Self.hasScheme(url) || url.hasPrefix("//") {
            self = .external
            return
        }
        guard !url.isEmpty else { self = .unchecked; return }
        var fragment: String?
        if let hash = url.firstIndex(of: "#") {
            fragment = String(url[url.index(after: hash)...]).removingPercentEncoding ?? String(url[url.index(after: hash)...])
            url = String(url[..<hash])
        }
        if let question = url.firstIndex(of: "?") { url = String(url[..<question]) }
        var segments: [Substring]
        if url.isEmpty {
            self = .internal(path: page, fragment: fragment)
            return
        } else if url.hasPrefix("/") {
            segments = []
        } else {
            segments = page.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        }
        let parts = url.split(separator: "/", omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
            switch part {
            case ".": continue
            case "..":
                guard !segments.isEmpty else { self = .outside; return }
                segments.removeLast()
            case "" where index < parts.count - 1: continue
            default: segments.append(part)
            }
        }
        let path = segments.joined(separator: "/")
        self = .internal(path: path.removingPercentEncoding ?? path, fragment: fragment)
    }

    /// `scheme:` as RFC 3986 spells it.
    private static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":"), let first = url.first, first.isASCII, first.isLetter else { return false }
        return url[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }
}
