import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One file of the built site.
struct OutputFile: Sendable {
    /// Where a file's bytes are.
    enum Body: Sendable {
        /// In memory.
        case bytes(Data)
        /// In a file of the build cache (`pages/<key>.html`), which the output hard-links.
        case file(String)
        /// Made when the file is written, in pieces handed to `piece` (a release's summary.json, encoded straight
        /// into its file so that it is never whole in memory).
        case stream(@Sendable (_ piece: ([UInt8]) throws -> Void) throws -> Void)
    }

    /// About how many bytes the pieces of a streamed body hold (a page with long markup aside, `report.html`).
    static let pieceBytes = 1 << 18

    /// Path relative to the output folder, `/`-separated.
    let path: String
    /// The bytes, or where they are.
    let body: Body

    /// A file whose bytes are in memory.
    init(path: String, contents: Data) {
        self.path = path
        body = .bytes(contents)
    }

    /// A file with the given body.
    init(path: String, body: Body) {
        self.path = path
        self.body = body
    }

    /// The bytes, read from the cache when that is where they are, or made. A streamed body's error is passed on as it
    /// is: a `DiagnosticError` names the file it read again and found changed.
    func contents() throws -> Data {
        switch body {
        case .bytes(let data): return data
        case .file(let path): return try Folder.read(path)
        case .stream(let produce):
            var data = Data()
            try produce { data.append(contentsOf: $0) }
            return data
        }
    }

    /// Makes a streamed body and drops its pieces (`check` writes nothing, but a file that cannot be made is
    /// still an error); other bodies are already made.
    func make() throws(DiagnosticError) {
        guard case .stream(let produce) = body else { return }
        do { try produce { _ in } } catch {
            throw DiagnosticError(.error("cannot write \(path): \(error)", at: nil))
        }
    }

    /// Writes a streamed body into the open file `fd`.
    static func write(_ produce: (_ piece: ([UInt8]) throws -> Void) throws -> Void, to fd: Int32) throws {
        try produce { piece throws(POSIXError) in try Folder.write(piece, to: fd) }
    }
}

/// The Write stage: the whole site goes into a folder beside the output, which then takes the output's
/// place in one step (`renameat2(RENAME_EXCHANGE)`). A failed build never leaves a half-written site.
///
/// The output it replaces is kept beside it as `.<output>.previous/` and becomes the next build's staging
/// folder: it is brought up to date in place, so a rebuild writes only the files that changed and creates
/// and deletes no folders. A file the current output already holds byte for byte is hard-linked rather
/// than written, so the two trees share their unchanged files (little extra disk) and unchanged pages keep
/// their modification time. Files are never written in place: a changed file is unlinked and created anew,
/// so a file shared with the output is never touched.
enum SiteWriter {
    /// Writes `files` and swaps them into `output`. `root` is the site root, which output must not contain.
    static func write(_ files: [OutputFile], to output: URL, siteRoot root: URL) throws(DiagnosticError) {
        let output = output.standardizedFileURL
        try checkOutput(output, root: root.standardizedFileURL)
        let parent = output.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw failure("cannot create the output's parent folder \(parent.path): \(error.localizedDescription)")
        }
        // One build at a time writes beside this output (`serve` and a `build` may run together).
        let lock = open(parent.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if lock >= 0 { flock(lock, LOCK_EX) }
        defer { if lock >= 0 { close(lock) } }

        let spare = previous(of: output)
        let staging = Folder.isFolder(spare.path, followingLinks: false) ? spare
            : parent.appendingPathComponent(".\(output.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        do {
            if staging != spare, mkdir(staging.path, 0o755) != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            try sync(files, into: staging.path, current: Folder.isFolder(output.path) ? output.path : nil)
        } catch {
            removeTree(staging.path)
            throw failure("cannot write the site into \(staging.path): \(error.localizedDescription)")
        }
        try swap(staging, into: output, keepingOldAs: spare)
    }

