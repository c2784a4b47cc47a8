import FlightdeckCore
import FlightdeckTemplates

/// One earlier release of the product, as the test history reads it.
package struct EarlierTests: Sendable {
    /// The release's id.
    package let release: String
    /// Its test results; nil when it reported none.
    package let tests: TestResults?

    /// Wraps one earlier release's results.
    package init(release: String, tests: TestResults?) {
        self.release = release
        self.tests = tests
    }
}

/// How a test ended in one release of its history strip.
package enum HistoryOutcome: String, Sendable, Encodable {
    case passed, failed, error, skipped
    /// The release had no test of that id (or no test results).
    case absent

    init(_ outcome: TestOutcome) {
        switch outcome {
        case .passed: self = .passed
        case .failed: self = .failed
        case .error: self = .error
        case .skipped: self = .skipped
        }
    }
}

/// The outcomes of the tests the page lists over the product's recent releases (an Allure-style history).
package struct TestHistory: Sendable, Encodable {
    /// The releases of the window, oldest first, this release last.
    package let releases: [String]
    /// Per listed test id (failing, fixed, flaky and slowest tests), its row; keys are test ids as written.
    package var tests: TestHistoryRows
    /// Rows a page leaves off: those of tests its cut lists do not show (absent in summary.json, which has them all).
    package var testsOmitted: Int? = nil
}

/// The history rows of the listed tests, read as a map from test id to `TestHistoryRow`: each id once, in the
/// order of its UTF-8 bytes, with its outcomes in one flat list. A row's anchor and flips are computed when it is
/// read, so a release of millions of failing tests holds one id and a few bytes per test, not a dictionary of rows.
package struct TestHistoryRows: Sendable, Encodable, StringKeyedMap {
    /// The ids, sorted by their UTF-8 bytes, without repeats.
    package private(set) var keys: [String]
    /// `outcomes[row * width ..< (row + 1) * width]`: the outcomes of `keys[row]`, oldest first.
    private var outcomes: [HistoryOutcome]
    /// The releases of the window.
    private let width: Int

    /// The rows of a table of `outcomes` (`width` per row) named by `rows`, in any order and with repeats.
    init(width: Int, outcomes table: [HistoryOutcome], rows: [(id: String, row: Int)]) {
        self.width = width
        let order = rows.indices.sorted { a, b in
            rows[a].id.utf8.lexicographicallyPrecedes(rows[b].id.utf8)
        }
        keys = []
        outcomes = []
        keys.reserveCapacity(order.count)
        outcomes.reserveCapacity(order.count * width)
        for index in order where !(keys.last?.utf8.elementsEqual(rows[index].id.utf8) ?? false) {
            let r = rows[index].row
            keys.append(rows[index].id)
            outcomes.append(contentsOf: table[(r * width)..<((r + 1) * width)])
        }
    }

    /// The number of rows.
    package var count: Int { keys.count }

    /// The row of a test id, if it has one.
    package subscript(id: String) -> TestHistoryRow? {
        row(of: id).map(self.row(at:))
    }

    /// The rows whose ids `keep` accepts.
    package func filter(_ keep: (String) -> Bool) -> TestHistoryRows {
        var kept = self
        kept.keys = []
        kept.outcomes = []
        for (row, id) in keys.enumerated() where keep(id) {
            kept.keys.append(id)
            kept.outcomes.append(contentsOf: outcomes[(row * width)..<((row + 1) * width)])
        }
        return kept
    }

    package func forEachSortedEntry(keeping keeps: (String) -> Bool, _ body: (String, any Encodable) throws -> Void) rethrows {
        for (row, id) in keys.enumerated() where keeps(id) { try body(id, self.row(at: row)) }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Dictionary(uniqueKeysWithValues: keys.indices.map { (keys[$0], row(at: $0)) }))
    }

    private func row(at row: Int) -> TestHistoryRow {
        let outcomes = Array(outcomes[(row * width)..<((row + 1) * width)])
        return TestHistoryRow(anchor: TestHistoryBuilder.anchor(keys[row]), outcomes: outcomes,
                              flips: TestHistoryBuilder.flips(outcomes))
    }

    /// Binary search in UTF-8 order.
    private func row(of id: String) -> Int? {
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle].utf8.lexicographicallyPrecedes(id.utf8) { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys[low].utf8.elementsEqual(id.utf8) ? low : nil
    }
}

