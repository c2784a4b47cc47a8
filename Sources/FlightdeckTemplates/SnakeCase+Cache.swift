import Foundation

extension SnakeCase {
    /// `convert`, remembered: models repeat the same few property names many thousand times in a build.
    static func cached(_ key: String) -> String {
        func isPlain(_ byte: UInt8) -> Bool { (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F }
        // Field names are literals, whose UTF-8 is contiguous: a plain loop over it, else the generic view.
        if key.utf8.withContiguousStorageIfAvailable({ $0.allSatisfy(isPlain) }) ?? key.utf8.allSatisfy(isPlain) { return key }
        cacheLock.lock()
        if let known = cache[key] {
            cacheLock.unlock()
            return known
        }
        cacheLock.unlock()
        let converted = convert(key)
        cacheLock.lock()
        if cache.count < 10_000 { cache[key] = converted }
        cacheLock.unlock()
        return converted
    }

    nonisolated(unsafe) private static var cache: [String: String] = [:]
    private static let cacheLock = NSLock()
}
