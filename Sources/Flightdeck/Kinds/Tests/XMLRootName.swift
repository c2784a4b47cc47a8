import Foundation

/// The name of an XML file's root element, found by reading only as far as its start tag.
enum XMLRootName {
    /// The root element's name, or nil when the file cannot be opened or is malformed before its root: the reader
    /// chosen then reads the file again and reports the problem with its place.
    static func of(_ file: ContentFile) -> String? {
        let source: XMLByteSource
        do { source = try XMLByteSource.open(file.url, path: file.path) } catch { return nil }
        let tokens = XMLTokenizer(source, path: file.path, chunkSize: 4096)
        do {
            while let token = try tokens.next() {
                if case .start(let name, _, _, _) = token { return name }
            }
        } catch {
            return nil
        }
        return nil
    }
}
