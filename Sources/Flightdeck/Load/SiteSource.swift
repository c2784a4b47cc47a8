package import Foundation

/// What the Load stage found: the config and every content file, grouped, in a stable order.
package struct SiteSource: Sendable {
    /// The site's root folder.
    package let root: URL
    /// The parsed `flightdeck.yaml`.
    package let config: SiteConfig
    /// `content/index.md`, when present.
    package let index: ContentFile?
    /// `content/pages/*.md`, sorted by path.
    package let pages: [ContentFile]
    /// `content/releases/<id>/`, sorted by id.
    package let releases: [ReleaseSource]
    /// The site's own `templates/` folder, when present.
    package let templates: URL?
    /// Every file under it (templates and `assets/`), sorted by path (`templates/partials/x.html`):
    /// listed once here, so Render never walks the file system itself.
    package let templateFiles: [ContentFile]

    /// The site's templates by name relative to `templates/` (`partials/x.html`), assets left out.
    package var templateNames: [String] {
        templateFiles.map { String($0.path.dropFirst("templates/".count)) }.filter { !$0.hasPrefix("assets/") }
    }
}

/// One release folder and its files.
package struct ReleaseSource: Sendable {
    /// The release id: its folder name.
    package let id: String
    /// The folder, relative to the site root (`content/releases/<id>`).
    package let folder: String
    /// Every file below the folder, sorted by path.
    package let files: [ContentFile]

    /// The file directly in the folder with this name (`release.yaml`), if present.
    package func file(named name: String) -> ContentFile? {
        files.first { $0.path == "\(folder)/\(name)" }
    }

    /// The first file directly in the folder named `stem` with one of the extensions, in the given order of preference.
    package func file(stem: String, extensions: [String]) -> ContentFile? {
        for ext in extensions { if let file = file(named: "\(stem).\(ext)") { return file } }
        return nil
    }

    /// Files in a subfolder (`tests`, `incidents`), optionally limited to extensions.
    package func files(in subfolder: String, extensions: [String]? = nil) -> [ContentFile] {
        files.filter { file in
            file.path.hasPrefix("\(folder)/\(subfolder)/")
                && (extensions.map { $0.contains(file.fileExtension) } ?? true)
        }
    }
}