    /// Where the output a build replaces is kept: `.<name>.previous` beside it.
    static func previous(of output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).previous")
    }

    /// Makes `folder` hold exactly `files`: removes what the site no longer has, creates missing folders,
    /// keeps files already holding the right bytes, links unchanged files from `current`, writes the rest.
    private static func sync(_ files: [OutputFile], into folder: String, current: String?) throws {
        let filePaths = Set(files.map(\.path))
        var folderPaths: Set<Substring> = []
        for path in filePaths {
            var end = path.startIndex
            while let slash = path[end...].firstIndex(of: "/") {
                folderPaths.insert(path[..<slash])
                end = path.index(after: slash)
            }
        }
        var existing: Set<Substring> = []
        prune(folder, prefix: "", keeping: filePaths, folders: folderPaths, existing: &existing)
        // Only the folders pruning did not find are made (a rebuild of a large site finds them all).
        for path in folderPaths.subtracting(existing).sorted() where mkdir(folder + "/" + path, 0o755) != 0 && errno != EEXIST {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        // Files go out on every core.
        let failures = ConcurrentMap.map(files) { file -> String? in
            let target = folder + "/" + file.path
            switch file.body {
            case .bytes(let contents):
                if holds(contents, at: target) { return nil }
                if unlink(target) != 0 && errno != ENOENT { return "\(file.path): \(String(cString: strerror(errno)))" }
                if let current, holds(contents, at: current + "/" + file.path), link(current + "/" + file.path, target) == 0 { return nil }
                do {
                    try writeFile(contents, to: target)
                    return nil
                } catch {
                    return "\(file.path): \(error.localizedDescription)"
                }
            case .stream(let produce):
                if unlink(target) != 0 && errno != ENOENT { return "\(file.path): \(String(cString: strerror(errno)))" }
                let fd = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
                guard fd >= 0 else { return "\(file.path): \(String(cString: strerror(errno)))" }
                defer { close(fd) }
                do {
                    try OutputFile.write(produce, to: fd)
                    return nil
                } catch {
                    return "\(file.path): \(error)"
                }
            case .file(let source):
                // A page kept in the build cache: the output links it, unless it already is that file.
                if sameFile(source, target) { return nil }
                if unlink(target) != 0 && errno != ENOENT { return "\(file.path): \(String(cString: strerror(errno)))" }
                if link(source, target) == 0 { return nil }
                do {
                    try writeFile(try Folder.read(source), to: target)  // the cache is on another file system
                    return nil
                } catch {
                    return "\(file.path): \(error.localizedDescription)"
                }
            }
        }
        if let first = failures.compactMap({ $0 }).first { throw SiteWriteError(message: first) }
    }

    /// Removes from `folder` every entry that is neither one of `files` nor one of `folders` (paths relative to the
    /// top folder, `prefix` being `folder`'s own); a folder's entries are pruned in turn. The folders kept are
    /// added to `existing`. A folder that cannot be listed is left as it is: writing into it then fails with the
    /// reason.
    private static func prune(_ folder: String, prefix: String, keeping files: Set<String>, folders: Set<Substring>,
                              existing: inout Set<Substring>) {
        let entries: [Folder.Entry]
        do {
            entries = try Folder.entries(of: folder)
        } catch {
            return
        }
        for entry in entries {
            let relative = prefix + entry.name
            if entry.isFolder {
                if folders.contains(Substring(relative)) {
                    existing.insert(Substring(relative))
                    prune(folder + "/" + entry.name, prefix: relative + "/", keeping: files, folders: folders, existing: &existing)
                } else {
                    removeTree(folder + "/" + entry.name)
                }
            } else if !files.contains(relative) {
                unlink(folder + "/" + entry.name)
            }
        }
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

    /// Puts `staging` in place of `output` (an atomic exchange where the kernel offers one, else two renames)
    /// and keeps the replaced output as `spare` for the next build.
    private static func swap(_ staging: URL, into output: URL, keepingOldAs spare: URL) throws(DiagnosticError) {
        guard FileManager.default.fileExists(atPath: output.path) else {
            guard rename(staging.path, output.path) == 0 else {
                let reason = String(cString: strerror(errno))
                removeTree(staging.path)
                throw failure("cannot move the built site into \(output.path): \(reason)")
            }
            return
        }
        if exchange(staging.path, output.path) {
            // `staging` now holds the old output.
            if staging != spare, rename(staging.path, spare.path) != 0 { removeTree(staging.path) }
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
        if rename(old.path, spare.path) != 0 { removeTree(old.path) }
    }

    /// Writes bytes with plain POSIX calls: Foundation's `Data.write` fsyncs every file, which makes a
    /// site of a thousand pages take seconds. Durability comes from the swap, not from each file.
    private static func writeFile(_ data: Data, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        try Folder.write(data, to: fd)
    }

    /// True if both paths name the same file (one inode, hard-linked).
    private static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        return stat(a, &first) == 0 && lstat(b, &second) == 0 && first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    /// True if `path` is a regular file (not a link) holding exactly `data`.
    private static func holds(_ data: Data, at path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == data.count else { return false }
        return data.withUnsafeBytes { (expected: UnsafeRawBufferPointer) -> Bool in
            guard let base = expected.baseAddress else { return true }
            guard let buffer = malloc(data.count) else { return false }
            defer { free(buffer) }
            var offset = 0
            while offset < data.count {
                let count = read(fd, buffer + offset, data.count - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return memcmp(buffer, base, data.count) == 0
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

/// Deletes a folder tree with plain POSIX calls (Foundation's removeItem stats and lists extended attributes
/// of every file, which dominates writing a large site). Symbolic links are removed, never followed.
private func removeTree(_ path: String) {
    var info = stat()
    guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
        unlink(path)
        return
    }
    for entry in (try? Folder.entries(of: path)) ?? [] {
        if entry.isFolder { removeTree(path + "/" + entry.name) } else { unlink(path + "/" + entry.name) }
    }
    rmdir(path)
}

/// A file of the site that could not be written.
private struct SiteWriteError: LocalizedError {
    let message: String
    var errorDescription: String? { message }
}
