import Foundation

/// The Load stage: reads flightdeck.yaml and lists content files, in a stable order. Parses nothing else.
enum ContentLoader {
    /// Loads the site at `root`. A missing config or content folder is an error; config problems go to the log.
    static func load(root: URL, log: DiagnosticLog) throws(DiagnosticError) -> SiteSource {
        let fileManager = FileManager.default
        let configURL = root.appendingPathComponent("flightdeck.yaml")
        guard fileManager.fileExists(atPath: configURL.path) else {
            throw DiagnosticError(.error("no flightdeck.yaml in \(root.path); run 'flightdeck init' there to create a site, or pass --source DIR", at: nil))
        }
        let configFile = try ContentFile(path: "flightdeck.yaml", url: configURL).readText()
        let config = SiteConfig(parsing: configFile, log: log)

        let content = root.appendingPathComponent("content")
        var isFolder: ObjCBool = false
        guard fileManager.fileExists(atPath: content.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw DiagnosticError(.error("no content/ folder next to flightdeck.yaml", at: .file("flightdeck.yaml")))
        }
        let index = content.appendingPathComponent("index.md")
        let pages = try files(in: content.appendingPathComponent("pages"), root: root, recursive: false)
            .filter { $0.fileExtension == "md" }
        var releases: [ReleaseSource] = []
        let releasesFolder = content.appendingPathComponent("releases")
        for folder in try subfolders(of: releasesFolder) {
            let id = folder.lastPathComponent
            let relative = "content/releases/\(id)"
            releases.append(ReleaseSource(id: id, folder: relative, files: try files(in: folder, root: root, recursive: true)))
        }
        let templates = root.appendingPathComponent("templates")
        let hasTemplates = fileManager.fileExists(atPath: templates.path, isDirectory: &isFolder) && isFolder.boolValue
        return SiteSource(
            root: root,
            config: config,
            index: fileManager.fileExists(atPath: index.path) ? ContentFile(path: "content/index.md", url: index) : nil,
            pages: pages,
            releases: releases,
            templates: hasTemplates ? templates : nil,
            templateFiles: hasTemplates ? try files(in: templates, root: root, recursive: true) : []
        )
    }

    /// Names that are never content: hidden files, editor backups and swap files.
    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("#") || name.hasSuffix("~") || name.hasSuffix(".swp")
    }

    private static func subfolders(of folder: URL) throws(DiagnosticError) -> [URL] {
        try contents(of: folder).filter(\.isFolder).map { folder.appendingPathComponent($0.name, isDirectory: true) }
    }

    /// A folder's entries, hidden and editor files left out, by name; none when the folder does not exist.
    private static func contents(of folder: URL) throws(DiagnosticError) -> [Folder.Entry] {
        try contents(of: folder.path, relative: relativePath(of: folder))
    }

    /// The same, for a folder at `path` shown as `relative` in errors.
    private static func contents(of path: String, relative: String) throws(DiagnosticError) -> [Folder.Entry] {
        let entries: [Folder.Entry]
        do {
            entries = try Folder.entries(of: path)
        } catch {
            guard error.code != .ENOENT else { return [] }
            throw DiagnosticError(.error("cannot list folder: \(String(cString: strerror(error.code.rawValue)).lowercased())", at: .file(relative)))
        }
        return entries.filter { !isIgnored($0.name) }.sorted { $0.name < $1.name }
    }

    /// The files under `folder`, by path; `relative` is the folder's path from the site root.
    private static func files(in folder: URL, root: URL, recursive: Bool) throws(DiagnosticError) -> [ContentFile] {
        try files(in: folder, relative: relative(folder, to: root), recursive: recursive).sorted { $0.path < $1.path }
    }

    private static func files(in folder: URL, relative: String, recursive: Bool) throws(DiagnosticError) -> [ContentFile] {
        var result: [ContentFile] = []
        try files(in: folder.path, relative: relative, recursive: recursive, into: &result)
        return result
    }

    /// Lists with path strings: a `URL` per file costs more than the listing itself on a large site.
    private static func files(in folder: String, relative: String, recursive: Bool, into result: inout [ContentFile]) throws(DiagnosticError) {
        for entry in try contents(of: folder, relative: relative) {
            let path = folder + "/" + entry.name
            if entry.isFolder {
                if recursive { try files(in: path, relative: relative + "/" + entry.name, recursive: true, into: &result) }
            } else {
                result.append(ContentFile(path: relative + "/" + entry.name, absolutePath: path))
            }
        }
    }

    private static func relative(_ url: URL, to root: URL) -> String {
        let base = root.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        guard path.hasPrefix(base + "/") else { return path }
        return String(path.dropFirst(base.count + 1))
    }

    private static func relativePath(of url: URL) -> String {
        url.path.replacingOccurrences(of: FileManager.default.currentDirectoryPath + "/", with: "")
    }
}
