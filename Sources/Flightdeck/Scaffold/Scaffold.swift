import FlightdeckCore
package import Foundation

/// Creates new sites and release folders from commented stubs (`flightdeck init`, `flightdeck new release`).
package enum Scaffold {
    /// Creates a working site in `folder` (which may exist but must not hold a flightdeck.yaml).
    /// Returns the paths created, relative to the folder.
    package static func createSite(at folder: URL, today: Date = Date()) throws(DiagnosticError) -> [String] {
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("flightdeck.yaml").path) {
            throw DiagnosticError(.error("\(folder.path) already holds a flightdeck.yaml; not overwriting it", at: nil))
        }
        let title = folder.lastPathComponent.isEmpty ? "Release reports" : "\(folder.lastPathComponent) release reports"
        var files = [
            "flightdeck.yaml": ScaffoldTexts.config(title: title),
            "content/index.md": ScaffoldTexts.index,
            "content/pages/process.md": ScaffoldTexts.process,
        ]
        // The build output, the previous build kept beside it (see SiteWriter) and the lock files
        // `flightdeck signoff` leaves beside each signoffs.yaml stay out of version control.
        if !FileManager.default.fileExists(atPath: folder.appendingPathComponent(".gitignore").path) {
            files[".gitignore"] = "public/\n.public.previous/\n.flightdeck-cache/\n\(SignoffRecorder.lockName)\n"
        }
        var created = try write(files, into: folder)
        created += try createRelease(id: try ReleaseID("1.0.0"), in: folder, today: today)
        return created
    }

    /// Adds `content/releases/<id>/` with release.yaml, notes, checklist, sign-offs and `.example` stubs of every data file.
    package static func createRelease(id: ReleaseID, in site: URL, today: Date = Date()) throws(DiagnosticError) -> [String] {
        let folder = id.folder
        if FileManager.default.fileExists(atPath: site.appendingPathComponent(folder).path) {
            throw DiagnosticError(.error("\(folder) already exists; not overwriting it", at: nil))
        }
        let day = Timestamp.dayString(today)
        var files: [String: String] = [
            "release.yaml": ScaffoldTexts.release(id: id.name, day: day),
            "notes.md": ScaffoldTexts.notes(id: id.name),
            "checklist.md": ScaffoldTexts.checklist,
            "signoffs.yaml": ScaffoldTexts.signoffs,
        ]
        for (name, text) in ScaffoldTexts.dataStubs { files[name] = text }
        return try write(Dictionary(uniqueKeysWithValues: files.map { ("\(folder)/\($0.key)", $0.value) }), into: site)
    }

    private static func write(_ files: [String: String], into folder: URL) throws(DiagnosticError) -> [String] {
        let fileManager = FileManager.default
        for path in files.keys.sorted() {
            let url = folder.appendingPathComponent(path)
            do {
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data((files[path] ?? "").utf8).write(to: url, options: .withoutOverwriting)
            } catch {
                throw DiagnosticError(.error("cannot create \(url.path): \(error.localizedDescription)", at: nil))
            }
        }
        return files.keys.sorted()
    }
}
