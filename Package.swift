// swift-tools-version: 6.1
import PackageDescription

/// Every target compiles in Swift 6 mode with internal imports, so no dependency leaks through the public API.
let settings: [SwiftSetting] = [.enableUpcomingFeature("InternalImportsByDefault")]

/// `FLIGHTDECK_NO_SERVER=1 swift build` leaves out the preview server (and Hummingbird) for faster work on the other targets.
let withServer = Context.environment["FLIGHTDECK_NO_SERVER"] == nil

let package = Package(
    name: "Flightdeck",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "flightdeck", targets: ["flightdeck"]),
        .library(name: "Flightdeck", targets: ["Flightdeck"]),
        .library(name: "FlightdeckTemplates", targets: ["FlightdeckTemplates"]),
        .library(name: "FlightdeckCharts", targets: ["FlightdeckCharts"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ] + (withServer ? [
        // gzip for the preview server.
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        // Already in the graph through Hummingbird; named so FlightdeckServer imports them explicitly.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ] : []),
    targets: [
        // libcmark through its C API (Debian: libcmark-dev).
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        // SHA-256 from the system's OpenSSL (Debian: libssl-dev), which uses the CPU's SHA extensions.
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // glibc's malloc_trim, to give freed parse memory back before pages are built (part of the C library).
        .systemLibrary(name: "CMalloc"),
        // Civil dates, instants, and the text of numbers, percents and durations: one implementation beneath the rest.
        .target(name: "FlightdeckCore", swiftSettings: settings),
        // The Jinja2-subset template engine; knows nothing of releases.
        .target(name: "FlightdeckTemplates", dependencies: ["FlightdeckCore"], swiftSettings: settings),
        // SVG charts from plain figures; knows nothing of releases.
        .target(name: "FlightdeckCharts", dependencies: ["FlightdeckCore"], swiftSettings: settings),
        // The pipeline: load → ingest → analyse → render → write.
        .target(
            name: "Flightdeck",
            dependencies: [
                "CCmark", "CCrypto", "CMalloc", "FlightdeckCore", "FlightdeckTemplates", "FlightdeckCharts",
                // Yams writes YAML (`flightdeck signoff`) and types scalars; its C target `CYaml` (libyaml), which
                // comes with it, is what `YAMLReader` reads events from.
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: settings
        ),
        .executableTarget(
            name: "flightdeck",
            dependencies: [
                "Flightdeck", "FlightdeckCore", "FlightdeckTemplates",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ] + (withServer ? ["FlightdeckServer"] : []),
            // `#if FLIGHTDECK_SERVER` guards `flightdeck serve`: `canImport` would see a stale module in .build.
            swiftSettings: settings + (withServer ? [.define("FLIGHTDECK_SERVER")] : [])
        ),

        // Benchmarks: run in release mode through `make bench` (Benchmarks/run.sh), never in tests.
        .target(name: "BenchSupport", path: "Benchmarks/BenchSupport", swiftSettings: settings),
        .executableTarget(name: "TemplatesBench", dependencies: ["BenchSupport", "FlightdeckTemplates"],
                          path: "Benchmarks/TemplatesBench", swiftSettings: settings),
        // CSV.swift is here only as the reference the hand-written CSV reader is measured against.
        .executableTarget(name: "IngestBench", dependencies: ["BenchSupport", "Flightdeck", .product(name: "CSV", package: "CSV.swift")],
                          path: "Benchmarks/IngestBench", swiftSettings: settings),
        .executableTarget(name: "ChartsBench", dependencies: ["BenchSupport", "FlightdeckCharts", "Flightdeck"],
                          path: "Benchmarks/ChartsBench", swiftSettings: settings),

        .testTarget(name: "FlightdeckCoreTests", dependencies: ["FlightdeckCore"],
                    resources: [.copy("Fixtures")], swiftSettings: settings),
        .testTarget(name: "FlightdeckTemplatesTests", dependencies: ["FlightdeckTemplates"],
                    resources: [.copy("Fixtures")], swiftSettings: settings),
        .testTarget(name: "FlightdeckChartsTests", dependencies: ["FlightdeckCharts", "FlightdeckCore"],
                    resources: [.copy("Fixtures")], swiftSettings: settings),
        // Yams only as the oracle YAMLPlainScalar is checked against.
        .testTarget(name: "FlightdeckTests", dependencies: ["Flightdeck", "FlightdeckCore", "FlightdeckTemplates", "FlightdeckCharts",
                                                            .product(name: "Yams", package: "Yams")],
                    resources: [.copy("Fixtures")], swiftSettings: settings),
        .testTarget(name: "FlightdeckCLITests", dependencies: ["flightdeck", .product(name: "Yams", package: "Yams")],
                    exclude: ["Fixtures"], swiftSettings: settings),
    ]
)

if withServer {
    package.targets += [
        // The preview server: serves a folder, rebuilds through a closure, pushes reloads.
        .target(
            name: "FlightdeckServer",
            dependencies: [
                "FlightdeckCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: settings
        ),
        .testTarget(name: "FlightdeckServerTests", dependencies: [
            "FlightdeckServer",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ], swiftSettings: settings),
    ]
}
