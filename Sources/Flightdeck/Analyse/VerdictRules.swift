/// The rules that turn figures into verdict reasons, one function per area.
enum VerdictRules {
    /// All reasons for a release, area by area.
    static func reasons(for figures: ReleaseFigures) -> [Verdict.Reason] {
        var reasons: [Verdict.Reason] = []
        if let checklist = figures.checklist { reasons += self.checklist(checklist) }
        if let signoffs = figures.signoffs { reasons += self.signoffs(signoffs) } else {
            reasons.append(.init(level: .pending, area: "signoffs", message: "no signoffs.yaml: nobody has signed off"))
        }
        return reasons
    }

    static func checklist(_ c: ChecklistFigures) -> [Verdict.Reason] {
        if c.failed > 0 {
            let texts = c.items.filter { $0.status == "failed" }.map { "\"\($0.text)\"" }.joined(separator: ", ")
            return [.init(level: .blocker, area: "checklist", message: "\(c.failed) checklist item(s) fail their check: \(texts)")]
        }
        if c.done < c.total {
            return [.init(level: .pending, area: "checklist", message: "\(c.done) of \(c.total) checklist items done")]
        }
        return [.init(level: .pass, area: "checklist", message: "all \(c.total) checklist items done")]
    }

    static func signoffs(_ s: SignoffFigures) -> [Verdict.Reason] {
        if !s.rejected.isEmpty {
            return [.init(level: .blocker, area: "signoffs", message: "rejected by \(s.rejected.joined(separator: ", "))")]
        }
        if !s.outstanding.isEmpty {
            return [.init(level: .pending, area: "signoffs",
                          message: "\(s.approved) of \(s.required) sign-offs; waiting for \(s.outstanding.joined(separator: ", "))")]
        }
        return [.init(level: .pass, area: "signoffs", message: "all \(s.required) required sign-offs approved")]
    }
}
