/// Whether a request's `Accept-Encoding` allows a gzip response (RFC 9110 §12.5.3).
enum AcceptEncoding {
    /// True when `gzip` (or `x-gzip`, or `*` without an explicit gzip entry) has a non-zero quality.
    static func allowsGzip(_ header: String?) -> Bool {
        guard let header, header.count <= 1024 else { return false }
        var wildcard: Bool?
        for entry in header.split(separator: ",") {
            let parts = entry.split(separator: ";")
            guard let name = parts.first?.trimmingSpaces.lowercased() else { continue }
            let accepted = quality(parts.dropFirst()) > 0
            switch name {
            case "gzip", "x-gzip": return accepted
            case "*": wildcard = accepted
            default: continue
            }
        }
        return wildcard ?? false
    }

    private static func quality(_ parameters: ArraySlice<Substring>) -> Double {
        for parameter in parameters {
            let pair = parameter.trimmingSpaces.split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].lowercased() == "q" {
                return Double(pair[1].trimmingSpaces) ?? 0
            }
        }
        return 1
    }
}
