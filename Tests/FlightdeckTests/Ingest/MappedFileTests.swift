import Foundation
import Testing
@testable import Flightdeck

/// A mapped file gives back the pages behind a scan; what is read again afterwards comes back from the file.
@Suite struct MappedFileTests {
    @Test func pagesGivenBackReadAgainFromTheFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mapped-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        // 20 MiB of lines, so that 8 MiB steps are given back; one non-ASCII line near the end.
        var text = String(repeating: "timestamp,component,1,0.001,250\n", count: 20 << 20 / 32)
        text += "café,é,2,0.5,1\n\n\r\n"
        try Data(text.utf8).write(to: url)
        let mapped = try #require(MappedFile(path: url.path))
        #expect(mapped.checkText())
        #expect(mapped.lines == 20 << 20 / 32 + 1)
        mapped.release(upTo: 17 << 20)
        #expect(Array(mapped.bytes.prefix(33)) == Array("timestamp,component,1,0.001,250\nt".utf8))
        #expect(String(decoding: mapped.bytes, as: UTF8.self) == text)
    }

    @Test func invalidUTF8AndEmptyFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mapped-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([0x61, 0x2C, 0xC3, 0x28, 0x0A]).write(to: folder.appendingPathComponent("bad.csv"))
        try Data().write(to: folder.appendingPathComponent("empty.csv"))
        #expect(try #require(MappedFile(path: folder.appendingPathComponent("bad.csv").path)).checkText() == false)
        let empty = try #require(MappedFile(path: folder.appendingPathComponent("empty.csv").path))
        #expect(empty.bytes.isEmpty && empty.checkText() && empty.lines == 0)
        // Opened as a reader opens it: the bad byte is the error reading the text gives, at its place.
        let bad = ContentFile(path: "bad.csv", url: folder.appendingPathComponent("bad.csv"))
        var expected: [String] = [], actual: [String] = []
        do { _ = try bad.readText() } catch { expected = error.diagnostics.map(\.description) }
        do { _ = try MappedFile.open(bad) } catch { actual = error.diagnostics.map(\.description) }
        #expect(!expected.isEmpty && actual == expected)
        #expect(MappedFile(path: folder.appendingPathComponent("missing.csv").path) == nil)
        #expect(MappedFile(path: folder.path) == nil)
    }
}
