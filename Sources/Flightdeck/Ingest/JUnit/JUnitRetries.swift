/// Folds repeated testcases (Gradle's test-retry plugin, pytest-rerunfailures) into one test each.
enum JUnitRetries {
    /// Cases with the same class and name become one: the last attempt's outcome, flaky when an earlier attempt failed.
    static func merge(_ cases: [TestCase]) -> [TestCase] {
        struct Key: Hashable {
            let className: String?
            let name: String
        }
        var seen = Set<Key>(minimumCapacity: cases.count)
        guard !cases.allSatisfy({ seen.insert(Key(className: $0.className, name: $0.name)).inserted }) else { return cases }
        var index: [String: Int] = [:]
        var merged: [TestCase] = []
        for test in cases {
            guard let at = index[test.id] else {
                index[test.id] = merged.count
                merged.append(test)
                continue
            }
            var earlier = merged[at]
            let failedBefore = earlier.outcome.isFailing || earlier.outcome == .flaky
            var latest = test
            latest.attempts = earlier.attempts + test.attempts
            if latest.outcome == .passed, failedBefore {
                latest.outcome = .flaky
                latest.message = latest.message ?? earlier.message
                latest.trace = latest.trace ?? earlier.trace
            }
            earlier = latest
            merged[at] = earlier
        }
        return merged
    }
}
