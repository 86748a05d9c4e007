// swift-tools-version:6.0
import PackageDescription

/// Despatch: news coverage in, typeset briefing PDFs out.
///
/// Modules by role, data flowing one way:
/// DespatchCore (articles, corpus, text) -> DespatchAnalysis -> DespatchModel (Digest)
/// -> DespatchLayout (layout descriptions) -> DespatchDocument (format-neutral document tree)
/// -> DespatchRender (Cairo/Pango) -> PDF.
/// DespatchApp wires the pipelines; `despatch` is the thin command line on top.
let package = Package(
    name: "Despatch",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "despatch", targets: ["despatch"]),
        // Libraries for the fuzz package in Fuzz/ (and for embedding).
        .library(name: "DespatchCore", targets: ["DespatchCore"]),
        .library(name: "DespatchLayout", targets: ["DespatchLayout"]),
        .library(name: "DespatchAnalysis", targets: ["DespatchAnalysis"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CPangoCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]
        ),
        .systemLibrary(
            name: "CFontconfig",
            pkgConfig: "fontconfig",
            providers: [.apt(["libfontconfig-dev"])]
        ),
        .target(
            name: "DespatchCore",
            dependencies: ["DespatchModel", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "DespatchModel"),
        .target(
            name: "DespatchAnalysis",
            dependencies: ["DespatchCore", "DespatchModel"],
            resources: [.copy("Resources/Vocabulary")]
        ),
        .target(
            name: "DespatchLayout",
            dependencies: ["DespatchModel", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources/Labels")]
        ),
        .target(
            name: "DespatchDocument",
            dependencies: ["DespatchModel", "DespatchLayout"]
        ),
        .target(name: "DespatchSynthetic", dependencies: ["DespatchModel"]),
        .target(
            name: "DespatchExport",
            dependencies: ["DespatchDocument", "DespatchLayout"]
        ),
        .target(
            name: "DespatchRender",
            dependencies: ["CPangoCairo", "CFontconfig", "DespatchModel", "DespatchLayout", "DespatchDocument"]
        ),
        .target(
            name: "DespatchApp",
            dependencies: [
                "DespatchCore", "DespatchModel", "DespatchAnalysis", "DespatchLayout", "DespatchRender",
                "DespatchDocument", "DespatchExport", "DespatchSynthetic", "DespatchArchive",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "DespatchArchive",
            dependencies: ["DespatchCore", "DespatchModel", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .executableTarget(
            name: "despatch",
            dependencies: [
                "DespatchApp", "DespatchRender", "DespatchSynthetic",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "DespatchCoreTests", dependencies: ["DespatchCore", "DespatchModel", "DespatchSynthetic"]),
        .testTarget(
            name: "DespatchAnalysisTests",
            dependencies: ["DespatchAnalysis", "DespatchCore", "DespatchModel"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "DespatchAppTests", dependencies: ["DespatchApp"]),
        .testTarget(name: "DespatchExportTests", dependencies: ["DespatchExport", "DespatchDocument", "DespatchLayout", "DespatchModel"]),
        .testTarget(
            name: "DespatchArchiveTests",
            dependencies: [
                "DespatchArchive", "DespatchApp", "DespatchCore", "DespatchModel",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(name: "DespatchLayoutTests", dependencies: ["DespatchLayout", "DespatchModel"]),
        .testTarget(
            name: "DespatchRenderTests",
            dependencies: ["DespatchRender", "DespatchLayout", "DespatchModel", "DespatchApp", "DespatchCore", "DespatchSynthetic"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v5]
)
