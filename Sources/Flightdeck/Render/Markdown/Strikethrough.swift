import CCmark

/// GFM strikethrough: `~~text~~` or `~text~` becomes `<del>text</del>`, matched like cmark-gfm's
/// `strikethrough.c` (runs of one or two tildes, flanking rules as for `*`, opener and closer of equal length).
///
/// Runs are matched among the children of one inline container (a paragraph, heading, emphasis or link text),
/// so a pair that crosses an emphasis boundary, like `~~a *b~~ c*`, stays text where cmark-gfm would strike it.
enum Strikethrough {
    /// One tilde run that may open or close.
    private struct Delimiter {
        let node: OpaquePointer
        let length: Int
        let canOpen: Bool
        let canClose: Bool
    }

    /// Strikes the matched runs in `document`, leaving the text inside `skipped` links (autolinks) alone.
    static func apply(to document: CmarkDocument, skipping skipped: Set<OpaquePointer>) {
        var parents: [OpaquePointer] = []
        var seen: Set<OpaquePointer> = []
        document.forEachNode { node in
            guard CmarkNode.type(node) == CMARK_NODE_TEXT, let parent = cmark_node_parent(node), !skipped.contains(parent),
                  CmarkNode.type(parent) != CMARK_NODE_IMAGE, CmarkNode.literalContains(node, "~"),
                  seen.insert(parent).inserted else { return }
            parents.append(parent)
        }
        for parent in parents { strike(in: parent, escapes: document.escapedTildes) }
    }

    private static func strike(in parent: OpaquePointer, escapes: EscapedTildes) {
        var delimiters: [Delimiter] = []
        var child = cmark_node_first_child(parent)
        while let node = child {
            child = cmark_node_next(node)
            if CmarkNode.type(node) == CMARK_NODE_TEXT { delimiters += split(node, escapes: escapes) }
        }
        match(delimiters)
    }

    /// Splits a text node so that each tilde run that can open or close is its own text node.
    private static func split(_ node: OpaquePointer, escapes: EscapedTildes) -> [Delimiter] {
        let scalars = Array(CmarkNode.literal(node).unicodeScalars)
        let escaped = escapes.flags(for: node, tildes: scalars.lazy.filter { $0 == "~" }.count)
        let before = InlineNeighbours.before(node), after = InlineNeighbours.after(node)
        var runs: [(start: Int, end: Int, canOpen: Bool, canClose: Bool)] = []
        var index = 0, tilde = 0
        while index < scalars.count {
            guard scalars[index] == "~" else { index += 1; continue }
            // An escaped tilde is plain text: it ends a run and counts as punctuation beside the next one.
            guard !escaped[tilde] else { index += 1; tilde += 1; continue }
            var end = index
            while end < scalars.count, scalars[end] == "~", !escaped[tilde] {
                tilde += 1
                end += 1
            }
            let previous = index > 0 ? scalars[index - 1] : before
            let next = end < scalars.count ? scalars[end] : after
            let (left, right) = flanking(previous: previous, next: next)
            if end - index <= 2, left || right { runs.append((index, end, left, right)) }
            index = end
        }
        guard !runs.isEmpty else { return [] }
        var pieces: [OpaquePointer] = []
        var delimiters: [Delimiter] = []
        var position = 0
        for run in runs {
            if let text = InlineNeighbours.text(String(String.UnicodeScalarView(scalars[position..<run.start]))) { pieces.append(text) }
            guard let delimiter = InlineNeighbours.text(String(repeating: "~", count: run.end - run.start)) else { continue }
            pieces.append(delimiter)
            delimiters.append(Delimiter(node: delimiter, length: run.end - run.start, canOpen: run.canOpen, canClose: run.canClose))
            position = run.end
        }
        if let text = InlineNeighbours.text(String(String.UnicodeScalarView(scalars[position...]))) { pieces.append(text) }
        InlineNeighbours.replace(node, with: pieces)
        return delimiters
    }

    /// CommonMark's flanking rules for a delimiter run between `previous` and `next`.
    private static func flanking(previous: Unicode.Scalar, next: Unicode.Scalar) -> (left: Bool, right: Bool) {
        let spaceBefore = InlineNeighbours.isSpace(previous), spaceAfter = InlineNeighbours.isSpace(next)
        let punctuationBefore = InlineNeighbours.isPunctuation(previous), punctuationAfter = InlineNeighbours.isPunctuation(next)
        let left = !spaceAfter && (!punctuationAfter || spaceBefore || punctuationBefore)
        let right = !spaceBefore && (!punctuationBefore || spaceAfter || punctuationAfter)
        return (left, right)
    }

    /// cmark's `process_emphasis` for `~`: each closer takes the nearest opener; equal lengths make `<del>`.
    private static func match(_ delimiters: [Delimiter]) {
        var stack: [Delimiter] = []
        var bottom: [Int: Int] = [:]
        for closer in delimiters {
            guard closer.canClose else {
                if closer.canOpen { stack.append(closer) }
                continue
            }
            let floor = bottom[closer.length % 3] ?? 0
            var found: Int?
            var index = stack.count - 1
            while index >= floor {
                let opener = stack[index]
                if opener.canOpen, !(closer.canOpen || opener.canClose) || closer.length % 3 == 0
                    || (opener.length + closer.length) % 3 != 0 {
                    found = index
                    break
                }
                index -= 1
            }
            guard let openerIndex = found else {
                bottom[closer.length % 3] = stack.count
                if closer.canOpen { stack.append(closer) }
                continue
            }
            let opener = stack[openerIndex]
            guard opener.length == closer.length else {
                if closer.canOpen { stack.append(closer) }
                continue
            }
            wrap(from: opener.node, to: closer.node)
            stack.removeSubrange(openerIndex...)
            for key in bottom.keys where bottom[key, default: 0] > stack.count { bottom[key] = stack.count }
        }
    }

    /// Puts the siblings between `opener` and `closer` inside a `<del>` and drops the two runs.
    private static func wrap(from opener: OpaquePointer, to closer: OpaquePointer) {
        guard let del = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
        cmark_node_set_on_enter(del, "<del>")
        cmark_node_set_on_exit(del, "</del>")
        cmark_node_insert_before(opener, del)
        var current = cmark_node_next(opener)
        while let node = current, node != closer {
            current = cmark_node_next(node)
            cmark_node_append_child(del, node)
        }
        for run in [opener, closer] {
            cmark_node_unlink(run)
            cmark_node_free(run)
        }
    }
}
