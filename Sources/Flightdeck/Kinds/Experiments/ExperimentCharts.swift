import FlightdeckCharts

/// Charts of A/B experiment figures.
enum ExperimentCharts {
    /// Relative difference (treatment vs control) per metric with its 95% CI, and the zero line.
    static func forest(_ e: ExperimentFigures, prefix: String) -> Chart? {
        let estimates = e.metrics.compactMap { metric -> Estimate? in
            guard let mean = metric.controlMean, mean != 0, let difference = metric.difference,
                  let low = metric.ciLow, let high = metric.ciHigh else { return nil }
            let scale = 100 / abs(mean)
            let tone: Tone = switch metric.effect {
            case .improvement: .positive
            case .regression: .negative
            case .none: .neutral
            }
            return Estimate(label: metric.name, value: difference * scale, lower: low * scale, upper: high * scale, tone: tone)
        }
        guard !estimates.isEmpty else { return nil }
        return .forest(ForestPlot(
            id: "\(prefix)-experiments", title: "Treatment vs control",
            description: "Difference of the treatment from the control per metric, in percent of the control mean, with the \(String(format: "%g", e.confidence * 100))% confidence interval.",
            xLabel: "Difference from control", format: .percent(decimals: 1), estimates: estimates, reference: 0))
    }
}
