import Foundation
import Testing

/// The oracle fixtures that `Fixtures/generate.py` writes from Python's datetime.
enum Fixtures {
    struct Day: Decodable {
        var days: Int
        var date: String
    }

    struct CivilDates: Decodable {
        var valid: [Day]
        var invalid: [String]
    }

    struct Instant: Decodable {
        var text: String
        var epoch: Double
    }

    struct Instants: Decodable {
        var instants: [Instant]
    }

    struct Fixed: Decodable {
        var value: Double
        var decimals: Int
        var text: String
    }

    struct FixedCases: Decodable {
        var cases: [Fixed]
    }

    static func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return try JSONDecoder().decode(type, from: Data(contentsOf: folder.appendingPathComponent(name)))
    }
}
