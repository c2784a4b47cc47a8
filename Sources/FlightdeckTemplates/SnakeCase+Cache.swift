import Foundation

extension SnakeCase {
    /// `convert`, remembered: models repeat the same few property names many thousand times in a build.
    static func cached(_ key: String) -> String {
        if key.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }) { return key }
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
