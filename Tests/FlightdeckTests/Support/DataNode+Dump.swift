@testable import Flightdeck

extension DataNode {
    /// The node with every location, to compare trees (readers that build the same tree a record at a time).
    var dump: String {
        let place = location.description
        if let entries {
            return "{\(place) " + entries.map { "\($0.key)@\($0.keyLocation.description): \($0.value.dump)" }.joined(separator: ", ") + "}"
        }
        if let elements { return "[\(place) " + elements.map(\.dump).joined(separator: ", ") + "]" }
        return "\(place) \(scalarText ?? "null")"
    }
}
