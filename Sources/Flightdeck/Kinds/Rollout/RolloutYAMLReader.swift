/// Reads Flightdeck's rollout.yaml: components, each with stages, gates, events and Prometheus bindings; optional
/// metrics CSV. A component named like a controller's object in `rollout/` may leave out `stages`: it then adds its
/// gates, baseline, events and bindings to the stages read from that object.
enum RolloutYAMLReader {
    /// What the file gives besides the rollout.
    struct Result {
        /// The rollout; components that only add to a controller's object have no stages yet.
        var rollout: Rollout
        /// The `prometheus:` bindings, in file order.
        var bindings: [RolloutPrometheusBinding]
        /// The components without `stages` (taken from the controller's object of that name).
        var overlays: Set<String>
    }

    /// Parses the file; nil when it is not YAML at all or has no usable component. `controllers` are the names of the
    /// components read from `rollout/`. Problems go to the log.
    static func read(_ file: SourceFile, release: ReleaseSource, controllers: Set<String> = [], log: DiagnosticLog) -> Result? {
        let root: DataNode
        do {
            root = try YAMLReader.read(file.text, path: file.path)
        } catch {
            log.report(contentsOf: error.diagnostics)
            return nil
        }
        guard let r = ObjectReader(root, log: log, what: "rollout.yaml") else { return nil }
        let asOf = r.instant("as_of")
        let gates = r.object("gates").map(readGates) ?? RolloutGateOverrides()
        var components: [RolloutComponent] = []
        var bindings: [RolloutPrometheusBinding] = []
        var overlays: Set<String> = []
        func readComponent(_ c: ObjectReader, name: String?, single: Bool) -> RolloutComponent? {
            let overlay = c.node["stages"] == nil && name.map(controllers.contains) == true
            if let name, c.node["stages"] != nil, controllers.contains(name) {
                log.error("component '\(name)' has stages here and is also read from \(RolloutFolderReader.folder)/; leave out its "
                          + "'stages' to take the controller's, or rename one", at: c.node["name"]?.location ?? c.node.location)
            }
            bindings += RolloutPrometheusBinding.read(c, component: name)
            guard let component = Self.readComponent(c, name: name, single: single, overlay: overlay) else { return nil }
            if overlay { overlays.insert(component.name) }
            return component
        }
        if let list = r.list("components") {
            if list.isEmpty { log.error("'components' must list at least one component", at: r.node["components"]?.location) }
            var seen: [String: Int] = [:]
            for element in list {
                guard let c = ObjectReader(element, log: log, what: "each component") else { continue }
                guard let component = readComponent(c, name: c.string("name", required: true), single: false) else { continue }
                if let first = seen[component.name] {
                    log.error("duplicate component name '\(component.name)' (first at line \(first))", at: c.node["name"]?.location)
                    continue
                }
                seen[component.name] = element.location.line
                components.append(component)
            }
        } else if r.node["stages"] != nil {
            if let component = readComponent(r, name: r.string("component") ?? "default", single: true) { components.append(component) }
        } else if r.node["components"] == nil, controllers.isEmpty {
            log.error("missing required field 'components' (or 'stages' for a single component)", at: root.location)
        }
        var metricsPath: String?
        var metrics: [RolloutMetricPoint] = []
        if let name = r.string("metrics") {
            if let csv = release.file(named: name) {
                metricsPath = csv.path
                metrics = RolloutMetricsReader.read(csv, components: components.map(\.name), log: log)
            } else {
                log.error("'metrics' names \"\(name)\", which is not a file in \(release.folder)/", at: r.node["metrics"]?.location)
            }
        }
        r.warnUnknownKeys()
        // With controllers' objects beside it, a rollout.yaml may hold only gates, as_of and metrics.
        guard !components.isEmpty || !controllers.isEmpty else { return nil }
        let rollout = Rollout(path: file.path, format: .yaml, asOf: asOf, gates: gates, components: components,
                              metricsPath: metricsPath, metrics: metrics)
        return Result(rollout: rollout, bindings: bindings, overlays: overlays)
    }

    private static func readGates(_ g: ObjectReader) -> RolloutGateOverrides {
        let gates = RolloutGateOverrides(reading: g)
        g.warnUnknownKeys()
        return gates
    }

    /// Reads one component's fields from `c`: a list element, or the file itself in the single-component
    /// form (`single`), whose gates and unknown keys the file level handles. An `overlay` has no stages of its own.
    private static func readComponent(_ c: ObjectReader, name: String?, single: Bool, overlay: Bool) -> RolloutComponent? {
        let gates = single ? RolloutGateOverrides() : c.object("gates").map(readGates) ?? RolloutGateOverrides()
        let baseline = c.nonNegative("baseline_latency_p99_ms")
        let stages = overlay ? [] : RolloutStageReader.readStages(c)
        let events = RolloutStageReader.readEvents(c)
        if !single { c.warnUnknownKeys() }
        guard let name, let stages else { return nil }
        return RolloutComponent(name: name, gates: gates, baselineLatencyP99Ms: baseline, stages: stages, events: events)
    }
}
