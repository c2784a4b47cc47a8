/// Reads a release's rollout: rollout.yaml (with its optional metrics CSV and Prometheus bindings), the Argo Rollouts
/// and Flagger objects of its `rollout/` folder, and/or the seed controller's state JSON.
///
/// Each controller object is a component; a rollout.yaml component of the same name without `stages` adds its gates,
/// baseline, events and Prometheus bindings to it. With a rollout.yaml or controller objects present, the state JSON
/// is kept beside them and cross-checked (a controller whose current stage disagrees gets a warning).
package enum RolloutReader {
    /// The names of the controller state file, in order of preference.
    static let stateFileNames = ["rollout_state.json", "rollout.json"]

    /// The release's rollout, or nil when the release has none or it cannot be read. Problems go to the log.
    package static func read(_ release: ReleaseSource, log: DiagnosticLog) -> Rollout? {
        let folder = RolloutFolderReader.read(release, log: log)
        let yamlFile = release.file(stem: "rollout", extensions: ["yaml", "yml"])
        let stateFile = stateFileNames.lazy.compactMap { release.file(named: $0) }.first
        var controller: RolloutControllerState?
        if let stateFile, let text = stateFile.readText(log: log) {
            controller = RolloutStateReader.read(text, log: log)
        }
        var rollout: Rollout
        var bindings: [RolloutPrometheusBinding] = []
        if let yamlFile {
            guard let text = yamlFile.readText(log: log),
                  let result = RolloutYAMLReader.read(text, release: release, controllers: Set(folder.components.map(\.name)), log: log)
            else { return nil }
            rollout = merge(result, controllers: folder.components)
            bindings = result.bindings
        } else if !folder.components.isEmpty {
            rollout = Rollout(path: "\(release.folder)/\(RolloutFolderReader.folder)", format: .controllerObjects, components: folder.components)
        } else {
            if let first = folder.strayRuns.first {
                log.error("\(RolloutFolderReader.folder)/ has AnalysisRuns (\(folder.strayRuns.map(\.name).joined(separator: ", "))) but no "
                          + "Rollout, Canary or rollout.yaml they belong to; add the Rollout (kubectl get rollout NAME -o yaml)", at: first.location)
            }
            warnUnbound(folder, bound: [], log: log)
            return controller.map(RolloutStateReader.rollout(from:))
        }
        let prometheus = RolloutPrometheusReader.read(bindings, release: release, parsed: folder.responses, log: log)
        rollout.prometheus = prometheus.series
        rollout.metrics += prometheus.points
        rollout.metrics.sortByTime()
        warnUnbound(folder, bound: prometheus.paths, log: log)
        if let controller {
            rollout.controller = controller
            RolloutStateReader.crossCheck(controller, against: rollout, log: log)
        }
        return rollout
    }

    /// rollout.yaml's components, those without stages taking them from the controller object of their name, then
    /// the controller components rollout.yaml does not name, in file order.
    private static func merge(_ result: RolloutYAMLReader.Result, controllers: [RolloutComponent]) -> Rollout {
        var rollout = result.rollout
        var used = Set<String>()
        for index in rollout.components.indices {
            let own = rollout.components[index]
            guard let object = controllers.first(where: { $0.name == own.name }) else { continue }
            used.insert(own.name)
            guard result.overlays.contains(own.name) else { continue }
            var merged = object
            merged.gates = own.gates
            merged.baselineLatencyP99Ms = own.baselineLatencyP99Ms
            merged.events = (object.events + own.events).enumerated()
                .sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
            rollout.components[index] = merged
        }
        rollout.components += controllers.filter { !used.contains($0.name) }
        return rollout
    }

    /// Warns about each Prometheus response in `rollout/` that no binding uses.
    private static func warnUnbound(_ folder: RolloutFolderReader.Contents, bound: Set<String>, log: DiagnosticLog) {
        for (path, location) in folder.responseLocations.sorted(by: { $0.key < $1.key }) where !bound.contains(path) {
            log.warning("a Prometheus response that no series is bound to; name it in rollout.yaml under a component's "
                        + "prometheus: (error_rate or latency_p99_ms)", at: location)
        }
    }
}
