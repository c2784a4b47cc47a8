/// UTF-8 bytes to text. The standard library's `String(validating:as:)` is generic and not specialised, so
/// each call looks up type metadata at run time, which dominated reading XML with many short names and values.
enum UTF8Text {
    /// Whether every byte is ASCII (then the bytes are valid UTF-8 without a closer look).
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var combined: UInt8 = 0
        for byte in bytes { combined |= byte }
        return combined < 0x80
    }

    /// Whether the bytes are valid UTF-8, checked in place (no copy of a file that may be large).
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if isASCII(bytes) { return true }
        var iterator = bytes.makeIterator()
        var codec = UTF8()
        while true {
            switch codec.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// The text, or nil if the bytes are not valid UTF-8.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        // Decoding repairs bad sequences with U+FFFD; valid input comes back byte for byte.
        return isASCII(bytes) || text.utf8.elementsEqual(bytes) ? text : nil
    }
}