/// One test's history.
package struct TestHistoryRow: Sendable, Encodable, Equatable {
    /// A stable HTML id for the test's entry, made from its id (`test-<slug>-<hash>`).
    package let anchor: String
    /// Its outcome in each release of `TestHistory.releases`, in the same order.
    package let outcomes: [HistoryOutcome]
    /// How often it went from passing to failing or back, skipped and absent releases left out.
    package let flips: Int

    private enum CodingKeys: String, CodingKey { case anchor, outcomes, flips }

    /// The outcomes go out as their names, an array of strings: the same JSON and template values as the enum's
    /// own encoding, without an encoder lookup per outcome (a large site encodes millions of them).
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(anchor, forKey: .anchor)
        try container.encode(outcomes.map(\.rawValue), forKey: .outcomes)
        try container.encode(flips, forKey: .flips)
    }
}

/// Builds the test history of a release from its own results and its earlier releases'.
enum TestHistoryBuilder {
    /// A test whose outcome flipped at least this often within the window is listed as flaky.
    static let flakyFlips = 2

    /// A test's id as its two parts, the test case's own strings: a table of a million tests holds no id strings,
    /// and earlier tests are found without building the `scope::name` string of each.
    struct Key: Hashable {
        let scope: String
        let name: String

        init(scope: String, name: String) {
            self.scope = scope
            self.name = name
        }

        init(_ test: TestCase) { self.init(scope: test.className ?? test.suite, name: test.name) }

        init(_ test: TestRef) { self.init(scope: test.className ?? test.suite, name: test.name) }

        /// `scope::name`.
        var id: String { TestCase.id(scope: scope, name: name) }
    }

    /// A release's cases by their place in its results (the ordinal), read from the suites' own lists.
    struct CaseIndex {
        private let lists: [[TestCase]]
        /// The ordinal of each list's first case (empty suites left out, so each start is a case's).
        private let starts: [Int]
        /// How many cases the release has.
        let count: Int

        init(_ results: TestResults) {
            var lists: [[TestCase]] = [], starts: [Int] = [], count = 0
            for file in results.files {
                for suite in file.suites where !suite.cases.isEmpty {
                    lists.append(suite.cases)
                    starts.append(count)
                    count += suite.cases.count
                }
            }
            (self.lists, self.starts, self.count) = (lists, starts, count)
        }

        /// Calls `body` with each case and its ordinal, in order.
        func forEach(_ body: (Int, TestCase) -> Void) {
            for (list, start) in zip(lists, starts) {
                for index in list.indices { body(start + index, list[index]) }
            }
        }

        subscript(ordinal: Int) -> TestCase {
            // The last list starting at or before the ordinal.
            var low = 0, high = starts.count
            while high - low > 1 {
                let middle = (low + high) / 2
                if starts[middle] <= ordinal { low = middle } else { high = middle }
            }
            return lists[low][ordinal - starts[low]]
        }
    }

    /// The outcome table of every test of this release over the window: one lookup per earlier test.
    ///
    /// Its rows are found through a sorted list of (hash of the test's key, ordinal of the test's case), one per
    /// distinct test, rather than a dictionary: a dictionary of a million keys holds up to twice as many buckets of
    /// 40 bytes, this list 16 bytes a test. A lookup is a binary search on the hash, the key then compared with
    /// the case's own.
    struct Table {
        /// A row: the hash of its test's key and the ordinal of the case that gives its outcome.
        struct Entry {
            var hash: Int
            var ordinal: Int32
        }

        /// The releases, oldest first, this release last.
        let releases: [String]
        /// One per distinct test of this release, sorted by hash; a row is a place in this list.
        let entries: [Entry]
        /// This release's cases.
        let cases: CaseIndex
        /// `outcomes[row * width + column]`, columns as `releases`.
        var outcomes: [HistoryOutcome]

        var width: Int { releases.count }

        /// The number of rows.
        var count: Int { entries.count }

        /// The key of a row's test.
        func key(ofRow r: Int) -> Key { Key(cases[Int(entries[r].ordinal)]) }

        /// The row of a test, if this release has it.
        func row(of key: Key) -> Int? {
            let hash = key.hashValue
            var low = 0, high = entries.count
            while low < high {
                let middle = (low + high) / 2
                if entries[middle].hash < hash { low = middle + 1 } else { high = middle }
            }
            while low < entries.count, entries[low].hash == hash {
                if self.key(ofRow: low) == key { return low }
                low += 1
            }
            return nil
        }

        /// The outcomes of one row, oldest first.
        func outcomes(ofRow r: Int) -> ArraySlice<HistoryOutcome> { outcomes[(r * width)..<((r + 1) * width)] }
    }

