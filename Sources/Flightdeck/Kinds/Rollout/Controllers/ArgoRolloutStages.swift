import FlightdeckCore

/// Argo Rollouts' canary steps as rollout stages.
///
/// Each `setWeight` step starts a stage named after its position (`step 3`) at that weight; the steps after it
/// (pauses, analyses, experiments) belong to it. Steps before the first `setWeight` form a stage `initial` at 0%.
/// After the last step Argo Rollouts promotes the new version fully: the stage `promoted` at 100%.
enum ArgoRolloutStages {
    /// One canary step.
    struct Step {
        /// Its position in `steps`, from 0.
        var index: Int
        /// The weight it sets, for a `setWeight` step.
        var weight: Double?
        /// The step in words: `setWeight 20`, `pause`, `pause 10m`, `analysis success-rate`.
        var text: String
    }

    /// Stages and the first step of each.
    struct Plan {
        /// The stages, planned (progress is set afterwards).
        var stages: [RolloutStage]
        /// For each stage, the index of its first step (`steps.count` for `promoted`).
        var firstSteps: [Int]
    }

    /// The steps of `strategy.canary.steps`; a step that is not a mapping is reported and left out.
    static func steps(_ canary: ObjectReader?) -> [Step] {
        guard let canary, let list = canary.list("steps") else { return [] }
        var steps: [Step] = []
        for (index, element) in list.enumerated() {
            guard let s = ObjectReader(element, log: canary.log, what: "each step"), let key = s.keys.first else {
                if element.entries?.isEmpty == true { canary.log.error("a step must name what it does, like {setWeight: 20}", at: element.location) }
                continue
            }
            switch key {
            case "setWeight":
                guard let weight = s.percent("setWeight") else { continue }
                steps.append(Step(index: index, weight: weight, text: "setWeight \(FigureText.number(weight))"))
            case "pause":
                let duration = element["pause"]?["duration"]
                let text = duration.map { d in if case .int(let seconds) = d.kind { "\(seconds)s" } else { d.scalarText ?? "" } }
                steps.append(Step(index: index, text: text.map { "pause \($0)" } ?? "pause"))
            case "analysis":
                let names = element["analysis"]?["templates"]?.elements?.compactMap { $0["templateName"]?.scalarText } ?? []
                steps.append(Step(index: index, text: names.isEmpty ? "analysis" : "analysis \(names.joined(separator: ", "))"))
            default:
                steps.append(Step(index: index, text: key))
            }
        }
        return steps
    }

    /// The stages of a canary.
    static func canary(_ steps: [Step]) -> Plan {
        var stages: [RolloutStage] = [], firstSteps: [Int] = [], texts: [[String]] = []
        for step in steps {
            if let weight = step.weight {
                stages.append(RolloutStage(name: "step \(step.index + 1)", trafficPercent: weight))
                firstSteps.append(step.index)
                texts.append([step.text])
            } else if stages.isEmpty {
                stages.append(RolloutStage(name: "initial", trafficPercent: 0))
                firstSteps.append(0)
                texts.append([step.text])
            } else {
                texts[texts.count - 1].append(step.text)
            }
        }
        for index in stages.indices { stages[index].detail = texts[index].joined(separator: " · ") }
        var promoted = RolloutStage(name: "promoted", trafficPercent: 100)
        promoted.detail = "full promotion after the last step"
        return Plan(stages: stages + [promoted], firstSteps: firstSteps + [steps.count])
    }

    /// The stages of a blue-green rollout: `preview` (0%: the preview service has the new version) and `promoted`.
    static func blueGreen() -> Plan {
        var preview = RolloutStage(name: "preview", trafficPercent: 0)
        preview.detail = "new version behind the preview service"
        var promoted = RolloutStage(name: "promoted", trafficPercent: 100)
        promoted.detail = "active service switched to the new version"
        return Plan(stages: [preview, promoted], firstSteps: [0, 1])
    }

    /// How far the rollout got with each stage: all completed when the rollout is complete; otherwise the stage holding
    /// step `current` is active (rolled back after an abort), those before it completed, those after it planned. Without
    /// a current step (no status yet) every stage is planned.
    static func progress(firstSteps: [Int], current: Int?, status: RolloutStatus) -> [RolloutStageFigures.Status] {
        if status == .complete { return firstSteps.map { _ in .completed } }
        guard let current else { return firstSteps.map { _ in .planned } }
        let active = firstSteps.lastIndex { $0 <= current } ?? 0
        return firstSteps.indices.map { index in
            index < active ? .completed : index > active ? .planned : status == .rolledBack ? .rolledBack : .active
        }
    }
}
