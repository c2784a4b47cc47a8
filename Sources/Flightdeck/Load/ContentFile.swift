package import Foundation

/// A file of the site, known by its path relative to the site root.
package struct ContentFile: Sendable, Hashable {
    /// Path relative to the site root, with `/` separators, as diagnostics show it.
    package let path: String
    /// Absolute path on disk (a string: building a `URL` per file costs more than listing a large site).
    package let absolutePath: String

    /// Creates a file reference.
    package init(path: String, url: URL) {
        self.path = path
        absolutePath = url.path
    }

    /// Creates a file reference from its absolute path.
    package init(path: String, absolutePath: String) {
        self.path = path
        self.absolutePath = absolutePath
    }

    /// Absolute location on disk.
    package var url: URL { URL(fileURLWithPath: absolutePath) }

    /// The file name, e.g. `release.yaml`.
    package var name: String {
        guard let slash = absolutePath.lastIndex(of: "/") else { return absolutePath }
        return String(absolutePath[absolutePath.index(after: slash)...])
    }

    /// The lower-cased extension, e.g. `yaml` (none for `.hidden` or `Makefile`).
    package var fileExtension: String {
        let name = name
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// The size limit for this file, by its extension (`InputLimits`).
    package var sizeLimit: Int { InputLimits.standard.maxBytes(forExtension: fileExtension) }

    /// Throws the located error `InputLimits.tooLarge` when the file is larger than `limit` (by default
    /// `sizeLimit`), asking only `stat`: nothing is read.
    package func checkSize(limit: Int? = nil) throws(DiagnosticError) {
        let limit = limit ?? sizeLimit
        if let size = byteCount, size > limit {
            throw DiagnosticError(InputLimits.tooLarge(path, size: size, limit: limit))
        }
    }

    /// The file's size in bytes, from `stat`; nil when it cannot be read.
    package var byteCount: Int? {
        var info = stat()
        return stat(absolutePath, &info) == 0 ? Int(info.st_size) : nil
    }

    /// The raw bytes; an unreadable file, or one larger than `limit` (checked with `stat` before reading), is an
    /// error naming it.
    package func readData(limit: Int? = nil) throws(DiagnosticError) -> Data {
        try checkSize(limit: limit)
        do {
            return try Folder.read(absolutePath)
        } catch {
            throw DiagnosticError(.error("cannot read file: \(String(cString: strerror(error.code.rawValue)).lowercased())", at: .file(path)))
        }
    }

    /// The text, which must be UTF-8 (a leading BOM is dropped); the error names the first bad byte's place.
    package func readText(limit: Int? = nil) throws(DiagnosticError) -> SourceFile {
        let data = try readData(limit: limit)
        return try Self.decode(data, path: path)
    }

    /// Decodes UTF-8 bytes into a `SourceFile`, naming the line and column of the first invalid byte.
    package static func decode(_ data: Data, path: String) throws(DiagnosticError) -> SourceFile {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = bytes.withUnsafeBytes({ UTF8Text.decode($0.bindMemory(to: UInt8.self)) }) {
            return SourceFile(path: path, text: text)
        }
        var valid = bytes.startIndex
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = bytes.startIndex
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar); valid = offset
            case .emptyInput: break loop
            case .error: break loop
            }
        }
        let prefix = String(decoding: bytes[bytes.startIndex..<valid], as: UTF8.self)
        let location = SourceFile(path: path, text: prefix).location(ofUTF8Offset: prefix.utf8.count)
        throw DiagnosticError(.error("file is not valid UTF-8 (byte 0x\(String(bytes[valid], radix: 16, uppercase: true)) at offset \(valid - bytes.startIndex)); save it as UTF-8", at: location))
    }
}
