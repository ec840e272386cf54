import Foundation

// transparency-bench: measures the tool. Run with `swift run -c release transparency-bench …`.
//   import [ROWS]    import ROWS generated rows (default 1,000,000) in Google's format
//   diff [BYTES]     word-diff a generated pair (default 2 MB, 1% of words changed) beside git
//   generate N [DIR] write the synthetic dataset of N companies
//   build N [ROOT] [HUGO-RUNS]
//                    build N generated companies (in ROOT, default /dev/shm) with the transparency
//                    executable beside this one, rebuild after changing one company, and run Hugo
//                    (median of HUGO-RUNS, default 3; 0 for none) over the same pages' Markdown; full builds
//                    and the cmark CLI run in turns, five each (three beyond N = 500; medians)
let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "import":
        try ImportBenchmark.run(rows: arguments.count > 1 ? Int(arguments[1]) ?? 1_000_000 : 1_000_000)
    case "generate":
        let count = arguments.count > 1 ? Int(arguments[1]) ?? 100 : 100
        let root = arguments.count > 2 ? arguments[2] : "/dev/shm/transparency-bench-\(count)"
        try SyntheticDataset.write(companies: count, to: root)
        print("generated \(count) companies in \(root)")
    case "build":
        try BuildBenchmark.run(
            companies: arguments.count > 1 ? Int(arguments[1]) ?? 100 : 100,
            root: arguments.count > 2 ? arguments[2] : "/dev/shm", self: CommandLine.arguments[0],
            hugoRuns: arguments.count > 3 ? Int(arguments[3]) ?? 3 : 3)
    case "diff":
        let transparency = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path + "/transparency"
        try DiffBenchmark.run(
            bytes: arguments.count > 1 ? Int(arguments[1]) ?? 2_000_000 : 2_000_000, percent: 1,
            transparency: transparency, runs: 7)
    default:
        print("usage: transparency-bench import [ROWS] | diff [BYTES] | generate N [DIR] | build N [ROOT] [HUGO-RUNS]")
        exit(64)
    }
} catch {
    FileHandle.standardError.write(Data("transparency-bench: \(error)\n".utf8))
    exit(1)
}
