import Foundation

/// A folder under the system's temporary folder, filled from a dictionary of paths to contents,
/// removed when the test is done with it.
final class TemporaryFolder: @unchecked Sendable {
    /// The folder's real path (no symbolic links, so it matches what the server resolves).
    let path: String
    /// The same as a file URL.
    var url: URL { URL(fileURLWithPath: path, isDirectory: true) }

    /// A new empty folder.
    init() throws {
        let base = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("flightdeck-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.resolvingSymlinksInPath().path
    }

    /// A handle on `path`, which need not exist; removed with the handle if it comes to exist.
    init(_ path: String) {
        self.path = path
    }

    /// A new folder holding `files` (relative path → text).
    convenience init(_ files: [String: String]) throws {
        try self.init()
        for (relative, text) in files.sorted(by: { $0.key < $1.key }) { try write(relative, text) }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` to `relative`, creating folders on the way.
    func write(_ relative: String, _ text: String) throws {
        try write(relative, Data(text.utf8))
    }

    /// Writes bytes to `relative`, creating folders on the way.
    func write(_ relative: String, _ data: Data) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Reads the file at `relative`.
    func read(_ relative: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path + "/" + relative))
    }

    /// Makes `relative` a symbolic link to `destination`.
    func link(_ relative: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path + "/" + relative, withDestinationPath: destination)
    }

    /// Sets the modification time of `relative`.
    func setModified(_ relative: String, to date: Date) throws {
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: path + "/" + relative)
    }
}
