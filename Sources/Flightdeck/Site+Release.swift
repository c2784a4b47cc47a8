package import Foundation

/// What the CLI's per-release commands (gate, export, signoff) need; package-only, not public API.
extension Site {
    /// Loads and analyses the site (no rendering, no writing) and finds one release by id.
    ///
    /// Other releases' errors do not stop it: the release comes back with its own diagnostics, and
    /// `hasErrors` says whether it can be judged. Errors of the site itself (the config) throw.
    func entry(_ release: ReleaseID, log: DiagnosticLog) throws(DiagnosticError) -> SiteModel.Entry {
        var options = BuildOptions(includeDrafts: true)
        options.keepGoing = true
        let id = release.name
        let model = try BuildPipeline(root: root, options: options, through: .analyse).model(log: log)
        if let entry = model.releases.first(where: { $0.data.release.id == id }) { return entry }
        let ids = model.releases.map(\.data.release.id)
        let known = ids.isEmpty ? "there are no releases in content/releases/" : "known releases: \(ids.sorted().joined(separator: ", "))"
        throw DiagnosticError(.error("no release '\(id)'\(Suggestion.phrase(for: id, in: ids)) (\(known))", at: nil))
    }

    /// The verdict of a release for `flightdeck gate`, with the diagnostics of that release only.
    ///
    /// An unknown release or errors in the site's config throw; errors in the release's own data give the
    /// decision "cannot judge" (exit 3).
    package func gate(_ id: ReleaseID) throws(DiagnosticError) -> GateReport {
        let entry = try entry(id, log: DiagnosticLog())
        // Evidence links lead to the pages the site has for them (`releases/<id>/tests/index.html`).
        let verdict = ReleasePages.linkingPages(entry.figures.verdict, pages: ReleasePages.pages(entry.data, hasErrors: entry.hasErrors))
        return GateReport(release: id.name, verdict: verdict, diagnostics: BuildPipeline.sorted(entry.diagnostics))
    }

    /// What a sign-off of this release approves now: its inputs by SHA-256 and the figures the verdict
    /// and the checklist read. A release whose data has errors has no figures to approve: `approving`
    /// it throws those errors (a rejection or a pending decision is still recorded).
    package func signoffEvidence(_ id: ReleaseID, approving: Bool) throws(DiagnosticError) -> SignoffEvidence {
        let entry = try entry(id, log: DiagnosticLog())
        if entry.hasErrors, approving {
            throw DiagnosticError(BuildPipeline.sorted(entry.diagnostics).filter { $0.severity == .error }
                + [.error("release '\(id.name)' cannot be judged, so it cannot be approved; fix the errors above first", at: nil)])
        }
        let files = try ReleaseInputs.hashed(entry.source, data: entry.data)
        let figures = entry.hasErrors ? [] : try SignoffVerification.snapshot(of: entry.figures, checklist: entry.data[ChecklistKind.self])
        return SignoffEvidence(files: files, figures: figures, flightdeck: flightdeckVersion)
    }

    /// The normalised data and computed figures of a release as JSON (the format of docs/export.md).
    package func export(_ id: ReleaseID) throws(DiagnosticError) -> Data {
        let entry = try entry(id, log: DiagnosticLog())
        if entry.hasErrors { throw DiagnosticError(BuildPipeline.sorted(entry.diagnostics)) }
        return try ReleaseExport.data(entry)
    }
}

/// What `flightdeck build --single-file` gets: the report, or why there is none.
package enum SingleFileOutcome: Sendable {
    /// The release's single-file report (the bytes `build` writes as `releases/<id>/report.html`).
    case report(Data)
    /// No release has that id: the message names the closest id or the known ones (a usage error).
    case unknownRelease(String)
}

extension Site {
    /// The single-file report of one release: the site is loaded, analysed and rendered (no cache, nothing
    /// written) and the release's `report.html` taken from the rendered files. Errors in the data throw.
    package func singleFileReport(_ release: ReleaseID) throws(DiagnosticError) -> SingleFileOutcome {
        var options = options
        options.noCache = true
        options.checkLinks = false
        let run = try BuildPipeline(root: root, options: options, through: .render).run(log: DiagnosticLog())
        let ids = run.model.listing.map(\.id)
        guard ids.contains(release.name) else {
            let known = ids.isEmpty ? "there are no releases in content/releases/" : "known releases: \(ids.sorted().joined(separator: ", "))"
            return .unknownRelease("no release '\(release.name)'\(Suggestion.phrase(for: release.name, in: ids)) (\(known))")
        }
        let path = SitePaths.file("releases/" + SitePaths.segment(release.name) + "/" + SingleFileReport.fileName)
        guard let file = run.files.first(where: { $0.path == path }) else {
            throw DiagnosticError(.error("release '\(release.name)' has no single-file report", at: nil))
        }
        do { return .report(try file.contents()) } catch let error as DiagnosticError { throw error } catch {
            throw DiagnosticError(.error("cannot read the single-file report of '\(release.name)': \(error.localizedDescription)", at: nil))
        }
    }
}
