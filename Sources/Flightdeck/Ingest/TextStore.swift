/// Short texts of many records (operation names, for one) kept side by side in shared blocks of 64 KiB instead of
/// one heap object each. A Swift string longer than 15 bytes takes a 32-byte header and a malloc block of its own:
/// a million 16-byte names take 64 MB as strings and 16 MB here.
///
/// A reader adds each record's text as it reads; a `StoredText` is the same size as a `String` and gives the text
/// back as a `String` when asked.
package struct TextStore {
    /// The size of a block; a longer text gets a block of its own.
    static let blockBytes = 64 << 10

    private var block: TextBlock?

    /// An empty store.
    package init() {}

    /// Keeps `text` and returns where it is.
    package mutating func add(_ text: String) -> StoredText {
        var text = text
        return text.withUTF8 { bytes in
            if bytes.count > Self.blockBytes / 4 { return StoredText(bytes) }
            if block.map({ $0.capacity - $0.used < bytes.count }) ?? true { block = TextBlock(capacity: Self.blockBytes) }
            guard let block else { return StoredText(bytes) }
            return StoredText(block: block, start: block.append(bytes), count: bytes.count)
        }
    }
}

/// A text kept in a `TextStore` block (or a block of its own): 16 bytes, like a `String`.
package struct StoredText: Sendable {
    private let block: TextBlock
    private let start: UInt32
    private let count: UInt32

    fileprivate init(block: TextBlock, start: Int, count: Int) {
        self.block = block
        self.start = UInt32(start)
        self.count = UInt32(count)
    }

    /// `bytes` in a block of their own.
    fileprivate init(_ bytes: UnsafeBufferPointer<UInt8>) {
        let block = TextBlock(capacity: bytes.count)
        self.init(block: block, start: block.append(bytes), count: bytes.count)
    }

    /// A text kept on its own (for a value set after reading).
    package init(_ text: String) {
        var text = text
        self = text.withUTF8 { StoredText($0) }
    }

    /// The text.
    package var string: String {
        String(decoding: UnsafeBufferPointer(start: block.base + Int(start), count: Int(count)), as: UTF8.self)
    }
}

/// A block of text bytes, filled from the front. Bytes once written are never changed, so texts that refer to
/// them can be read from any thread.
final class TextBlock: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int
    private(set) var used = 0

    init(capacity: Int) {
        base = .allocate(capacity: max(capacity, 1))
        self.capacity = capacity
    }

    deinit { base.deallocate() }

    /// Copies `bytes` after the bytes written so far; returns where they start. The caller checks that they fit.
    @discardableResult
    func append(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let start = used
        if let source = bytes.baseAddress { (base + start).initialize(from: source, count: bytes.count) }
        used += bytes.count
        return start
    }

    /// Writes `byte` after the bytes written so far. The caller checks that it fits.
    func append(_ byte: UInt8) {
        (base + used).initialize(to: byte)
        used += 1
    }
}
