import Foundation

/// A rendered page as the build keeps it until it is written: its bytes, with the long markup values it printed
/// (a release's notes) kept aside by reference, so that a document of megabytes is held once, however many pages
/// and files show it. Its content is `text` with each splice's markup at its offset.
struct RenderedPage: Sendable {
    /// A markup value kept aside, and where it goes in `text` (in bytes; splices at one offset go in order).
    struct Splice: Sendable {
        let offset: Int
        let markup: String
    }

    /// The page's bytes without the splices' markup.
    let text: Data
    /// The markup kept aside, by offset.
    let splices: [Splice]

    /// The page in order, in pieces of at most `OutputFile.pieceBytes` (a splice's markup is never copied whole).
    func write<Failure: Error>(to piece: ([UInt8]) throws(Failure) -> Void) throws(Failure) {
        var failure: Failure?
        forEachPart { part in
            var at = 0
            while at < part.count, failure == nil {
                let end = min(part.count, at + OutputFile.pieceBytes)
                do throws(Failure) { try piece(Array(UnsafeBufferPointer(rebasing: part[at..<end]))) } catch { failure = error }
                at = end
            }
        }
        if let failure { throw failure }
    }

    /// Hands `body` the page's parts in order: pieces of `text`, and each splice's markup between them.
    func forEachPart(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        text.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var at = 0
            for splice in splices {
                if splice.offset > at { body(UnsafeBufferPointer(rebasing: bytes[at..<splice.offset])) }
                var markup = splice.markup
                markup.withUTF8 { body($0) }
                at = splice.offset
            }
            if at < bytes.count { body(UnsafeBufferPointer(rebasing: bytes[at...])) }
        }
    }

    /// The byte that stands for a splice in `marked`: it never occurs in UTF-8, so it cannot be mistaken for text.
    static let marker: UInt8 = 0xFF

    /// Hands `body` the page's text with `marker` in place of each splice, so that a search of the page's own
    /// markup (the single-file report's `<main>`) sees where the splices are without reading them.
    func withMarkedText<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard !splices.isEmpty else { return text.withUnsafeBytes { body($0.bindMemory(to: UInt8.self)) } }
        var marked: [UInt8] = []
        marked.reserveCapacity(text.count + splices.count)
        text.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var at = 0
            for splice in splices {
                marked.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[at..<splice.offset]))
                marked.append(Self.marker)
                at = splice.offset
            }
            marked.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[at...]))
        }
        return marked.withUnsafeBufferPointer(body)
    }
}
