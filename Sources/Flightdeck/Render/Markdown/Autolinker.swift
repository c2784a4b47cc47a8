import CCmark

/// GFM's extended autolinks (`www.…`, `http://…`, `https://…`, `ftp://…` and e-mail addresses) in text nodes,
/// following cmark-gfm's `autolink.c` rules for where a link may start and which trailing punctuation it drops.
enum Autolinker {
    /// Links the URLs and addresses in `document`'s text nodes; returns the links it made.
    static func apply(to document: CmarkDocument) -> Set<OpaquePointer> {
        var candidates: [OpaquePointer] = []
        document.forEachNode { node in
            guard CmarkNode.type(node) == CMARK_NODE_TEXT,
                  CmarkNode.literalContains(node, "@") || CmarkNode.literalContains(node, "://") || CmarkNode.literalContains(node, "www."),
                  !InlineNeighbours.isInsideLink(node) else { return }
            candidates.append(node)
        }
        var made: Set<OpaquePointer> = []
        for node in candidates { link(node, into: &made) }
        return made
    }

    private struct Match { let start: Int, end: Int, url: String }

    private static func link(_ node: OpaquePointer, into made: inout Set<OpaquePointer>) {
        let bytes = Array(CmarkNode.literal(node).utf8)
        let before = InlineNeighbours.before(node)
        var matches: [Match] = []
        var index = 0
        var searchFrom = 0
        var brackets = 0
        while index < bytes.count {
            // cmark-gfm makes no autolink while a `[` is open, even one that never becomes a link.
            if bytes[index] == UInt8(ascii: "[") {
                brackets += 1
                index += 1
            } else if bytes[index] == UInt8(ascii: "]") {
                brackets = max(0, brackets - 1)
                index += 1
            } else if brackets == 0,
                      let match = urlMatch(bytes, at: index, notBefore: searchFrom) ?? wwwMatch(bytes, at: index, before: before) {
                matches.append(match)
                index = match.end
                searchFrom = match.end
            } else {
                index += 1
            }
        }
        // E-mail addresses come from cmark-gfm's post-processing of the text left between links.
        var pieces: [OpaquePointer] = []
        var position = 0
        for match in matches + [Match(start: bytes.count, end: bytes.count, url: "")] {
            pieces += emailPieces(bytes[position..<match.start], made: &made)
            if match.start < match.end, let link = linkNode(url: match.url, text: bytes[match.start..<match.end]) {
                made.insert(link)
                pieces.append(link)
            }
            position = match.end
        }
        guard pieces.contains(where: { CmarkNode.type($0) == CMARK_NODE_LINK }) else {
            pieces.forEach { cmark_node_free($0) }
            return
        }
        InlineNeighbours.replace(node, with: pieces)
    }

    private static func linkNode(url: String, text: ArraySlice<UInt8>) -> OpaquePointer? {
        guard let link = cmark_node_new(CMARK_NODE_LINK) else { return nil }
        cmark_node_set_url(link, url)
        if let child = InlineNeighbours.text(String(decoding: text, as: UTF8.self)) { cmark_node_append_child(link, child) }
        return link
    }

    /// `www.` at a word start (or after `*`, `_`, `~`, `(`), a domain with a dot, then up to whitespace.
    private static func wwwMatch(_ bytes: [UInt8], at start: Int, before: Unicode.Scalar) -> Match? {
        guard bytes.count - start >= 4, bytes[start] == UInt8(ascii: "w"), bytes[start + 1] == UInt8(ascii: "w"),
              bytes[start + 2] == UInt8(ascii: "w"), bytes[start + 3] == UInt8(ascii: ".") else { return nil }
        if start > 0 {
            let previous = bytes[start - 1]
            guard "*_~(".utf8.contains(previous) || isSpace(previous) else { return nil }
        } else {
            guard "*_~(".unicodeScalars.contains(before) || InlineNeighbours.isSpace(before) else { return nil }
        }
        guard let domain = domainLength(bytes, from: start, allowShort: false) else { return nil }
        let end = delimit(bytes[...], start: start, end: runToSpace(bytes, from: start + domain))
        guard end > start else { return nil }
        return Match(start: start, end: end, url: "http://" + String(decoding: bytes[start..<end], as: UTF8.self))
    }

    /// `scheme://` where the scheme is the whole word before the colon: http, https or ftp.
    private static func urlMatch(_ bytes: [UInt8], at colon: Int, notBefore floor: Int) -> Match? {
        guard bytes[colon] == UInt8(ascii: ":"), colon + 3 < bytes.count,
              bytes[colon + 1] == UInt8(ascii: "/"), bytes[colon + 2] == UInt8(ascii: "/") else { return nil }
        var start = colon
        while start > floor, isAlpha(bytes[start - 1]) { start -= 1 }
        let scheme = String(decoding: bytes[start..<colon], as: UTF8.self).lowercased()
        guard ["http", "https", "ftp"].contains(scheme), isHostCharacter(bytes, at: colon + 3),
              let domain = domainLength(bytes, from: colon + 3, allowShort: true) else { return nil }
        let end = delimit(bytes[...], start: start, end: runToSpace(bytes, from: colon + 3 + domain))
        guard end > colon + 3 else { return nil }
        return Match(start: start, end: end, url: String(decoding: bytes[start..<end], as: UTF8.self))
    }

