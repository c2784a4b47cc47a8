import Foundation

/// A streaming parser of one XML test-results format, fed by `XMLTokenizer`; it logs what it finds wrong.
package protocol XMLResultsParser: AnyObject {
    init(_ tokens: XMLTokenizer, log: DiagnosticLog)
    /// Reads every token; throws when the XML itself is malformed or cut short.
    func run() throws(DiagnosticError)
}

/// One XML test-results format (JUnit, Visual Studio TRX, NUnit 3): its parser and how the parser's result becomes a
/// `TestFile`. Reading a file or a byte source is the same for all of them (the extension below).
package protocol XMLTestResultsFormat {
    associatedtype Parser: XMLResultsParser
    /// The `TestFile` a parser that has run to the end describes.
    static func testFile(from parser: Parser, path: String) -> TestFile
}

extension XMLTestResultsFormat {
    /// Reads a file from disk; nil (with the error logged) when it cannot be opened or its XML is malformed.
    package static func read(_ file: ContentFile, log: DiagnosticLog) -> TestFile? {
        do {
            try file.checkSize()
            return read(try XMLByteSource.open(file.url, path: file.path), path: file.path, log: log)
        } catch {
            log.report(contentsOf: error.diagnostics)
            return nil
        }
    }

    /// Reads from any byte source; nil (with the error logged) when the XML is malformed or cut short.
    package static func read(_ source: XMLByteSource, path: String, log: DiagnosticLog, chunkSize: Int = 1 << 22) -> TestFile? {
        let parser = Parser(XMLTokenizer(source, path: path, chunkSize: chunkSize), log: log)
        do {
            try parser.run()
        } catch {
            log.report(contentsOf: error.diagnostics)
            return nil
        }
        return testFile(from: parser, path: path)
    }
}

/// The cap on text kept from a test result (failure bodies, traces, output), shared by every XML format.
enum CapturedText {
    /// Longest failure body or output kept, in UTF-8 bytes.
    static let cap = 16_384

    /// Appends `text` to `value` up to the cap; text beyond it is cut at a character boundary and marked with "…".
    static func append(_ text: String, to value: inout String) {
        let room = cap - value.utf8.count
        guard room > 0 else { return }
        value += text.utf8.count <= room ? text : String(decoding: text.utf8.prefix(room), as: UTF8.self) + "…"
    }
}
