import Foundation
import TransparencyImport

/// Imports a generated file of `rows` rows in Google's format and prints rows a second and peak memory.
enum ImportBenchmark {
    static func run(rows: Int) throws {
        let folder = NSTemporaryDirectory() + "transparency-import-bench-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/companies", withIntermediateDirectories: true)
        try "id: bench\nname: Bench\n".write(toFile: folder + "/companies/bench.yaml", atomically: true, encoding: .utf8)
        try "- id: bench-source\n  title: Generated\n  publisher: Benchmark\n  url: https://example.org/\n"
            .write(toFile: folder + "/sources.yaml", atomically: true, encoding: .utf8)
        let file = folder + "/google-global-user-data-requests.csv"
        let bytes = try GeneratedRequests.writeGoogleCSV(rows: rows, to: file)
        print("generated \(rows) rows (\(bytes / 1_000_000) MB) in Google's format")
        let start = DispatchTime.now()
        let summary = try RequestsImport.run(files: [file], mapping: nil, company: "bench", source: "bench-source", data: folder)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        print(summary.line)
        print(String(format: "import: %.2f s, %.0f rows/s, %.1f MB/s, peak memory %.0f MiB",
                     seconds, Double(rows) / seconds, Double(bytes) / seconds / 1e6, PeakMemory.mebibytes))
    }
}

/// The process's peak resident memory.
enum PeakMemory {
    static var mebibytes: Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}

/// Deterministic generated input.
enum GeneratedRequests {
    static let countries = ["AR", "AU", "BE", "BR", "CA", "DE", "ES", "FR", "GB", "IN", "IT", "JP", "KR", "MX", "NL", "PL", "SE", "TR", "TW", "US"]
    static let processes = ["All", "Subpoenas", "Search Warrants", "Other Court Orders", "Emergency Disclosure Requests", "Preservation Requests"]

    /// Writes `rows` rows with distinct keys (period × country × process) and returns the byte count.
    static func writeGoogleCSV(rows: Int, to path: String) throws -> Int {
        FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileWriteUnknown) }
        defer { try? handle.close() }
        var chunk = "Period Ending,Country/Region,CLDR Territory Code,Legal Process,User Data Requests,Percentage disclosed,Accounts\n"
        var written = 0
        var state: UInt64 = 42
        for row in 0..<rows {
            let process = processes[row % processes.count]
            let country = countries[(row / processes.count) % countries.count]
            let half = row / (processes.count * countries.count)
            let year = 1000 + half / 2
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let requests = Int(state >> 50)
            chunk += "\(year)-\(half % 2 == 0 ? "06-30" : "12-31"),Name \(country),\(country),\(process),\(requests),\(requests % 101),\(requests * 2)\n"
            if chunk.utf8.count > 1 << 20 {
                written += chunk.utf8.count
                handle.write(Data(chunk.utf8))
                chunk = ""
            }
        }
        written += chunk.utf8.count
        handle.write(Data(chunk.utf8))
        return written
    }
}