    /// cmark-gfm's `check_domain`: host characters, `-`, `_` and dots; no `_` in the last two labels.
    private static func domainLength(_ bytes: [UInt8], from start: Int, allowShort: Bool) -> Int? {
        let size = bytes.count - start
        var index = 1, dots = 0, underscoresBefore = 0, underscores = 0
        while index < size - 1 {
            let byte = bytes[start + index]
            if byte == UInt8(ascii: "_") {
                underscores += 1
            } else if byte == UInt8(ascii: ".") {
                underscoresBefore = underscores
                underscores = 0
                dots += 1
            } else if !isHostCharacter(bytes, at: start + index), byte != UInt8(ascii: "-") {
                break
            }
            index += 1
        }
        guard underscoresBefore == 0, underscores == 0, allowShort || dots > 0 else { return nil }
        return max(index, 0)
    }

    /// cmark-gfm's `autolink_delim`: stop at `<`, then drop trailing punctuation, entity-like `&x;` and unbalanced `)`.
    private static func delimit(_ bytes: ArraySlice<UInt8>, start: Int, end initialEnd: Int) -> Int {
        var end = bytes[start..<initialEnd].firstIndex(of: UInt8(ascii: "<")) ?? initialEnd
        // Counted once and kept up to date, so a run of `)` costs linear time (cmark-gfm recounts each time).
        var opening = bytes[start..<end].lazy.filter { $0 == UInt8(ascii: "(") }.count
        var closing = bytes[start..<end].lazy.filter { $0 == UInt8(ascii: ")") }.count
        while end > start {
            let last = bytes[end - 1]
            let newEnd: Int
            if "?!.,:*_~'\"".utf8.contains(last) {
                newEnd = end - 1
            } else if last == UInt8(ascii: ";") {
                var entityStart = end - 2
                while entityStart > start, isAlpha(bytes[entityStart]) { entityStart -= 1 }
                newEnd = entityStart >= start && entityStart < end - 2 && bytes[entityStart] == UInt8(ascii: "&") ? entityStart : end - 1
            } else if last == UInt8(ascii: ")"), closing > opening {
                newEnd = end - 1
            } else {
                break
            }
            for byte in bytes[newEnd..<end] {
                if byte == UInt8(ascii: "(") { opening -= 1 } else if byte == UInt8(ascii: ")") { closing -= 1 }
            }
            end = newEnd
        }
        return end
    }

    /// Text and `mailto:` links for the addresses in `bytes` (cmark-gfm's `postprocess_text`).
    private static func emailPieces(_ bytes: ArraySlice<UInt8>, made: inout Set<OpaquePointer>) -> [OpaquePointer] {
        var pieces: [OpaquePointer] = []
        var textStart = bytes.startIndex
        var searchFrom = bytes.startIndex
        while let at = bytes[searchFrom...].firstIndex(of: UInt8(ascii: "@")) {
            var start = at
            var sawSlash = false
            while start > searchFrom {
                let byte = bytes[start - 1]
                if isAlnum(byte) || ".+-_".utf8.contains(byte) { start -= 1; continue }
                sawSlash = byte == UInt8(ascii: "/")
                break
            }
            var end = at, ats = 0, dots = 0
            while end < bytes.endIndex {
                let byte = bytes[end]
                if isAlnum(byte) {
                } else if byte == UInt8(ascii: "@") {
                    ats += 1
                    if ats > 1 { break }  // two `@` never make an address; stopping keeps long runs linear
                } else if byte == UInt8(ascii: "."), end + 1 < bytes.endIndex, isAlnum(bytes[end + 1]) {
                    dots += 1
                } else if byte != UInt8(ascii: "-"), byte != UInt8(ascii: "_") {
                    break
                }
                end += 1
            }
            let length = end - at
            guard start < at, !sawSlash, length >= 2, ats == 1, dots > 0,
                  isAlpha(bytes[end - 1]) || bytes[end - 1] == UInt8(ascii: ".") else {
                searchFrom = at + 1
                continue
            }
            end = delimit(bytes, start: at, end: end)
            guard end > at else {
                searchFrom = at + 1
                continue
            }
            let address = String(decoding: bytes[start..<end], as: UTF8.self)
            if let text = InlineNeighbours.text(String(decoding: bytes[textStart..<start], as: UTF8.self)) { pieces.append(text) }
            if let link = linkNode(url: "mailto:" + address, text: bytes[start..<end]) {
                made.insert(link)
                pieces.append(link)
            }
            textStart = end
            searchFrom = end
            if searchFrom >= bytes.endIndex { break }
        }
        if let text = InlineNeighbours.text(String(decoding: bytes[textStart...], as: UTF8.self)) { pieces.append(text) }
        return pieces
    }

    private static func runToSpace(_ bytes: [UInt8], from start: Int) -> Int {
        var end = start
        while end < bytes.count, !isSpace(bytes[end]) { end += 1 }
        return end
    }

    private static func isHostCharacter(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index < bytes.count else { return false }
        var iterator = bytes[index...].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
        // A continuation byte decodes as an error, as in cmark-gfm, which walks the domain byte by byte.
        return !InlineNeighbours.isSpace(scalar) && !InlineNeighbours.isPunctuation(scalar)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
    private static func isAlpha(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    private static func isAlnum(_ byte: UInt8) -> Bool { isAlpha(byte) || (0x30...0x39).contains(byte) }
}
