import Foundation

/// The file formats the rollout kind reads, as `flightdeck add` recognises them by content and places them.
enum RolloutFormats {
    /// Every format, in the order `flightdeck add` lists them.
    static let all: [DataFormat] = [
        DataFormat(id: "rollout-yaml", title: "Flightdeck rollout (YAML)", destination: { _ in "rollout.yaml" },
                   recognise: { sample in
                       guard !sample.start.hasPrefix("{"), !sample.start.hasPrefix("<"), !sample.head.contains("apiVersion") else { return 0 }
                       return sample.head.contains("components:") && sample.head.contains("stages:") ? 0.8 : 0
                   }),
        DataFormat(id: "rollout-state-json", title: "the seed rollout controller's state (JSON)", destination: { _ in "rollout_state.json" },
                   recognise: { $0.start.hasPrefix("{") ? $0.share(of: ["\"configs\"", "\"current_stages\"", "\"stage_duration_days\""]) * 0.9 : 0 }),
        DataFormat(id: "argo-rollout", title: "Argo Rollouts Rollout (kubectl get -o yaml or -o json)",
                   destination: { folder($0, json: false) },
                   recognise: { sample in
                       guard sample.head.contains("argoproj.io/"), declares("Rollout", in: sample.head) else { return 0 }
                       // An AnalysisRun names its Rollout as owner; a List of both goes to the same folder either way.
                       return declares("AnalysisRun", in: sample.head) ? 0.7 : 0.9
                   }),
        DataFormat(id: "argo-analysisrun", title: "Argo Rollouts AnalysisRun (kubectl get -o yaml or -o json)",
                   destination: { folder($0, json: false) },
                   recognise: { $0.head.contains("argoproj.io/") && declares("AnalysisRun", in: $0.head) ? 0.9 : 0 }),
        DataFormat(id: "flagger-canary", title: "Flagger Canary (kubectl get -o yaml or -o json)",
                   destination: { folder($0, json: false) },
                   recognise: { $0.head.contains("flagger.app/") && declares("Canary", in: $0.head) ? 0.9 : 0 }),
        DataFormat(id: "prometheus-query-range", title: "Prometheus HTTP API query_range response (JSON)",
                   destination: { folder($0, json: true) },
                   recognise: { sample in
                       guard sample.start.hasPrefix("{"), sample.head.contains("\"status\"") else { return 0 }
                       if sample.head.contains("\"resultType\"") { return sample.head.contains("\"matrix\"") ? 0.9 : 0.6 }
                       // An error response is still one: placed, it fails the build with Prometheus' own message.
                       return sample.head.contains("\"errorType\"") ? 0.6 : 0
                   }),
    ]

    /// `rollout/<name>`, with `.json` or `.yaml` added when the name has neither.
    private static func folder(_ name: String, json: Bool) -> String {
        let known = RolloutFolderReader.extensions.contains { name.lowercased().hasSuffix("." + $0) }
        return "\(RolloutFolderReader.folder)/" + (known ? name : name + (json ? ".json" : ".yaml"))
    }

    /// Whether the text has `kind: <kind>` (YAML) or `"kind": "<kind>"` (JSON) for exactly this kind.
    static func declares(_ kind: String, in text: String) -> Bool {
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.drop { $0 == " " || $0 == "-" || $0 == "\t" || $0 == "{" || $0 == "," }
            for prefix in ["kind:", "\"kind\":"] where trimmed.hasPrefix(prefix) {
                let value = trimmed.dropFirst(prefix.count).drop { $0 == " " }
                    .prefix { $0 != "," && $0 != "}" && $0 != "\r" }
                    .trimmingCharacters(in: .whitespaces)
                if value == kind || value == "\"\(kind)\"" || value == "'\(kind)'" { return true }
            }
            // Compact JSON on one line: "kind":"Rollout" anywhere.
            if line.contains("\"kind\":\"\(kind)\"") || line.contains("\"kind\": \"\(kind)\"") { return true }
        }
        return false
    }
}
