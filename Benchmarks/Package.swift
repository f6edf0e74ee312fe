// swift-tools-version:6.0
import PackageDescription

// A package of its own, so the main package (and its CI) never builds the benchmarks.
// Build it with `swift build -c release --package-path Benchmarks --scratch-path Benchmarks/.build-bench`,
// or run everything with `Benchmarks/run`.
let package = Package(
    name: "bpbench",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "bpreport", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "bpbench",
            dependencies: [.product(name: "BPReport", package: "bpreport")]
        ),
    ]
)
