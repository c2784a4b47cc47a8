#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The GitHub-flavoured extensions over cmark's tree, each run only when the text could use it.
///
/// See docs/markdown.md: pipe tables, strikethrough, extended autolinks (heading ids are `HeadingIDs`).
enum MarkdownExtensions {
    /// Runs every extension on a freshly parsed document, then `LinkFilter` (after the tables, whose cells are
    /// filtered as they are parsed, so that no link is looked at twice).
    static func apply(to document: CmarkDocument) {
        let features = Features(document.markdown)
        applyInline(to: document, features: features)
        if features.contains(.table) { TableExtension.apply(to: document) }
        document.refusedLinks += LinkFilter.apply(to: document)
    }

    /// Autolinks, then strikethrough (which leaves the autolinks' text alone, as cmark-gfm does).
    static func applyInline(to document: CmarkDocument, features given: Features? = nil) {
        let features = given ?? Features(document.markdown)
        let links = features.contains(.link) ? Autolinker.apply(to: document) : []
        if features.contains(.tilde) { Strikethrough.apply(to: document, skipping: links) }
    }

    /// What a text could hold, from one quick scan of its bytes (memchr, so it costs little even in debug builds).
    struct Features: OptionSet {
        let rawValue: Int
        /// A `|`, or a `:-`/`-:` of a one-column delimiter row.
        static let table = Features(rawValue: 1)
        static let tilde = Features(rawValue: 2)
        /// An `@`, a `://` or a `www`.
        static let link = Features(rawValue: 4)

        init(rawValue: Int) { self.rawValue = rawValue }

        init(_ text: String) {
            var text = text
            self = text.withUTF8 { Self.scan($0) }
        }

        private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Features {
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return [] }
            var found: Features = []
            if memchr(base, Int32(UInt8(ascii: "|")), bytes.count) != nil || hasByte(":", in: bytes, where: { at in
                (at > 0 && bytes[at - 1] == UInt8(ascii: "-")) || (at + 1 < bytes.count && bytes[at + 1] == UInt8(ascii: "-"))
            }) { found.insert(.table) }
            if memchr(base, Int32(UInt8(ascii: "~")), bytes.count) != nil { found.insert(.tilde) }
            if memchr(base, Int32(UInt8(ascii: "@")), bytes.count) != nil
                || hasByte(":", in: bytes, where: { $0 + 2 < bytes.count && bytes[$0 + 1] == UInt8(ascii: "/") && bytes[$0 + 2] == UInt8(ascii: "/") })
                || hasByte("w", in: bytes, where: { $0 + 3 < bytes.count && bytes[$0 + 1] == UInt8(ascii: "w") && bytes[$0 + 2] == UInt8(ascii: "w") && bytes[$0 + 3] == UInt8(ascii: ".") }) {
                found.insert(.link)
            }
            return found
        }

        /// Whether some occurrence of `byte` satisfies `test` (given its index).
        private static func hasByte(_ byte: Unicode.Scalar, in bytes: UnsafeBufferPointer<UInt8>, where test: (Int) -> Bool) -> Bool {
            guard let base = bytes.baseAddress else { return false }
            var offset = 0
            while offset < bytes.count, let hit = memchr(base + offset, Int32(byte.value), bytes.count - offset) {
                let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if test(index) { return true }
                offset = index + 1
            }
            return false
        }
    }
}
