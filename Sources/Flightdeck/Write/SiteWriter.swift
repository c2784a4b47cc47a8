import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One file of the built site.
struct OutputFile: Sendable {
    /// Path relative to the output folder, `/`-separated.
    let path: String
    /// The bytes.
    let contents: Data
}

/// The Write stage: the whole site goes into a temporary folder beside the output, which then takes
/// the output's place in one step. A failed build never leaves a half-written site.
enum SiteWriter {
    /// Writes `files` and swaps them into `output`. `root` is the site root, which output must not contain.
    static func write(_ files: [OutputFile], to output: URL, siteRoot root: URL) throws(DiagnosticError) {
        let fileManager = FileManager.default
        let output = output.standardizedFileURL
        try checkOutput(output, root: root.standardizedFileURL)
        let parent = output.deletingLastPathComponent()
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw failure("cannot create the output's parent folder \(parent.path): \(error.localizedDescription)")
        }
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
            let folders = Set(files.map { (staging.path + "/" + $0.path as NSString).deletingLastPathComponent }).sorted()
            for folder in folders { try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            // Files go out on every core: creating many small files is most of a large site's write time.
            let failures = ConcurrentMap.map(files) { file -> String? in
                do {
                    try writeFile(file.contents, to: staging.path + "/" + file.path)
                    return nil
                } catch {
                    return "\(file.path): \(error.localizedDescription)"
                }
            }
            if let first = failures.compactMap({ $0 }).first { throw SiteWriteError(message: first) }
        } catch {
            removeTree(staging.path)
            throw failure("cannot write the site into \(staging.path): \(error.localizedDescription)")
        }
        try swap(staging, into: output)
    }

    private static func checkOutput(_ output: URL, root: URL) throws(DiagnosticError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: output.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw failure("output \(output.path) is a file, not a folder; remove it or choose another --output")
        }
        let outputPath = output.path.hasSuffix("/") ? output.path : output.path + "/"
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        if rootPath.hasPrefix(outputPath) {
            throw failure("output \(output.path) would replace the site itself; choose a folder inside it such as public/")
        }
        if FileManager.default.fileExists(atPath: output.appendingPathComponent("flightdeck.yaml").path) {
            throw failure("output \(output.path) holds a flightdeck.yaml; it looks like a site, not build output")
        }
    }

    /// Puts `staging` in place of `output`: an atomic exchange where the kernel offers one, else two renames.
    private static func swap(_ staging: URL, into output: URL) throws(DiagnosticError) {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: output.path) else {
            guard rename(staging.path, output.path) == 0 else {
                let reason = String(cString: strerror(errno))
                removeTree(staging.path)
                throw failure("cannot move the built site into \(output.path): \(reason)")
            }
            return
        }
        if exchange(staging.path, output.path) {
            removeTree(staging.path)
            return
        }
        let old = staging.deletingLastPathComponent().appendingPathComponent(staging.lastPathComponent + ".old")
        guard rename(output.path, old.path) == 0 else {
            let reason = String(cString: strerror(errno))
            removeTree(staging.path)
            throw failure("cannot replace \(output.path): \(reason)")
        }
        guard rename(staging.path, output.path) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(old.path, output.path)
            removeTree(staging.path)
            throw failure("cannot move the built site into \(output.path): \(reason)")
        }
        removeTree(old.path)
    }

    /// Writes bytes with plain POSIX calls: Foundation's `Data.write` fsyncs every file, which makes a
    /// site of a thousand pages take seconds. Durability comes from the swap, not from each file.
    private static func writeFile(_ data: Data, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = posixWrite(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
                offset += written
            }
        }
    }

    /// Linux's renameat2(RENAME_EXCHANGE), looked up at run time (glibc does not export it to Swift).
    private static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let atCurrentDirectory: Int32 = -100, renameExchange: UInt32 = 2
        return renameat2(atCurrentDirectory, a, atCurrentDirectory, b, renameExchange) == 0
        #else
        return false
        #endif
    }

    private static func failure(_ message: String) -> DiagnosticError {
        DiagnosticError(.error(message, at: nil))
    }
}

/// `write(2)`, named apart from the writer's own methods.
private func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, bytes, count)
}

/// Deletes a folder tree with plain POSIX calls (Foundation's removeItem stats and lists extended
/// attributes of every file, which dominates writing a large site). Symbolic links are removed, never followed.
private func removeTree(_ path: String) {
    guard let directory = opendir(path) else {
        unlink(path)
        return
    }
    while let entry = readdir(directory) {
        let name = withUnsafePointer(to: entry.pointee.d_name) {
            $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
        }
        if name == "." || name == ".." { continue }
        let child = path + "/" + name
        var info = stat()
        if lstat(child, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            removeTree(child)
        } else {
            unlink(child)
        }
    }
    closedir(directory)
    rmdir(path)
}

/// A file of the site that could not be written.
private struct SiteWriteError: LocalizedError {
    let message: String
    var errorDescription: String? { message }
}
