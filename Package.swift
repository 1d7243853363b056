// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "threatsurvey",
    products: [
        .library(name: "ThreatSurvey", targets: ["ThreatSurvey"]),
        .library(name: "ThreatSurveyCLI", targets: ["ThreatSurveyCLI"]),
        .executable(name: "threatsurvey", targets: ["threatsurvey"]),
    ],
    targets: [
        // Wraps the system libsqlite3 (Debian/Ubuntu: libsqlite3-dev).
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        // Wraps the system zlib (Debian/Ubuntu: zlib1g-dev): inflate and CRC-32 for zip archives.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        // All logic: reference data, questionnaires, parsing, store, analysis, rendering.
        .target(name: "ThreatSurvey", dependencies: ["CSQLite", "CZlib"]),
        // The command line: typed argument declarations, parsing, help, completions and
        // printing; it calls the library for everything else.
        .target(name: "ThreatSurveyCLI", dependencies: ["ThreatSurvey"]),
        // The executable: three lines that hand the process's arguments to ThreatSurveyCLI.
        .executableTarget(name: "threatsurvey", dependencies: ["ThreatSurveyCLI"]),
        // The consultation-scale benchmark (not a test): release build, see the README.
        .executableTarget(name: "threatsurvey-bench"),
        // What checks the product without being part of it: the differential check, the
        // pipeline exercise and their seeded generator, shared by the tests, the drivers below
        // and the fuzz targets. Not a product, so the shipped library and binary do not carry it.
        .target(name: "ThreatSurveyTestSupport", dependencies: ["ThreatSurvey"]),
        // The differential check at scale (.ci/differential): release build, not a product.
        .executableTarget(
            name: "threatsurvey-differential",
            dependencies: ["ThreatSurvey", "ThreatSurveyTestSupport"]),
        // The submit → store → analysis exercise at scale (.ci/pipeline): release build.
        .executableTarget(
            name: "threatsurvey-pipeline",
            dependencies: ["ThreatSurvey", "ThreatSurveyTestSupport"]),
        .testTarget(
            name: "ThreatSurveyTests",
            dependencies: ["ThreatSurvey", "ThreatSurveyCLI", "ThreatSurveyTestSupport"],
            // Test data read by path (TestSupport.root), not bundled.
            exclude: ["Resources"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
        .enableUpcomingFeature("InternalImportsByDefault"),
    ]
}
