// swift-tools-version:6.0
import PackageDescription

// The folders follow the pipeline, and each module may only look up the line:
// BPSpec (reader) -> BPEngine (trace) -> BPDocument (model) -> BPWriters -> bpreport (command).
let package = Package(
    name: "bpreport",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "BPReport", targets: ["BPNumerics", "BPSpec", "BPEngine", "BPDocument", "BPMarkdown", "BPFigures", "BPReportBuilder", "BPWriters", "BPTeXReader", "BPCheck", "BPReport"]),
        .executable(name: "bpreport", targets: ["bpreport"]),
        // Fuzz targets (Fuzz/run builds them with libFuzzer); a plain build makes replayers.
        .executable(name: "FuzzSpecReader", targets: ["FuzzSpecReader"]),
        .executable(name: "FuzzTeXReader", targets: ["FuzzTeXReader"]),
        .executable(name: "FuzzNotebook", targets: ["FuzzNotebook"]),
        .executable(name: "FuzzRender", targets: ["FuzzRender"]),
    ],
    dependencies: [
        // `swift package generate-documentation --target BPReport`: a command plugin only, never
        // built into the products (it brings swift-docc-symbolkit, no swift-syntax).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // GMP's rationals: Lehmer/half-gcd reduction keeps exact runs of thousands of digits fast.
        .systemLibrary(name: "CGMP", pkgConfig: "gmp", providers: [.apt(["libgmp-dev"])]),
        // OpenBLAS's dgemm for the larger float products (`Double.product`) is loaded with dlopen on
        // first use (Sources/BPNumerics/OpenBLAS.swift), not linked: linking costs every process
        // its start-up.
        // The exponential's kernel in C: one source built for every x86-64 and for AVX2 (picked
        // at run time), which Swift cannot do for one function; the same bits either way.
        .target(name: "CExponential"),
        .target(name: "BPNumerics", dependencies: ["CGMP", "CExponential"]),
        // libyaml's event parser; BPSpec builds its own node tree from the events (YAMLComposer).
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .target(name: "BPSpec", dependencies: ["BPNumerics", "CYAML"]),
        .target(name: "BPEngine", dependencies: ["BPNumerics", "BPSpec"]),
        // The document model stands apart, as pandoc-types does from pandoc: it knows no engine,
        // no spec and no output format.
        .target(name: "BPDocument"),
        // The tool's drawings (the network, the loss curve) as the model's format-free vector
        // drawings: they know no engine and no output format.
        .target(name: "BPFigures", dependencies: ["BPDocument"]),
        .target(name: "BPReportBuilder", dependencies: ["BPNumerics", "BPSpec", "BPEngine", "BPDocument", "BPMarkdown", "BPFigures"]),
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        // Markdown to the model and the model to HTML, both through libcmark (one file imports it).
        .target(name: "BPMarkdown", dependencies: ["BPDocument", "CCmark"]),
        // Page templates are Mustache, read by BPWriters' own reader (MustacheTemplate).
        .target(name: "BPWriters", dependencies: ["BPDocument", "BPMarkdown"]),
        // TeX as lecturers write it, read into the model's math: it knows nothing but the model.
        .target(name: "BPTeXReader", dependencies: ["BPDocument"]),
        // Claimed values checked against the engine, errors carried forward as markers grade.
        .target(name: "BPCheck", dependencies: ["BPNumerics", "BPSpec", "BPEngine"]),
        // The whole pipeline as one call: spec text in, named files out, no file system.
        .target(name: "BPReport", dependencies: ["BPSpec", "BPEngine", "BPCheck", "BPDocument", "BPMarkdown", "BPTeXReader", "BPReportBuilder", "BPWriters"]),
        .executableTarget(name: "bpreport", dependencies: [
            "BPSpec", "BPEngine", "BPCheck", "BPReport", "BPReportBuilder", "BPWriters",
        ], plugins: ["GitVersionPlugin"]),
        // `bpreport --version` names the commit it was built from (git describe, at build time).
        .plugin(name: "GitVersionPlugin", capability: .buildTool(), path: "Sources/GitVersionPlugin"),
        // What each fuzz target does with an input, shared with the tests that replay the corpora.
        .target(name: "BPFuzzBodies", dependencies: ["BPSpec", "BPTeXReader", "BPDocument", "BPWriters", "BPReport", "BPReportBuilder"],
                path: "Fuzz/Bodies"),
        .executableTarget(name: "FuzzSpecReader", dependencies: ["BPFuzzBodies"], path: "Fuzz/Targets/FuzzSpecReader"),
        .executableTarget(name: "FuzzTeXReader", dependencies: ["BPFuzzBodies"], path: "Fuzz/Targets/FuzzTeXReader"),
        .executableTarget(name: "FuzzNotebook", dependencies: ["BPFuzzBodies"], path: "Fuzz/Targets/FuzzNotebook"),
        .executableTarget(name: "FuzzRender", dependencies: ["BPFuzzBodies"], path: "Fuzz/Targets/FuzzRender"),
        .target(name: "BPTestSupport", path: "Tests/BPTestSupport"),
        .testTarget(name: "BPNumericsTests", dependencies: ["BPNumerics", "BPTestSupport"]),
        .testTarget(name: "BPSpecTests", dependencies: ["BPSpec", "BPTestSupport"]),
        .testTarget(name: "BPEngineTests", dependencies: ["BPEngine", "BPSpec", "BPTestSupport"]),
        .testTarget(name: "BPDocumentTests", dependencies: ["BPDocument"]),
        .testTarget(name: "BPFiguresTests", dependencies: ["BPFigures", "BPDocument", "BPWriters"]),
        .testTarget(name: "BPMarkdownTests", dependencies: ["BPMarkdown", "BPDocument"]),
        .testTarget(name: "BPReportBuilderTests", dependencies: ["BPReportBuilder", "BPDocument", "BPEngine", "BPSpec", "BPTestSupport"]),
        .testTarget(name: "BPWritersTests", dependencies: ["BPWriters", "BPDocument", "BPReportBuilder", "BPEngine", "BPSpec", "BPTestSupport"],
                    exclude: ["Snapshots", "MustacheSpec"]),
        .testTarget(name: "BPTeXReaderTests", dependencies: ["BPTeXReader", "BPDocument", "BPWriters", "BPTestSupport"]),
        .testTarget(name: "BPCheckTests", dependencies: ["BPCheck", "BPSpec", "BPEngine", "BPNumerics", "BPTestSupport"]),
        .testTarget(name: "BPReportTests", dependencies: ["BPReport", "BPWriters", "BPSpec", "BPEngine", "BPTestSupport"],
                    exclude: ["Snapshots"]),
        // The committed fuzz corpora and every crash the fuzzers found, replayed.
        .testTarget(name: "FuzzReplayTests", dependencies: ["BPFuzzBodies", "BPTestSupport"]),
        // Depends on the command so that `swift test` always builds the binary it runs.
        .testTarget(name: "EndToEndTests", dependencies: ["bpreport", "BPTestSupport"]),
    ]
)
