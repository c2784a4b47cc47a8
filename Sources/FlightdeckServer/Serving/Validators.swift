/// Evaluates `If-None-Match` and `If-Modified-Since` against a representation (RFC 9110 §13.1).
enum Validators {
    /// Whether a GET or HEAD can be answered with 304 Not Modified.
    ///
    /// `If-None-Match` wins when present; otherwise `If-Modified-Since` compares whole seconds.
    static func isNotModified(ifNoneMatch: String?, ifModifiedSince: String?, etag: String, modifiedSeconds: Int) -> Bool {
        if let ifNoneMatch { return matches(ifNoneMatch: ifNoneMatch, etag: etag) }
        if let ifModifiedSince { return isUnchanged(since: ifModifiedSince, modifiedSeconds: modifiedSeconds) }
        return false
    }

    /// Whether an `If-None-Match` list names `etag` (weak comparison) or is `*`.
    static func matches(ifNoneMatch: String, etag: String) -> Bool {
        let wanted = opaque(etag)
        return ifNoneMatch.split(separator: ",").contains { tag in
            let tag = tag.trimmingSpaces
            return tag == "*" || opaque(tag) == wanted
        }
    }

    /// Whether a file modified at `modifiedSeconds` is unchanged since the `If-Modified-Since` date (ignored if malformed).
    static func isUnchanged(since ifModifiedSince: String, modifiedSeconds: Int) -> Bool {
        guard let since = HTTPDate.parse(ifModifiedSince) else { return false }
        return modifiedSeconds <= since
    }

    /// Whether `If-Range` lets a range apply: absent, or naming this exact (strong) ETag or Last-Modified date.
    static func allowsRange(ifRange: String?, etag: String, lastModified: String) -> Bool {
        guard let ifRange = ifRange?.trimmingSpaces else { return true }
        return (!ifRange.hasPrefix("W/") && ifRange == etag) || ifRange == lastModified
    }

    /// A strong entity tag for these bytes: FNV-1a 64 of the content, quoted.
    static func etag(for bytes: some Sequence<UInt8>) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return "\"" + String(repeating: "0", count: 16 - hex.count) + hex + "\""
    }

    private static func opaque(_ tag: some StringProtocol) -> Substring {
        tag.hasPrefix("W/") ? Substring(tag.dropFirst(2)) : Substring(tag)
    }
}
