// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "threatsurvey",
    products: [
        .library(name: "ThreatSurvey", targets: ["ThreatSurvey"]),
        .executable(name: "threatsurvey", targets: ["threatsurvey"]),
    ],
    targets: [
        // Wraps the system libsqlite3 (Debian/Ubuntu: libsqlite3-dev).
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        // All logic: reference data, questionnaires, parsing, store, analysis, rendering.
        .target(name: "ThreatSurvey", dependencies: ["CSQLite"]),
        // The command-line shell: argument parsing and printing only.
        .executableTarget(name: "threatsurvey", dependencies: ["ThreatSurvey"]),
        // The consultation-scale benchmark (not a test): release build, see the README.
        .executableTarget(name: "threatsurvey-bench"),
        .testTarget(
            name: "ThreatSurveyTests",
            dependencies: ["ThreatSurvey", "threatsurvey"],
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
