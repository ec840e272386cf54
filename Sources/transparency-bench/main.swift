import Foundation

// transparency-bench: measures the tool. Run with `swift run -c release transparency-bench …`.
//   import [ROWS]    import ROWS generated rows (default 1,000,000) in Google's format
let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "import":
        try ImportBenchmark.run(rows: arguments.count > 1 ? Int(arguments[1]) ?? 1_000_000 : 1_000_000)
    default:
        print("usage: transparency-bench import [ROWS]")
        exit(64)
    }
} catch {
    FileHandle.standardError.write(Data("transparency-bench: \(error)\n".utf8))
    exit(1)
}
