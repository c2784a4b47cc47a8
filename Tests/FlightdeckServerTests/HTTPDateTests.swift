import Foundation
import Testing
@testable import FlightdeckServer

@Suite struct HTTPDateTests {
    /// Foundation's formatter is the oracle for the hand-written calendar arithmetic.
    static let oracle: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }()

    static let samples: [Int] = [0, 59, 86_399, 86_400, 951_782_400, 1_700_000_000, 1_709_164_800, 4_102_444_800, 253_402_300_799]
        + (0..<200).map { $0 &* 48_271_113 % 4_000_000_000 }

    @Test(arguments: samples)
    func formatsLikeFoundation(seconds: Int) {
        #expect(HTTPDate.format(seconds) == Self.oracle.string(from: Date(timeIntervalSince1970: TimeInterval(seconds))))
    }

    @Test(arguments: samples)
    func parsesWhatItFormats(seconds: Int) {
        #expect(HTTPDate.parse(HTTPDate.format(seconds)) == seconds)
    }

    @Test(arguments: ["", "yesterday", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994",
                      "Sun, 06 Nov 1994 08:49:37 PST", "Sun, 32 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 06 Nov 12345 08:49:37 GMT"])
    func rejectsOtherFormats(text: String) {
        #expect(HTTPDate.parse(text) == nil)
    }
}
