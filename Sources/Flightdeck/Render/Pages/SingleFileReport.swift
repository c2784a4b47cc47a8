import FlightdeckTemplates
import Foundation

/// A release's single-file report (`releases/<id>/report.html`, `flightdeck build --single-file`): its overview
/// and every detail page as sections of one self-contained HTML document.
///
/// It is made from the release's rendered pages, so it shows exactly what they show: each page's `<main>`,
/// without its breadcrumbs and local navigation, becomes a `<section>` whose id is the page's path in the release
/// (`overview`, `tests`, `incidents-INC-1`, `checklist`). Every id of a page is prefixed with its section's id
/// (`tests--suite-api`), so the pages' ids cannot clash; links between the release's pages become in-file
/// anchors; links to the rest of the site become absolute under an absolute http(s) base URL, else plain text;
/// images, stylesheets and scripts outside the file are dropped (an image is replaced by its alt text). The theme's
/// CSS is inlined in one `<style>` that the file's Content-Security-Policy allows by its SHA-256, and nothing
/// else may load: the file never fetches anything.
enum SingleFileReport {
    /// The file name beside the release's overview; no page of a release is named so (kinds' own pages are
    /// `<kind id>.html`, and no kind has the id `report`).
    static let fileName = "report.html"
    /// The `template` of its `ReleasePage`: it is composed from the other pages, not rendered from a template.
    static let template = "report.html"

    /// One rendered page of the release.
    struct Page: Sendable {
        let page: ReleasePage
        let html: RenderedPage
    }

    /// What the document says around the pages.
    struct Frame: Sendable {
        var siteTitle: String
        var releaseTitle: String
        var language: String
        /// The base URL links to the rest of the site are made absolute under (only an absolute http(s) one is used).
        var baseURL: String
        /// The theme's CSS, inlined.
        var css: String
    }

    /// The CSS added for the single file: section breaks and open folds when printed.
    static let printCSS = """
    .single-toc ol { columns: 2; }
    .single-page { border-top: 1px solid currentColor; margin-top: 2rem; padding-top: 1rem; }
    @media print {
      .single-toc, .skip { display: none; }
      .single-page { border-top: none; break-before: page; }
      .single-page:first-of-type { break-before: auto; }
      details::details-content { content-visibility: visible; display: contents; }
      details > summary { list-style: none; }
      a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.8em; }
      svg, table, figure { break-inside: avoid; }
    }
    """

    /// The section id of a release page: its path below the release's folder without `index.html`/`.html`, `/` as `-`.
    static func sectionID(_ page: ReleasePage, release base: String) -> String {
        guard page.kind != "release" else { return "overview" }
        var path = page.url.hasPrefix(base) ? String(page.url.dropFirst(base.count)) : page.url
        if path.hasSuffix("/index.html") { path.removeLast("/index.html".count) } else if path.hasSuffix(".html") { path.removeLast(".html".count) }
        let id = path.replacingOccurrences(of: "/", with: "-")
        return id.isEmpty || id == "overview" ? "page-" + id : id
    }

