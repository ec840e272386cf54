import Foundation

// transparency-bench: measures the tool. Run with `swift run -c release transparency-bench …`.
//   import [ROWS]    import ROWS generated rows (default 1,000,000) in Google's format
//   diff [BYTES]     word-diff a generated pair (default 2 MB, 1% of words changed) beside git
let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "import":
        try ImportBenchmark.run(rows: arguments.count > 1 ? Int(arguments[1]) ?? 1_000_000 : 1_000_000)
    case "diff":
        let transparency = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path + "/transparency"
        try DiffBenchmark.run(
            bytes: arguments.count > 1 ? Int(arguments[1]) ?? 2_000_000 : 2_000_000, percent: 1,
            transparency: transparency, runs: 7)
    default:
        print("usage: transparency-bench import [ROWS] | diff [BYTES]")
        exit(64)
    }
} catch {
    FileHandle.standardError.write(Data("transparency-bench: \(error)\n".utf8))
    exit(1)
}
