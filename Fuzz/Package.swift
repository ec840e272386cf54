// swift-tools-version: 6.0
// libFuzzer targets for transparency. Build and run with Fuzz/run (see README.md).
import PackageDescription

let targets = ["loader", "import", "diff", "escaper"]

let package = Package(
    name: "transparency-fuzz",
    products: targets.map { .executable(name: "fuzz-\($0)", targets: ["fuzz-\($0)"]) },
    dependencies: [.package(name: "transparency", path: "..")],
    targets: targets.map { name in
        .executableTarget(
            name: "fuzz-\(name)",
            dependencies: [.product(name: "FuzzTargets", package: "transparency")],
            path: "Sources/\(name)",
            // Links libFuzzer (its driver is called from main.swift); everything is built with
            // coverage and AddressSanitizer by Fuzz/run's flags.
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]
        )
    }
)
