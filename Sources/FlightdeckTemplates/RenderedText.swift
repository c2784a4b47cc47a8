/// A template's output with the long markup values it printed kept aside, by reference, rather than copied in:
/// a page that shows a document of megabytes (release notes) holds that document's HTML once, not once per page.
///
/// The output is `text` with each splice's `markup` at its `offset`, in order (`joined()`).
public struct RenderedText: Sendable {
    /// A markup value printed into the output, and where.
    public struct Splice: Sendable {
        /// Where it goes in `text`, in UTF-8 bytes; splices at the same offset go in the order they are listed.
        public let offset: Int
        public let markup: String
    }

    /// The output without the splices' markup.
    public let text: String
    /// The markup values kept aside, by offset.
    public let splices: [Splice]

    /// The output's size in bytes, splices included.
    public var byteCount: Int { splices.reduce(text.utf8.count) { $0 + $1.markup.utf8.count } }

    /// The whole output as one string.
    public func joined() -> String {
        guard !splices.isEmpty else { return text }
        var out = ""
        out.reserveCapacity(byteCount)
        var text = text
        text.withUTF8 { bytes in
            var at = 0
            for splice in splices {
                out += String(decoding: UnsafeBufferPointer(rebasing: bytes[at..<splice.offset]), as: UTF8.self)
                out += splice.markup
                at = splice.offset
            }
            out += String(decoding: UnsafeBufferPointer(rebasing: bytes[at...]), as: UTF8.self)
        }
        return out
    }
}
