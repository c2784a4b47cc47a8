/// Reads a release's `rollout/` folder by content, never by name: Argo Rollouts `Rollout` and `AnalysisRun` objects and
/// Flagger `Canary` objects (alone or in a List, YAML or JSON as `kubectl get -o yaml|json` writes them) become
/// components; Prometheus `query_range` responses are parsed and kept for rollout.yaml's `prometheus:` bindings.
enum RolloutFolderReader {
    /// The subfolder of a release folder it reads.
    static let folder = "rollout"
    /// The file extensions it takes there.
    static let extensions = ["yaml", "yml", "json"]

    /// What the folder holds.
    struct Contents {
        /// One component per Rollout or Canary, in file order, with their AnalysisRuns attached.
        var components: [RolloutComponent] = []
        /// Prometheus responses by path, parsed.
        var responses: [String: DataNode] = [:]
        /// Where each response starts, for the warning about one that no binding uses.
        var responseLocations: [String: SourceLocation] = [:]
        /// AnalysisRuns whose Rollout is not in the folder: their names and where they are written.
        var strayRuns: [(name: String, location: SourceLocation)] = []
    }

    /// Reads every file of the folder; problems go to the log.
    static func read(_ release: ReleaseSource, log: DiagnosticLog) -> Contents {
        var contents = Contents()
        var rollouts: [ControllerRollout] = []
        var runs: [ArgoAnalysisRunReader.Read] = []
        var seen: [String: SourceLocation] = [:]
        for file in release.files(in: folder, extensions: extensions) {
            guard let text = file.readText(log: log) else { continue }
            let root: DataNode
            do {
                root = file.fileExtension == "json" ? try JSONReader.read(text.text, path: file.path)
                    : try YAMLReader.read(text.text, path: file.path)
            } catch {
                log.report(contentsOf: error.diagnostics)
                continue
            }
            if !KubernetesObjects.isObject(root), root["status"] != nil, root["data"] != nil || root["error"] != nil {
                contents.responses[file.path] = root
                contents.responseLocations[file.path] = root.location
                continue
            }
            guard KubernetesObjects.isObject(root) else {
                log.error("expected a Kubernetes object (apiVersion and kind, as kubectl get -o yaml writes it) or a Prometheus "
                          + "query_range response (status and data); found neither", at: root.location)
                continue
            }
            for object in KubernetesObjects.objects(in: root, path: file.path, log: log) {
                switch object.kind {
                case "Rollout", "AnalysisRun", "Canary":
                    guard KubernetesObjects.checkVersion(object, log: log) else { continue }
                    if object.kind == "AnalysisRun" {
                        if let run = ArgoAnalysisRunReader.read(object, log: log) { runs.append(run) }
                        continue
                    }
                    let read = object.kind == "Rollout" ? ArgoRolloutReader.read(object, log: log) : FlaggerCanaryReader.read(object, log: log)
                    guard var read else { continue }
                    read.component.source?.file = String(file.path.dropFirst(release.folder.count + 1))
                    if let first = seen[read.component.name] {
                        log.error("a second rollout named '\(read.component.name)' (the first is at \(first)); each Rollout or Canary "
                                  + "becomes one component, so names must differ", at: read.location)
                        continue
                    }
                    seen[read.component.name] = read.location
                    rollouts.append(read)
                default:
                    log.warning("a \(object.kind) (\(object.apiVersion)) is not read here; \(folder)/ takes Argo Rollouts Rollout and "
                                + "AnalysisRun objects, Flagger Canary objects and Prometheus query_range responses",
                                at: object.node["kind"]?.location)
                }
            }
        }
        contents.strayRuns = ArgoAnalysisChecks.attach(runs, to: &rollouts, log: log)
        contents.components = rollouts.map(\.component)
        return contents
    }
}
