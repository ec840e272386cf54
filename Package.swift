// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "transparency",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "transparency", targets: ["transparency"]),
        .library(name: "TransparencyCLI", targets: ["TransparencyCLI"]),
        .library(name: "WordDiff", targets: ["WordDiff"]),
        // For the fuzzers in Fuzz/, a package of their own that depends on this one.
        .library(name: "FuzzTargets", targets: ["FuzzTargets"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        // Stage 0: Debian's libcmark-dev, seen only by the Markdown module.
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        .target(name: "Markdown", dependencies: ["Ccmark"]),
        // Stage 1: the domain model, plain values.
        .target(name: "TransparencyModel"),
        // Stage 2: dataset files -> validated model, with located diagnostics.
        .target(
            name: "TransparencyLoader",
            dependencies: [
                "TransparencyModel",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Stage 2b: publishers' CSV files -> the dataset's normalized requests files.
        // Its built-in formats are the mapping files of Formats/, embedded.
        .target(
            name: "TransparencyImport",
            dependencies: ["TransparencyLoader"],
            plugins: ["EmbedFiles"]
        ),
        // A word-level diff engine with no dependency on the rest.
        .target(name: "WordDiff"),
        // Stage 3: aggregates, matching of evidence to statements, citations.
        .target(name: "TransparencyAnalysis", dependencies: ["TransparencyModel", "WordDiff"]),
        // A Mustache renderer over plain values, with no dependency on the rest.
        .target(name: "Templating"),
        // Stage 4: Mustache templates -> Markdown, cmark -> HTML.
        .target(
            name: "TransparencyRender",
            dependencies: ["TransparencyAnalysis", "Markdown", "Templating"],
            plugins: ["EmbedFiles"]
        ),
        // The calls to the operating system the build makes itself, with their platform branches.
        .target(name: "CSystem"),
        .target(name: "Platform", dependencies: ["CSystem"]),
        // Runs a plan of jobs into the output folder, taking unchanged jobs' files from the
        // previous build.
        .target(name: "IncrementalBuild", dependencies: ["Platform", "TransparencyModel"]),
        // Stage 5: the site's plan of files, run incrementally.
        .target(
            name: "TransparencySite",
            dependencies: ["TransparencyLoader", "TransparencyAnalysis", "TransparencyRender", "IncrementalBuild"]
        ),
        // The command line, as a library that tests import, and its thin executable.
        .target(
            name: "TransparencyCLI",
            dependencies: [
                "TransparencySite",
                "TransparencyImport",
                "WordDiff",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "transparency", dependencies: ["TransparencyCLI"]),
        // What each fuzz target runs and checks; the tests replay kept inputs through it.
        .target(
            name: "FuzzTargets",
            dependencies: ["TransparencySite", "TransparencyImport", "TransparencyRender", "WordDiff", "Markdown"]
        ),
        // Benchmarks that print figures: `swift run -c release transparency-bench …`.
        .executableTarget(name: "transparency-bench", dependencies: ["TransparencyImport", "TransparencySite", "WordDiff"]),
        // Build-time embedding of Templates/ and Formats/ so the binary works from any directory.
        .executableTarget(name: "embed-files", path: "Plugins/EmbedFilesTool"),
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["embed-files"]),
        .testTarget(
            name: "TransparencyTests",
            dependencies: [
                "TransparencyCLI", "TransparencySite", "TransparencyAnalysis", "Markdown", "WordDiff", "FuzzTargets", "Templating",
                // The CSV reader is checked against SwiftCSV on generated files.
                .product(name: "SwiftCSV", package: "SwiftCSV"),
                // The commands' options are read as the command line reads them.
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
    ]
)

