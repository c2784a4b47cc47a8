import CSV
import Foundation

/// The road not taken: CSV.swift (the package Flightdeck used first) reading the baseline CSV and doing the
/// Python peer's sums, to show why the baseline reader scans bytes by hand (docs/performance/ingest.md).
enum CSVSwiftPeer {
    /// Rows and Σ cost of successful rows.
    static func baseline(_ url: URL) -> (rows: Int, successful: Int, cost: Double) {
        guard let stream = InputStream(url: url), let reader = try? CSVReader(stream: stream, hasHeaderRow: true),
              let header = reader.headerRow, let success = header.firstIndex(of: "success"),
              let cost = header.firstIndex(of: "cost_estimate"), let duration = header.firstIndex(of: "duration_minutes") else {
            return (0, 0, 0)
        }
        var rows = 0, successful = 0
        var total = 0.0, minutes = 0.0
        while let row = reader.next() {
            rows += 1
            if row[success] == "True" {
                successful += 1
                total += Double(row[cost]) ?? 0
                minutes += Double(row[duration]) ?? 0
            }
        }
        return (rows, successful, total)
    }
}
