/// Decodes performance records (results, definitions, comparisons) from mapping nodes, reporting every problem.
enum PerformanceRecords {
    /// The columns of a TestResult record.
    static let resultFields = ["test_name", "success", "duration_minutes", "throughput_jobs_per_hour", "resource_efficiency",
                               "cost_estimate", "error_message"]
    /// The columns of an operation comparison.
    static let comparisonFields = ["operation", "test_name", "old_duration", "new_duration", "old_memory_mb", "new_memory_mb"]

    /// A number field that must not be negative.
    static func measurement(_ r: ObjectReader, _ key: String, required: Bool = true) -> Double? {
        guard let value = r.double(key, required: required) else { return nil }
        if value < 0, let location = r.value(key)?.location {
            r.log.error(BaselineFields.negative(key, value), at: location)
            return nil
        }
        return value
    }

    /// Whether the fields read since `before` raised an error.
    private static func failed(_ log: DiagnosticLog, since before: Int) -> Bool {
        log.diagnostics[before...].contains { $0.severity == .error }
    }

    /// TestResult records; a repeated `test_name` is an error.
    static func results(_ nodes: [DataNode], log: DiagnosticLog) -> [PerformanceResult] {
        var ids = DuplicateIDs()
        return nodes.compactMap { result($0, ids: &ids, log: log) }
    }

    /// One TestResult record; `ids` holds the names seen before it.
    static func result(_ node: DataNode, ids: inout DuplicateIDs, log: DiagnosticLog) -> PerformanceResult? {
        guard let r = ObjectReader(node, log: log, what: "a performance result") else { return nil }
        let before = log.diagnostics.count
        let name = r.string("test_name", required: true)
        if let name, let location = r.value("test_name")?.location { ids.check(name, field: "test_name", at: location, log: log) }
        let success = r.bool("success", required: true)
        let duration = measurement(r, "duration_minutes"), throughput = measurement(r, "throughput_jobs_per_hour")
        let efficiency = measurement(r, "resource_efficiency"), cost = measurement(r, "cost_estimate")
        let message = r.string("error_message")
        r.warnUnknownKeys()
        guard !failed(log, since: before), let name, let success, let duration, let throughput, let efficiency, let cost else { return nil }
        return PerformanceResult(testName: name, success: success, durationMinutes: duration, throughputJobsPerHour: throughput,
                                 resourceEfficiency: efficiency, costEstimate: cost, errorMessage: message)
    }

    /// PerformanceTest definitions.
    static func definitions(_ nodes: [DataNode], log: DiagnosticLog) -> [PerformanceTestDefinition] {
        var ids = DuplicateIDs()
        return nodes.compactMap { node in
            guard let r = ObjectReader(node, log: log, what: "a performance test definition") else { return nil }
            let before = log.diagnostics.count
            let name = r.string("name", required: true)
            if let name, let location = r.value("name")?.location { ids.check(name, field: "name", at: location, log: log) }
            let jobType = r.string("job_type", required: true)
            let iterations = r.int("iterations", in: 0...Int.max), trials = r.int("trials", in: 0...Int.max)
            let expected = measurement(r, "expected_duration_min", required: false)
            let parallel = r.int("parallel_jobs", in: 1...100_000) ?? 1
            r.warnUnknownKeys()
            guard !failed(log, since: before), let name, let jobType else { return nil }
            return PerformanceTestDefinition(name: name, jobType: jobType, iterations: iterations, trials: trials,
                                             expectedDurationMin: expected, parallelJobs: parallel)
        }
    }

    /// An old/new comparison, or nil (with its errors logged); `test_name` is accepted for `operation`, and the
    /// name goes into `names`.
    static func comparison(_ node: DataNode, names: inout TextStore, log: DiagnosticLog) -> OperationComparison? {
        guard let r = ObjectReader(node, log: log, what: "an operation comparison") else { return nil }
        let before = log.diagnostics.count
        let name = r.value("operation") != nil ? r.string("operation") : r.string("test_name")
        if name == nil, r.value("test_name") == nil { log.error("missing required field 'operation'", at: node.location) }
        let old = measurement(r, "old_duration"), new = measurement(r, "new_duration")
        let oldMemory = measurement(r, "old_memory_mb", required: false), newMemory = measurement(r, "new_memory_mb", required: false)
        r.warnUnknownKeys()
        guard !failed(log, since: before), let name, let old, let new else { return nil }
        return OperationComparison(operation: names.add(name), oldDuration: old, newDuration: new, oldMemoryMb: oldMemory, newMemoryMb: newMemory)
    }
}
