/// Reads `status.conditions` of a controller's object, as Kubernetes writes them.
enum ControllerConditions {
    /// The conditions in file order; entries without a `type` are reported and left out.
    static func read(_ status: ObjectReader?) -> [RolloutSource.Condition] {
        guard let status, let list = status.list("conditions") else { return [] }
        return list.compactMap { element in
            guard let c = ObjectReader(element, log: status.log, what: "each condition"), let type = c.string("type", required: true) else {
                return nil
            }
            return RolloutSource.Condition(type: type, status: c.string("status"), reason: c.string("reason"),
                                           message: c.string("message"), lastTransitionTime: c.instant("lastTransitionTime"))
        }
    }
}
