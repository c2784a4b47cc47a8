/// Reads a release's rollout: rollout.yaml (with its optional metrics CSV) and/or the seed controller's state JSON.
///
/// With both present the YAML is the rollout and the state JSON is kept beside it and cross-checked
/// (a controller whose current stage disagrees with the YAML gets a warning).
package enum RolloutReader {
    /// The names of the controller state file, in order of preference.
    static let stateFileNames = ["rollout_state.json", "rollout.json"]

    /// The release's rollout, or nil when the release has none or it cannot be read. Problems go to the log.
    package static func read(_ release: ReleaseSource, log: DiagnosticLog) -> Rollout? {
        let yamlFile = release.file(stem: "rollout", extensions: ["yaml", "yml"])
        let stateFile = stateFileNames.lazy.compactMap { release.file(named: $0) }.first
        var controller: RolloutControllerState?
        if let stateFile, let text = stateFile.readText(log: log, limit: 16 << 20) {
            controller = RolloutStateReader.read(text, log: log)
        }
        guard let yamlFile else {
            return controller.map(RolloutStateReader.rollout(from:))
        }
        guard let text = yamlFile.readText(log: log, limit: 16 << 20),
              var rollout = RolloutYAMLReader.read(text, release: release, log: log) else { return nil }
        if let controller {
            rollout.controller = controller
            RolloutStateReader.crossCheck(controller, against: rollout, log: log)
        }
        return rollout
    }
}
