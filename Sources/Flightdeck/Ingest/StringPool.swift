/// One copy of each string that repeats across the records of a file (class names, exception types, file names):
/// a string longer than 15 bytes lives on the heap, so a million test cases of one class would otherwise hold a
/// million copies of its name. Bounded: once it holds `capacity` strings, a new one is returned as it is.
package struct StringPool {
    private var strings: Set<String> = []
    private let capacity: Int

    /// A pool of at most `capacity` strings.
    package init(capacity: Int = 4_096) {
        self.capacity = capacity
    }

    /// The pooled copy of `string` (equal to it), pooling it when there is room.
    package mutating func callAsFunction(_ string: String) -> String {
        guard string.utf8.count > 15 else { return string }   // a small string is stored inline, with nothing to share
        if let index = strings.firstIndex(of: string) { return strings[index] }
        if strings.count < capacity { strings.insert(string) }
        return string
    }

    /// The pooled copy of an optional string.
    package mutating func callAsFunction(_ string: String?) -> String? {
        string.map { self($0) }
    }
}
