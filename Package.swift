// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "frontdesk",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "frontdesk", targets: ["frontdesk"]),
        .library(name: "FrontDeskKit", targets: ["FrontDeskKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // config.toml and keys.toml: full TOML with source lines in errors.
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // Spreadsheet import/export: RFC 4180 reading and writing.
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
        // Office forms (meeting notice, minutes, price comparison) as admin-editable Mustache templates.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    ],
    targets: [
        // The domain: model, rules, changes, queries and the binary-plist store. Foundation only.
        .target(name: "FrontDeskKit"),
        // ncursesw, wide-character API; the shim defines _XOPEN_SOURCE_EXTENDED before the header.
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // The terminal front end. Only its Terminal/ folder calls ncurses.
        .target(name: "FrontDeskTUI", dependencies: ["FrontDeskKit", "CNcursesw", .product(name: "TOMLKit", package: "TOMLKit")]),
        // Files other programs read and write: calendars (.ics, by hand over Foundation), CSV (spreadsheets)
        // and the office's forms (Mustache templates an admin can change).
        .target(name: "FrontDeskInterchange", dependencies: [
            "FrontDeskKit", .product(name: "CSV", package: "CSV.swift"), .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .executableTarget(
            name: "frontdesk",
            dependencies: [
                "FrontDeskKit", "FrontDeskTUI", "FrontDeskInterchange",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // scripts/bench's history decoder: FrontDeskKit's codec against Foundation's, one process per mode.
        .executableTarget(name: "frontdesk-bench", dependencies: ["FrontDeskKit"]),
        // Shared fixtures for every test target: fixed clock, temp stores, text-grid helpers.
        .target(name: "TestSupport", dependencies: ["FrontDeskKit"], path: "Tests/TestSupport"),
        .testTarget(name: "FrontDeskKitTests", dependencies: ["FrontDeskKit", "TestSupport"]),
        .testTarget(name: "FrontDeskTUITests", dependencies: ["FrontDeskTUI", "FrontDeskKit", "TestSupport"]),
        .testTarget(name: "FrontDeskInterchangeTests", dependencies: ["FrontDeskInterchange", "FrontDeskKit", "TestSupport"],
                    exclude: ["Fixtures", "Golden"]),
        // Drives the real binary: multi-process store tests, CLI contract, tmux end-to-end.
        .testTarget(name: "frontdeskTests", dependencies: ["frontdesk", "FrontDeskKit", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