    /// Fills the table: this release's outcomes (last occurrence of an id winning) and each earlier release's.
    static func table(_ current: TestResults, release: String, earlier: [EarlierTests]) -> Table {
        let releases = earlier.reversed().map(\.release) + [release]
        let width = releases.count
        let cases = CaseIndex(current)
        var entries: [Table.Entry] = []
        entries.reserveCapacity(cases.count)
        cases.forEach { ordinal, test in entries.append(.init(hash: Key(test).hashValue, ordinal: Int32(ordinal))) }
        // Equal keys come together, in the order of their cases; each distinct key keeps its last case.
        entries.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.ordinal < $1.ordinal }
        var kept = 0, start = 0
        while start < entries.count {
            var end = start + 1
            while end < entries.count, entries[end].hash == entries[start].hash { end += 1 }
            if end == start + 1 {
                entries[kept] = entries[start]
                kept += 1
            } else {
                // Read whole before any is written back (`kept` is at most `start`).
                var group: [(key: Key, ordinal: Int32)] = []
                for entry in entries[start..<end] {
                    let key = Key(cases[Int(entry.ordinal)])
                    if let same = group.firstIndex(where: { $0.key == key }) { group[same].ordinal = entry.ordinal } else { group.append((key, entry.ordinal)) }
                }
                for member in group {
                    entries[kept] = .init(hash: entries[start].hash, ordinal: member.ordinal)
                    kept += 1
                }
            }
            start = end
        }
        entries.removeLast(entries.count - kept)
        var outcomes = [HistoryOutcome](repeating: .absent, count: entries.count * width)
        for (r, entry) in entries.enumerated() { outcomes[r * width + width - 1] = HistoryOutcome(cases[Int(entry.ordinal)].outcome) }
        var table = Table(releases: releases, entries: entries, cases: cases, outcomes: [])
        // `earlier` is latest first: the latest earlier release is the column just before this release's.
        for (k, release) in earlier.enumerated() {
            guard let tests = release.tests else { continue }
            let column = width - 2 - k
            for file in tests.files {
                for suite in file.suites {
                    for index in suite.cases.indices {
                        guard let r = table.row(of: Key(suite.cases[index])) else { continue }
                        outcomes[r * width + column] = HistoryOutcome(suite.cases[index].outcome)
                    }
                }
            }
        }
        table.outcomes = outcomes
        return table
    }

    /// Changes between passing and failing (failed or error) along a history, skipped and absent releases left out.
    static func flips(_ outcomes: some Sequence<HistoryOutcome>) -> Int {
        var flips = 0
        var last: Bool?
        for outcome in outcomes {
            let failing: Bool
            switch outcome {
            case .passed: failing = false
            case .failed, .error: failing = true
            case .skipped, .absent: continue
            }
            if let last, last != failing { flips += 1 }
            last = failing
        }
        return flips
    }

    /// Ids of the tests whose outcome flipped at least `flakyFlips` times, sorted.
    static func flipping(_ table: Table) -> [String] {
        (0..<table.count).compactMap { r in flips(table.outcomes(ofRow: r)) >= flakyFlips ? table.key(ofRow: r).id : nil }.sorted()
    }

    /// The history of the listed tests this release has: those named by their parts (`keys`, each with its id when
    /// the caller has the string already, shared) and those named by id (`ids`, found with one pass over the table
    /// when there are any).
    static func history(_ table: Table, keys: some Sequence<(key: Key, id: String?)>, ids: [String] = []) -> TestHistory {
        var rows: [(id: String, row: Int)] = []
        for (key, id) in keys {
            guard let r = table.row(of: key) else { continue }
            rows.append((id ?? key.id, r))
        }
        if !ids.isEmpty {
            let wanted = Set(ids)
            for r in 0..<table.count {
                let id = table.key(ofRow: r).id
                if wanted.contains(id) { rows.append((id, r)) }
            }
        }
        return TestHistory(releases: table.releases, tests: TestHistoryRows(width: table.width, outcomes: table.outcomes, rows: rows))
    }

    /// `test-<slug>-<hash>`: the id's letters and digits in lowercase (at most 40), other runs as one `-`, then the
    /// first 10 hex digits of its SHA-256, so that ids differing only in punctuation or case stay apart.
    static func anchor(_ id: String) -> String {
        // On UTF-8 bytes: a non-ASCII scalar's bytes are all 0x80 or more, so each is a separator, as the scalar is.
        var slug: [UInt8] = []
        slug.reserveCapacity(42)
        var dash = false
        for byte in id.utf8 {
            guard slug.count < 40 else { break }
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            if (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) {
                if dash, !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                dash = false
                slug.append(lower)
            } else {
                dash = true
            }
        }
        let hash = SHA256.hex(id).prefix(10)
        return slug.isEmpty ? "test-\(hash)" : "test-\(String(decoding: slug, as: UTF8.self))-\(hash)"
    }
}
