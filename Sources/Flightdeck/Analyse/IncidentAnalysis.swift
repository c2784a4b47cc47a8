/// Figures computed from Incidents. (Placeholder.)
package struct IncidentFigures: Sendable, Encodable {
    package init() {}
}

/// Pure computation of IncidentFigures.
package enum IncidentAnalysis {
    /// Computes the figures.
    package static func analyse(_ incidents: Incidents) -> IncidentFigures {
        IncidentFigures()
    }
}
