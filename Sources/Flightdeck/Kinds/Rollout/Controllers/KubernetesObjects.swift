/// The Kubernetes objects in a parsed file: the object itself, or each item of a list (`kind: List` as `kubectl get`
/// writes several objects, or the API's own `RolloutList`, `CanaryList`…).
enum KubernetesObjects {
    /// One object with the two fields that say what it is.
    struct Object {
        /// The object.
        var node: DataNode
        /// `apiVersion`.
        var apiVersion: String
        /// `kind`.
        var kind: String
        /// The file it came from.
        var path: String
    }

    /// The controllers' API versions Flightdeck reads, by kind.
    static let known: [(kind: String, apiVersion: String, controller: String)] = [
        ("Rollout", "argoproj.io/v1alpha1", "Argo Rollouts"),
        ("AnalysisRun", "argoproj.io/v1alpha1", "Argo Rollouts"),
        ("Canary", "flagger.app/v1beta1", "Flagger"),
    ]

    /// Whether a parsed file is a Kubernetes object (it names its `apiVersion` or `kind`).
    static func isObject(_ root: DataNode) -> Bool {
        root["apiVersion"] != nil || root["kind"] != nil
    }

    /// The objects of a file; problems (a missing kind, an item that is not an object) go to the log.
    static func objects(in root: DataNode, path: String, log: DiagnosticLog) -> [Object] {
        guard let object = object(root, path: path, log: log, what: "the file") else { return [] }
        guard object.kind == "List" || (object.kind.hasSuffix("List") && root["items"] != nil) else { return [object] }
        guard let r = ObjectReader(root, log: log, what: "a \(object.kind)"), let items = r.list("items", required: true) else { return [] }
        return items.enumerated().compactMap { index, item in self.object(item, path: path, log: log, what: "items[\(index)]") }
    }

    private static func object(_ node: DataNode, path: String, log: DiagnosticLog, what: String) -> Object? {
        guard let r = ObjectReader(node, log: log, what: what) else { return nil }
        let apiVersion = r.string("apiVersion", required: true)
        let kind = r.string("kind", required: true)
        guard let apiVersion, let kind else { return nil }
        return Object(node: node, apiVersion: apiVersion, kind: kind, path: path)
    }

    /// Whether the object's `apiVersion` is the one Flightdeck reads for its kind; an error at `apiVersion` naming it otherwise.
    static func checkVersion(_ object: Object, log: DiagnosticLog) -> Bool {
        let versions = known.filter { $0.kind == object.kind }
        guard !versions.contains(where: { $0.apiVersion == object.apiVersion }) else { return true }
        let names = versions.map { "\($0.apiVersion) (\($0.controller))" }.joined(separator: " or ")
        let article = "AEIOU".contains(object.kind.prefix(1)) ? "an" : "a"
        log.error("'apiVersion' of \(article) \(object.kind) must be \(names), found \"\(object.apiVersion)\"", at: object.node["apiVersion"]?.location)
        return false
    }
}
