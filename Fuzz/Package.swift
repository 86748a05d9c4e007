// swift-tools-version:6.0
import PackageDescription

/// libFuzzer targets for Despatch's parsers. A separate package so that the ordinary build
/// never links these main-less executables; build with `swift build --sanitize=fuzzer`
/// (see `make fuzz`).
let package = Package(
    name: "DespatchFuzz",
    dependencies: [.package(name: "Despatch", path: "..")],
    targets: [
        .executableTarget(name: "FuzzArticleReader", dependencies: [.product(name: "DespatchCore", package: "Despatch")]),
        .executableTarget(name: "FuzzLayoutParser", dependencies: [.product(name: "DespatchLayout", package: "Despatch")]),
        .executableTarget(name: "FuzzAnalysis", dependencies: [.product(name: "DespatchAnalysis", package: "Despatch"),
                                                              .product(name: "DespatchCore", package: "Despatch")]),
    ],
    swiftLanguageModes: [.v5]
)