    /// The whole document, deterministic for the same pages and frame, handed to `piece` in pieces of about
    /// `OutputFile.pieceBytes` as it is composed: the build writes it straight into its file, so it is never whole in
    /// memory beside the pages it is made of.
    static func write<Failure: Error>(_ pages: [Page], releaseBase base: String, frame: Frame,
                                      to piece: ([UInt8]) throws(Failure) -> Void) throws(Failure) {
        let shown = pages.filter { $0.page.kind != "summary" && $0.page.template != template }
        var sections: [String: String] = [:]
        for page in shown { sections[page.page.url] = sectionID(page.page, release: base) }
        let css = frame.css + "\n" + printCSS + "\n"
        let hash = Data(Array(css.utf8).withUnsafeBytes { SHA256.digest($0) }).base64EncodedString()
        var out = "<!DOCTYPE html>\n<html lang=\"\(escape(frame.language))\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-\(hash)'; img-src data:; base-uri 'none'; form-action 'none'\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(escape(frame.releaseTitle)) · \(escape(frame.siteTitle))</title>\n<meta name=\"generator\" content=\"Flightdeck\">\n"
        out += "<style>" + css + "</style>\n</head>\n<body class=\"kind-single\">\n<a class=\"skip\" href=\"#overview\">Skip to content</a>\n"
        out += "<header class=\"site-header\"><p class=\"brand\">\(escape(frame.siteTitle))</p></header>\n"
        out += "<nav class=\"single-toc\" aria-label=\"Pages of this report\">\n<ol>\n"
        for page in shown {
            out += "  <li><a href=\"#\(escape(sections[page.page.url] ?? ""))\">\(escape(page.page.label))</a></li>\n"
        }
        out += "</ol>\n</nav>\n<main id=\"main\">\n"
        // The pages go in as bytes, rewritten straight into the pieces: a release's pages can hold megabytes of
        // table rows or release notes, and each copy of them counts.
        var buffer: [UInt8] = []
        buffer.reserveCapacity(OutputFile.pieceBytes)
        // The first error of `piece` ends the document; the byte-level closures below cannot throw it themselves.
        var failure: Failure?
        func flush() {
            guard failure == nil, !buffer.isEmpty else { return }
            do throws(Failure) { try piece(buffer) } catch { failure = error }
            buffer.removeAll(keepingCapacity: true)
        }
        func gather(_ bytes: UnsafeBufferPointer<UInt8>) {
            var at = 0
            while at < bytes.count, failure == nil {
                let end = min(bytes.count, at + OutputFile.pieceBytes - buffer.count)
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[at..<end]))
                at = end
                if buffer.count >= OutputFile.pieceBytes { flush() }
            }
        }
        func gather(_ text: String) {
            var text = text
            text.withUTF8 { gather($0) }
        }
        for page in shown {
            let id = sections[page.page.url] ?? ""
            var rewriter = Rewriter(pageURL: page.page.url, section: id, sections: sections, baseURL: absoluteBase(frame.baseURL))
            out += "<section id=\"\(escape(id))\" class=\"single-page\" aria-label=\"\(escape(page.page.label))\">\n"
            gather(out)
            out = ""
            // The page's own markup is searched for its `<main>` (and the navigation it leaves out); the long markup
            // it printed (its splices, one marker byte each there) is rewritten where it goes, read where it is kept.
            page.html.withMarkedText { marked in
                for segment in contentSegments(page.html, marked: marked) where failure == nil {
                    switch segment {
                    case .text(let range):
                        rewriter.rewrite(buffer: UnsafeBufferPointer(rebasing: marked[range])) { gather($0) }
                    case .splice(let index, let range):
                        var markup = page.html.splices[index].markup
                        markup.withUTF8 { utf8 in rewriter.rewrite(buffer: UnsafeBufferPointer(rebasing: utf8[range])) { gather($0) } }
                    }
                }
            }
            if let failure { throw failure }
            out += "\n</section>\n"
        }
        out += "</main>\n<footer class=\"site-footer\"><p>Single-file report generated by Flightdeck.</p></footer>\n</body>\n</html>\n"
        gather(out)
        flush()
        if let failure { throw failure }
    }

    /// A piece of a page's content: bytes of its marked text, or bytes of one of its splices' markup.
    enum ContentSegment: Equatable {
        case text(Range<Int>)
        case splice(Int, Range<Int>)
    }

    /// The page's main content (`mainContentParts` of its marked text) in order, each splice's markup at its
    /// marker, and the whitespace at either end of the whole trimmed across them: for a page without splices,
    /// exactly its `mainContentParts`.
    static func contentSegments(_ page: RenderedPage, marked: UnsafeBufferPointer<UInt8>) -> [ContentSegment] {
        let parts = mainContentParts(marked)
        guard !page.splices.isEmpty else { return parts.map { .text($0) } }
        let markers = Bytes.all(RenderedPage.marker, in: marked)
        var segments: [ContentSegment] = []
        var next = 0
        for part in parts {
            while next < markers.count, markers[next] < part.lowerBound { next += 1 }
            var at = part.lowerBound
            while next < markers.count, markers[next] < part.upperBound {
                if markers[next] > at { segments.append(.text(at..<markers[next])) }
                segments.append(.splice(next, 0..<page.splices[next].markup.utf8.count))
                at = markers[next] + 1
                next += 1
            }
            if at < part.upperBound { segments.append(.text(at..<part.upperBound)) }
        }
        /// The segment without the whitespace at its start (or end), nil when it is all whitespace.
        func trimmed(_ segment: ContentSegment, fromStart: Bool) -> ContentSegment? {
            func trim(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int>? {
                if fromStart {
                    return bytes[range].firstIndex { !Bytes.isSpace($0) }.map { $0..<range.upperBound }
                }
                return bytes[range].lastIndex { !Bytes.isSpace($0) }.map { range.lowerBound..<($0 + 1) }
            }
            switch segment {
            case .text(let range):
                return trim(marked, range).map { .text($0) }
            case .splice(let index, let range):
                var markup = page.splices[index].markup
                return markup.withUTF8 { trim($0, range) }.map { .splice(index, $0) }
            }
        }
        while let first = segments.first {
            guard let kept = trimmed(first, fromStart: true) else { segments.removeFirst(); continue }
            segments[0] = kept
            break
        }
        while let last = segments.last {
            guard let kept = trimmed(last, fromStart: false) else { segments.removeLast(); continue }
            segments[segments.count - 1] = kept
            break
        }
        return segments
    }

    /// The base URL when it is absolute http(s), with a trailing `/`.
    static func absoluteBase(_ url: String) -> String? {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
        return url.hasSuffix("/") ? url : url + "/"
    }

    /// What is inside a page's `<main>` (the whole `<body>` for a theme without one), without the release's
    /// breadcrumbs and local navigation.
    static func mainContent(_ html: String) -> String {
        String(decoding: mainContent(bytes: Array(html.utf8)), as: UTF8.self)
    }

    /// `mainContent` on UTF-8 bytes, in time linear in their length.
    static func mainContent(bytes html: [UInt8]) -> [UInt8] {
        html.withUnsafeBufferPointer { buffer in mainContentParts(buffer).flatMap { Array(buffer[$0]) } }
    }

    /// Where `mainContent`'s bytes are in the page's: the parts between the navigation blocks it leaves out, in
    /// order, without the whitespace at either end. The single-file report rewrites them from the page's own
    /// bytes, so a page of many megabytes is not copied out first.
    static func mainContentParts(_ html: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        guard let inner = inside("main", of: html) ?? inside("body", of: html) else { return [] }
        var cuts: [Range<Int>] = []
        for marker in ["<nav class=\"breadcrumbs\"", "<nav class=\"release-nav\""] {
            var from = inner.lowerBound
            while let start = Bytes.find(Array(marker.utf8), in: html, from: from), start < inner.upperBound,
                  let end = Bytes.find(Array("</nav>".utf8), in: html, from: start), end + 6 <= inner.upperBound {
                cuts.append(start..<(end + 6))
                from = end + 6
            }
        }
        cuts.sort { $0.lowerBound < $1.lowerBound }
        var parts: [Range<Int>] = []
        var at = inner.lowerBound
        for cut in cuts where cut.lowerBound >= at {
            parts.append(at..<cut.lowerBound)
            at = cut.upperBound
        }
        parts.append(at..<inner.upperBound)
        // Whitespace at the ends of the whole, across parts.
        while let first = parts.first {
            let start = html[first].firstIndex { !Bytes.isSpace($0) }
            guard let start else { parts.removeFirst(); continue }
            parts[0] = start..<first.upperBound
            break
        }
        while let last = parts.last {
            let end = html[last].lastIndex { !Bytes.isSpace($0) }
            guard let end else { parts.removeLast(); continue }
            parts[parts.count - 1] = last.lowerBound..<(end + 1)
            break
        }
        return parts.filter { !$0.isEmpty }
    }

    /// The bytes between the first `<name>` (or `<name ...>`) and the last `</name>`, or nil.
    private static func inside(_ name: String, of html: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let open: Int
        if let start = Bytes.find(Array("<\(name)>".utf8), in: html, from: 0) {
            open = start + name.utf8.count + 2
        } else if let start = Bytes.find(Array("<\(name) ".utf8), in: html, from: 0),
                  let end = Bytes.find([UInt8(ascii: ">")], in: html, from: start) {
            open = end + 1
        } else {
            return nil
        }
        guard let close = Bytes.findLast(Array("</\(name)>".utf8), in: html), open <= close else { return nil }
        return open..<close
    }

    /// Byte searches, linear and fast whatever the build's optimisation (`memchr` finds each candidate).
    enum Bytes {
        /// The first index at or after `start` where `pattern` begins, or nil.
        static func find(_ pattern: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
            guard let first = pattern.first, start >= 0, start < buffer.count, let base = buffer.baseAddress else { return nil }
            var from = start
            while from + pattern.count <= buffer.count, let found = memchr(base + from, Int32(first), buffer.count - from) {
                let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                if index + pattern.count <= buffer.count, (0..<pattern.count).allSatisfy({ buffer[index + $0] == pattern[$0] }) { return index }
                from = index + 1
            }
            return nil
        }

        /// Every index where `byte` is, in order.
        static func all(_ byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>) -> [Int] {
            var found: [Int] = []
            var from = 0
            while let index = find([byte], in: buffer, from: from) {
                found.append(index)
                from = index + 1
            }
            return found
        }

        /// Whether a byte is HTML's ASCII whitespace (space, tab, line feed, carriage return, form feed).
        static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }

        /// The last index where `pattern` begins, or nil.
        static func findLast(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
            var index = bytes.count - pattern.count
            while index >= 0 {
                if bytes[index] == pattern[0], (0..<pattern.count).allSatisfy({ bytes[index + $0] == pattern[$0] }) { return index }
                index -= 1
            }
            return nil
        }
    }

    /// The text with `&`, `<`, `>`, `"` and `'` escaped, for text and attribute values (as the templates escape).
    static func escape(_ text: String) -> String { HTML.escaped(text) }

    /// Rewrites the ids and URLs of one page's content for its section.
    struct Rewriter {
        let pageURL: String
        let section: String
        /// Section id by page URL, for every page in the file.
        let sections: [String: String]
        let baseURL: String?
        /// Open `<a>` tags, whether each was unwrapped to a `<span>`.
        private var anchors: [Bool] = []
        /// The buffer `rewrite(buffer:emit:)` gathers its pieces in, kept for the next call.
        private var scratch: [UInt8] = []

        init(pageURL: String, section: String, sections: [String: String], baseURL: String?) {
            self.pageURL = pageURL
            self.section = section
            self.sections = sections
            self.baseURL = baseURL
        }

        private static let idAttributes: Set<String> = ["id", "for", "headers", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "list", "form"]
        private static let dropped: Set<String> = ["link", "script", "base", "iframe", "object", "embed"]
        /// Attributes that load or send something (or need what the policy forbids), dropped with event handlers.
        private static let droppedAttributes: Set<String> = ["srcset", "style", "download", "action", "formaction", "poster", "background", "ping", "data"]

        /// The page's content with its tags rewritten, in one pass over its UTF-8 bytes (linear in its size).
        mutating func rewrite(_ html: String) -> String {
            String(decoding: rewrite(bytes: Array(html.utf8)), as: UTF8.self)
        }

        private static let lessThan: [UInt8] = [UInt8(ascii: "<")]
        private static let commentStart: [UInt8] = Array("<!--".utf8)
        private static let commentEnd: [UInt8] = Array("-->".utf8)

        /// `rewrite` on UTF-8 bytes.
        mutating func rewrite(bytes: [UInt8]) -> [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8)
            bytes.withUnsafeBufferPointer { rewrite(buffer: $0) { out.append(contentsOf: $0) } }
            return out
        }

        /// About how many bytes `rewrite(buffer:emit:)` gathers before it hands them on.
        static let pieceBytes = 1 << 16

        /// `rewrite` on UTF-8 bytes, handed to `emit` in pieces of about `pieceBytes` (gathered in a small buffer:
        /// a `Data` appended to tag by tag is several times slower); a long run of text goes to `emit` as it is,
        /// never copied into the buffer.
        mutating func rewrite(buffer bytes: UnsafeBufferPointer<UInt8>, emit: (UnsafeBufferPointer<UInt8>) -> Void) {
            var out = scratch
            out.removeAll(keepingCapacity: true)
            func flush() {
                out.withUnsafeBufferPointer { emit($0) }
                out.removeAll(keepingCapacity: true)
            }
            func text(_ run: Slice<UnsafeBufferPointer<UInt8>>) {
                if run.count >= Self.pieceBytes {
                    flush()
                    emit(UnsafeBufferPointer(rebasing: run))
                } else {
                    out.append(contentsOf: run)
                }
            }
            defer {
                flush()
                scratch = out
            }
            var at = 0
            while let lt = Self.find(Self.lessThan, in: bytes, from: at) {
                if out.count >= Self.pieceBytes { flush() }
                text(bytes[at..<lt])
                at = lt
                if Self.matches(Self.commentStart, in: bytes, at: lt) {
                    // Comments are dropped.
                    at = Self.find(Self.commentEnd, in: bytes, from: lt + 4).map { $0 + 3 } ?? bytes.count
                    continue
                }
                guard let gt = Self.tagEnd(bytes, from: lt) else { break }
                at = gt + 1
                if Self.keptAsWritten(bytes[lt...gt]) { out.append(contentsOf: bytes[lt...gt]); continue }
                let tagBytes = bytes[lt...gt]
                if tagBytes.count > 1, tagBytes[tagBytes.startIndex + 1] == UInt8(ascii: "/") {
                    let name = String(decoding: tagBytes.dropFirst(2).prefix(while: { ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 >= 0x80 }), as: UTF8.self).lowercased()
                    if name == "a", let unwrapped = anchors.popLast() { out.append(contentsOf: (unwrapped ? "</span>" : "</a>").utf8); continue }
                    if Self.dropped.contains(name) { continue }
                    out.append(contentsOf: tagBytes)
                    continue
                }
                guard let parsed = Tag(bytes: tagBytes) else { out.append(contentsOf: tagBytes); continue }
                if parsed.name == "script" || parsed.name == "style" {
                    // Raw text up to its end tag is dropped with it (the theme's own CSS is inline already).
                    if let end = Self.find(Array("</\(parsed.name)>".utf8), in: bytes, from: at, caseInsensitive: true) {
                        at = end + parsed.name.utf8.count + 3
                    }
                    continue
                }
                if Self.dropped.contains(parsed.name) { continue }
                out.append(contentsOf: rewritten(parsed).utf8)
            }
            text(bytes[at...])
        }

        /// Whether a tag needs no rewriting, so it is copied as written: a start or end tag whose name is none that
        /// is dropped, unwrapped or has raw text, with no attribute that `rewritten` changes or drops (ids and the
        /// attributes that refer to them, `href`, `src`, `on…` handlers, `style`, …, whatever the case) and no
        /// `url(#` in its values. Most tags of a long table or chart are so (`<td class="num">`,
        /// `<line stroke-width="1">`). One pass over the tag, without allocating.
        private static func keptAsWritten(_ tag: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
            var at = tag.startIndex + 1
            if at < tag.endIndex, tag[at] == UInt8(ascii: "/") { at += 1 }
            let nameStart = at
            while at < tag.endIndex, isNameByte(tag[at]) { at += 1 }
            guard at > nameStart, !keptNameExceptions.contains(where: { equalsLowercased(tag[nameStart..<at], $0) }) else { return false }
            var expectingValue = false
            while at < tag.endIndex {
                let byte = tag[at]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    // A quoted value (or a stray quote): kept unless it holds `url(#`.
                    let close = tag[(at + 1)...].firstIndex(of: byte) ?? tag.endIndex
                    if containsURLReference(tag[(at + 1)..<close]) { return false }
                    at = close + 1
                    expectingValue = false
                } else if byte == UInt8(ascii: "=") {
                    expectingValue = true
                    at += 1
                } else if Bytes.isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") {
                    at += 1
                } else if expectingValue {
                    // An unquoted value.
                    let start = at
                    while at < tag.endIndex, !Bytes.isSpace(tag[at]), tag[at] != UInt8(ascii: ">") { at += 1 }
                    if containsURLReference(tag[start..<at]) { return false }
                    expectingValue = false
                } else {
                    // An attribute's name.
                    let start = at
                    while at < tag.endIndex, !Bytes.isSpace(tag[at]), tag[at] != UInt8(ascii: "="), tag[at] != UInt8(ascii: ">"), tag[at] != UInt8(ascii: "/") { at += 1 }
                    if isRewrittenAttribute(tag[start..<at]) { return false }
                }
            }
            return true
        }

        private static func isNameByte(_ byte: UInt8) -> Bool {
            let lower = byte | 0x20
            return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte >= 0x80
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "_")
        }

        /// Whether `bytes`, ASCII letters lower-cased, equal `lower`.
        private static func equalsLowercased(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ lower: [UInt8]) -> Bool {
            guard bytes.count == lower.count else { return false }
            var index = bytes.startIndex
            for expected in lower {
                let byte = bytes[index]
                if (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte) != expected { return false }
                index += 1
            }
            return true
        }

        /// Whether an attribute (named as written) is one `rewritten` changes or drops.
        private static func isRewrittenAttribute(_ name: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
            if name.count >= 2, name[name.startIndex] | 0x20 == UInt8(ascii: "o"), name[name.startIndex + 1] | 0x20 == UInt8(ascii: "n") { return true }
            return rewrittenAttributeNames.contains { equalsLowercased(name, $0) }
        }

        /// Whether a value holds `url(#` (a reference to an id, which gets the section's prefix).
        private static func containsURLReference(_ value: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
            guard value.count >= 5 else { return false }
            var index = value.startIndex
            while index + 5 <= value.endIndex {
                if value[index] == UInt8(ascii: "u"), value[index + 1] == UInt8(ascii: "r"), value[index + 2] == UInt8(ascii: "l"),
                   value[index + 3] == UInt8(ascii: "("), value[index + 4] == UInt8(ascii: "#") { return true }
                index += 1
            }
            return false
        }

        /// Tag names `keptAsWritten` never passes: anchors (unwrapped or not), raw-text elements and dropped ones.
        private static let keptNameExceptions: [[UInt8]] = (["a", "script", "style"] + Array(dropped)).map { Array($0.utf8) }

        /// The attributes `rewritten` changes or drops (besides `on…` handlers), lower-cased.
        private static let rewrittenAttributeNames: [[UInt8]] = (Array(idAttributes) + Array(droppedAttributes)
            + ["href", "src", "xlink:href"]).map { Array($0.utf8) }

        /// Whether the bytes at `index` are `pattern`, ASCII letters compared without case when asked.
        private static func matches(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at index: Int, caseInsensitive: Bool = false) -> Bool {
            guard index + pattern.count <= bytes.count else { return false }
            for offset in 0..<pattern.count {
                var byte = bytes[index + offset]
                if caseInsensitive, byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { byte += 32 }
                if byte != pattern[offset] { return false }
            }
            return true
        }

        /// The first index at or after `start` where `pattern` (lowercase when `caseInsensitive`) begins, or nil.
        private static func find(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int, caseInsensitive: Bool = false) -> Int? {
            guard let first = pattern.first, start < bytes.count else { return nil }
            if !caseInsensitive { return Bytes.find(pattern, in: bytes, from: start) }
            var index = start
            while index + pattern.count <= bytes.count {
                let byte = bytes[index]
                if byte == first || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") && byte + 32 == first),
                   matches(pattern, in: bytes, at: index, caseInsensitive: true) {
                    return index
                }
                index += 1
            }
            return nil
        }

        /// The index of the `>` closing the tag that starts at `start`, outside quoted values.
        private static func tagEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
            var quote: UInt8?
            var index = start + 1
            while index < bytes.count {
                let byte = bytes[index]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    return index
                }
                index += 1
            }
            return nil
        }

        private mutating func rewritten(_ tag: Tag) -> String {
            var attributes: [(String, String?)] = []
            var unwrap = false
            var replacement: String?
            for (written, value) in tag.attributes {
                let name = written.lowercased()
                guard let value else { attributes.append((written, nil)); continue }
                if Self.idAttributes.contains(name) {
                    attributes.append((written, value.split(separator: " ", omittingEmptySubsequences: true).map { prefixed(String($0)) }.joined(separator: " ")))
                } else if name == "href" || name == "xlink:href" || name == "src" {
                    if let url = resolved(value, image: name == "src") {
                        attributes.append((written, url))
                    } else if tag.name == "a" {
                        unwrap = true
                    } else if tag.name == "img" {
                        replacement = "<span class=\"image-alt\">" + escape(tag.value("alt") ?? "") + "</span>"
                    }
                } else if Self.droppedAttributes.contains(name) || name.hasPrefix("on") {
                    continue
                } else if value.contains("url(#") {
                    attributes.append((written, value.replacingOccurrences(of: "url(#", with: "url(#" + section + "--")))
                } else {
                    attributes.append((written, value))
                }
            }
            if let replacement { return replacement }
            if tag.name == "a", !tag.selfClosing { anchors.append(unwrap) }
            let name = unwrap ? "span" : tag.originalName
            var out = "<" + name
            for (attribute, value) in attributes {
                if unwrap, ["href", "rel", "hreflang", "target", "type"].contains(attribute.lowercased()) { continue }
                out += " " + attribute
                if let value { out += "=\"" + escape(value) + "\"" }
            }
            return out + (tag.selfClosing ? "/>" : ">")
        }

        private func prefixed(_ id: String) -> String { section + "--" + id }

        /// Where a URL of the page leads in the file: an anchor, an absolute URL the user wrote or under the base
        /// URL, a `data:` image; nil when it leads out of the file and cannot be kept.
        func resolved(_ url: String, image: Bool) -> String? {
            if url.hasPrefix("#") {
                let fragment = String(url.dropFirst())
                return fragment.isEmpty || fragment == "top" ? "#" + section : "#" + prefixed(fragment)
            }
            let lower = url.lowercased()
            if lower.hasPrefix("data:") { return image ? url : nil }
            if !image, lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") { return url }
            if lower.hasPrefix("//") || Self.hasScheme(url) { return nil }
            var path = url
            var fragment: String?
            if let hash = path.firstIndex(of: "#") { fragment = String(path[path.index(after: hash)...]); path = String(path[..<hash]) }
            if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
            guard let target = Self.resolve(path, against: pageURL) else { return nil }
            if !image, let id = sections[target] {
                guard let fragment, !fragment.isEmpty, fragment != "top" else { return "#" + id }
                return "#" + id + "--" + fragment
            }
            guard !image, let baseURL else { return nil }
            return baseURL + target + (fragment.map { "#" + $0 } ?? "")
        }

        /// Whether a URL starts with a scheme (`javascript:`, `ftp:`): letters, digits, `+`, `-` or `.` before a `:`.
        static func hasScheme(_ url: String) -> Bool {
            guard let colon = url.firstIndex(of: ":"), let first = url.first, first.isASCII, first.isLetter else { return false }
            return url[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
        }

        /// A relative (or `/`-rooted) path resolved against a page's URL from the site root; a folder becomes its
        /// `index.html`; nil when it climbs above the root.
        static func resolve(_ path: String, against page: String) -> String? {
            var parts: [Substring] = path.hasPrefix("/") ? [] : page.split(separator: "/", omittingEmptySubsequences: false).dropLast()
            if path.isEmpty { return page }
            let pieces = path.split(separator: "/", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                switch piece {
                case "", ".": if index == pieces.count - 1 { parts.append("index.html") }
                case "..":
                    guard !parts.isEmpty else { return nil }
                    parts.removeLast()
                    if index == pieces.count - 1 { parts.append("index.html") }
                default: parts.append(piece)
                }
            }
            return parts.filter { !$0.isEmpty }.joined(separator: "/")
        }
    }

    /// One start tag, its attributes in order as written (names in their case, values decoded).
    struct Tag {
        let name: String
        let originalName: String
        let attributes: [(String, String?)]
        let selfClosing: Bool

        init?(_ text: String) {
            self.init(bytes: Array(text.utf8)[...])
        }

        /// Parses a start tag's UTF-8 bytes, `<` to `>`.
        init?<Written: RandomAccessCollection<UInt8>>(bytes tag: Written) where Written.Index == Int {
            var end = tag.endIndex - 1
            selfClosing = end > tag.startIndex + 1 && tag[end - 1] == UInt8(ascii: "/")
            if selfClosing { end -= 1 }
            let bytes = Array(tag[(tag.startIndex + 1)..<max(tag.startIndex + 1, end)])
            func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
            var at = 0
            // The name ends at a space or a `/`, as browsers read it (`<g/onload=…>` has an attribute).
            while at < bytes.count, !Bytes.isSpace(bytes[at]), bytes[at] != UInt8(ascii: "/") { at += 1 }
            guard at > 0 else { return nil }
            originalName = string(0..<at)
            name = originalName.lowercased()
            var attributes: [(String, String?)] = []
            while at < bytes.count {
                while at < bytes.count, Bytes.isSpace(bytes[at]) || bytes[at] == UInt8(ascii: "/") { at += 1 }
                guard at < bytes.count else { break }
                let start = at
                while at < bytes.count, !Bytes.isSpace(bytes[at]), bytes[at] != UInt8(ascii: "=") { at += 1 }
                let attribute = string(start..<at)
                while at < bytes.count, Bytes.isSpace(bytes[at]) { at += 1 }
                guard at < bytes.count, bytes[at] == UInt8(ascii: "=") else { attributes.append((attribute, nil)); continue }
                at += 1
                while at < bytes.count, Bytes.isSpace(bytes[at]) { at += 1 }
                let valueRange: Range<Int>
                if at < bytes.count, bytes[at] == UInt8(ascii: "\"") || bytes[at] == UInt8(ascii: "'") {
                    let quote = bytes[at]
                    at += 1
                    let valueStart = at
                    while at < bytes.count, bytes[at] != quote { at += 1 }
                    valueRange = valueStart..<at
                    at += 1
                } else {
                    let valueStart = at
                    while at < bytes.count, !Bytes.isSpace(bytes[at]) { at += 1 }
                    valueRange = valueStart..<at
                }
                let value = string(valueRange)
                attributes.append((attribute, bytes[valueRange].contains(UInt8(ascii: "&")) ? HTML.unescape(value) : value))
            }
            self.attributes = attributes
        }

        func value(_ attribute: String) -> String? {
            attributes.first(where: { $0.0.lowercased() == attribute })?.1 ?? nil
        }
    }
}
