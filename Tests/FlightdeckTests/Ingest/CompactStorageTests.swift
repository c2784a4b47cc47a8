import Testing
@testable import Flightdeck

/// Repeated strings are kept once.
@Suite struct StringPoolTests {
    private func storage(_ string: String) -> UnsafeRawPointer? {
        var copy = string
        return copy.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }

    @Test func aRepeatedLongStringSharesOneCopy() {
        var pool = StringPool(capacity: 2)
        let first = pool(String(decoding: Array("com.example.LongClassName".utf8), as: UTF8.self))
        let again = pool(String(decoding: Array("com.example.LongClassName".utf8), as: UTF8.self))
        #expect(again == first && storage(again) == storage(first))
        _ = pool("com.example.SecondClassName")
        let third = pool(String(decoding: Array("com.example.ThirdClassName".utf8), as: UTF8.self))
        let thirdAgain = pool(String(decoding: Array("com.example.ThirdClassName".utf8), as: UTF8.self))
        #expect(thirdAgain == third && storage(thirdAgain) != storage(third), "past its capacity the pool keeps no more")
        #expect(pool(nil as String?) == nil && pool("short") == "short")
    }
}

/// Texts kept side by side in shared blocks read back as written.
@Suite struct TextStoreTests {
    @Test func textsReadBackAsWrittenAcrossBlocks() {
        var store = TextStore()
        let texts = ["", "a", "operation_0000001", "née ✓ 🚀", String(repeating: "x", count: TextStore.blockBytes / 4 + 1)]
            + (0..<10_000).map { "operation_name_\($0)" }
        let stored = texts.map { store.add($0) }
        #expect(stored.map(\.string) == texts)
        #expect(StoredText("set later").string == "set later")
        var comparison = OperationComparison(operation: "op", oldDuration: 1, newDuration: 2)
        comparison.operation = "renamed operation name"
        #expect(comparison.operation == "renamed operation name")
    }
}

/// An optional figure stored as NaN reads, writes and encodes as the optional it stands for.
@Suite struct StoredAsNaNTests {
    struct Sample: Encodable {
        @StoredAsNaN var figure: Double?
        var other: Double? = nil
        let after = 1
    }

    @Test func absentIsLeftOutAndPresentIsWritten() throws {
        var sample = Sample(figure: nil)
        #expect(sample.figure == nil)
        #expect(String(decoding: try FiguresJSON.data(of: sample), as: UTF8.self) == "{\n  \"after\" : 1\n}")
        #expect(try FiguresJSON.data(of: sample) == (try FiguresJSON.dataThroughJSONEncoder(of: sample)))
        sample.figure = 2.5
        #expect(sample.figure == 2.5)
        #expect(String(decoding: try FiguresJSON.data(of: sample), as: UTF8.self) == "{\n  \"after\" : 1,\n  \"figure\" : 2.5\n}")
        #expect(MemoryLayout<StoredAsNaN>.size == 8)
    }
}

/// The records a large file holds millions of keep the sizes the memory targets of docs/performance.md were
/// measured with (Robustness, session 11); a field added to one of them shows here first.
@Suite struct RecordSizeTests {
    @Test func recordsOfLargeFilesStaySmall() {
        #expect(MemoryLayout<StoredText>.size == 16, "as small as the String it replaces")
        #expect(MemoryLayout<TestFailure>.stride <= 56, "\(MemoryLayout<TestFailure>.stride)")
        #expect(MemoryLayout<OperationComparison>.stride <= 48, "\(MemoryLayout<OperationComparison>.stride)")
        #expect(MemoryLayout<RolloutMetricPoint>.stride <= 48, "\(MemoryLayout<RolloutMetricPoint>.stride)")
        #expect(MemoryLayout<TestHistoryBuilder.Table.Entry>.stride <= 16, "\(MemoryLayout<TestHistoryBuilder.Table.Entry>.stride)")
    }
}
