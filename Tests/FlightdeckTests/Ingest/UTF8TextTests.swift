import Testing
@testable import Flightdeck

/// `UTF8Text.isValid` checks a file in place; the standard library's validating decoder is the oracle.
@Suite struct UTF8TextTests {
    @Test(arguments: [
        [UInt8](), Array("plain ASCII,1,2\n".utf8), Array("é😀中\u{10FFFF}".utf8),
        [0xC3], [0xC3, 0x28], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80], Array("ok".utf8) + [0xFF] + Array("ok".utf8), [0xEF, 0xBB, 0xBF, 0x41],
    ])
    func agreesWithTheStandardLibrary(bytes: [UInt8]) {
        let oracle = String(validating: bytes, as: UTF8.self) != nil
        #expect(bytes.withUnsafeBufferPointer { UTF8Text.isValid($0) } == oracle, "\(bytes)")
    }
}
