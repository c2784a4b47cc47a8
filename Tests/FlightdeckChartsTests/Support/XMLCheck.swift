import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses text as XML and collects what the tests look at: element names, attributes, errors.
final class XMLCheck: NSObject, XMLParserDelegate {
    private(set) var elements: [String] = []
    private(set) var attributes: [[String: String]] = []
    private(set) var text = ""
    private(set) var error: String?

    /// Parses `markup`; `error` is set when it is not well-formed.
    init(_ markup: String) {
        super.init()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = self
        if !parser.parse() {
            error = parser.parserError.map { "\($0)" } ?? "unknown parse error"
        }
    }

    var isWellFormed: Bool { error == nil }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(name)
        self.attributes.append(attributes)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    /// Every id in the document.
    var ids: [String] { attributes.compactMap { $0["id"] } }
}
