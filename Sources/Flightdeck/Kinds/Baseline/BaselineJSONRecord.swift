import Foundation

/// Decodes one baseline record from a JSON mapping.
enum BaselineJSONRecord {
    /// State shared across the records of one file.
    struct Context {
        var ids = DuplicateIDs()
        var timestamps = NaiveTimestampPolicy()
    }

    /// The record, or nil (with errors logged) when any field is wrong.
    static func decode(_ node: DataNode, context: inout Context, log: DiagnosticLog) -> BaselineMetric? {
        guard let r = ObjectReader(node, log: log, what: "a baseline record") else { return nil }
        let before = log.diagnostics.count
        var timestamp: Date?
        if let value = r.value("timestamp", required: true) {
            if let text = value.scalarText, case .string = value.kind {
                timestamp = context.timestamps.parse(text, at: value.location, log: log)
            } else {
                log.error("'timestamp' must be a timestamp, found \(value.quoted)", at: value.location)
            }
        }
        let jobId = r.string("job_id", required: true)
        if let jobId, let location = r.value("job_id")?.location {
            if jobId.isEmpty { log.error("'job_id' must not be empty", at: location) }
            context.ids.check(jobId, field: "job_id", at: location, log: log)
        }
        let jobType = r.string("job_type", required: true)
        let iterations = r.int("iterations", required: true, in: 0...Int.max)
        let trials = r.int("trials", required: true, in: 0...Int.max)
        let country = r.string("country", required: true)
        func measurement(_ key: String) -> Double? {
            guard let value = r.double(key, required: true) else { return nil }
            if value < 0, let location = r.value(key)?.location { log.error(BaselineFields.negative(key, value), at: location); return nil }
            return value
        }
        let duration = measurement("duration_minutes")
        let cpu = measurement("cpu_hours")
        let memory = measurement("memory_gb_hours")
        let cost = measurement("cost_estimate")
        let success = r.bool("success", required: true)
        let errorMessage = r.string("error_message")
        r.warnUnknownKeys()
        guard !log.diagnostics[before...].contains(where: { $0.severity == .error }),
              let timestamp, let jobId, let jobType, let iterations, let trials, let country,
              let duration, let cpu, let memory, let cost, let success else { return nil }
        return BaselineMetric(timestamp: timestamp, jobId: jobId, jobType: jobType, iterations: iterations, trials: trials,
                              country: country, durationMinutes: duration, cpuHours: cpu, memoryGbHours: memory,
                              costEstimate: cost, success: success, errorMessage: errorMessage)
    }
}
