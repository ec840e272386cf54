import Foundation
import WordDiff

/// Compares the word diff with `git diff --no-index --word-diff=porcelain` on a generated pair of
/// texts (`bytes` long, `percent` of words replaced), timing both as whole processes.
enum DiffBenchmark {
    static func run(bytes: Int, percent: Double, transparency: String, runs: Int) throws {
        let folder = NSTemporaryDirectory() + "transparency-diff-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { if getenv("KEEP") == nil { try? FileManager.default.removeItem(atPath: folder) } }
        let (old, new) = GeneratedText.pair(bytes: bytes, percentChanged: percent)
        try old.write(toFile: folder + "/old.txt", atomically: true, encoding: .utf8)
        try new.write(toFile: folder + "/new.txt", atomically: true, encoding: .utf8)
        print("pair: \(old.utf8.count) and \(new.utf8.count) bytes, \(percent)% of words replaced")

        let start = DispatchTime.now()
        let diff = TextDiff(old: old, new: new)
        let inProcess = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        guard diff.apply(to: old) == new else { throw BenchmarkError("the diff does not rebuild the new text") }

        let gitTimes = try (0..<runs).map { _ in try time("/usr/bin/env", ["git", "diff", "--no-index", "--word-diff=porcelain", "old.txt", "new.txt"], in: folder) }
        let ourTimes = try (0..<runs).map { _ in try time(transparency, ["diff", "--format", "text", "old.txt", "new.txt"], in: folder) }
        let gitWords = try changedWords(gitPorcelain: output("/usr/bin/env", ["git", "diff", "--no-index", "--word-diff=porcelain", "old.txt", "new.txt"], in: folder))
        let git = median(gitTimes), ours = median(ourTimes)
        print(String(format: "word diff in process: %.1f ms", inProcess))
        print(String(format: "transparency diff (whole process, median of %d): %.1f ms", runs, ours))
        print(String(format: "git diff --word-diff=porcelain (whole process, median of %d): %.1f ms", runs, git))
        print(String(format: "ratio: %.2f× git's time", ours / git))
        print("changed words marked: transparency \(diff.changedWordCount), git \(gitWords)")
    }

    static func changedWords(gitPorcelain text: String) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { total, line in
            guard (line.hasPrefix("-") && !line.hasPrefix("---")) || (line.hasPrefix("+") && !line.hasPrefix("+++")) else { return total }
            return total + line.dropFirst().split(whereSeparator: \.isWhitespace).count
        }
    }

    static func time(_ executable: String, _ arguments: [String], in folder: String) throws -> Double {
        let start = DispatchTime.now()
        _ = try output(executable, arguments, in: folder)
        return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
    }

    static func output(_ executable: String, _ arguments: [String], in folder: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// English-like text: words drawn from a Zipf-distributed vocabulary, sentences, lines wrapped at
/// about 80 characters, paragraphs.
enum GeneratedText {
    static func pair(bytes: Int, percentChanged: Double) -> (String, String) {
        var state: UInt64 = 7
        func random() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        let syllables = ["pro", "vi", "de", "ac", "cess", "gov", "ern", "ment", "da", "ta", "re", "quest", "law", "ful", "or", "der", "se", "cu", "ri", "ty", "na", "tion", "al", "in", "for", "ma"]
        let vocabulary: [String] = (0..<3000).map { index in
            var word = ""
            var n = index + 1
            repeat {
                word += syllables[n % syllables.count]
                n /= syllables.count
            } while n > 0
            return word
        }
        func word() -> String {
            // Zipf-like: small indices far more often.
            let u = Double(random() % 1_000_000) / 1_000_000
            return vocabulary[min(vocabulary.count - 1, Int(pow(Double(vocabulary.count), u)) - 1)]
        }
        var words: [String] = []
        var length = 0
        while length < bytes {
            let next = word()
            words.append(next)
            length += next.utf8.count + 1
        }
        var changed = words
        let changes = Int(Double(words.count) * percentChanged / 100)
        for _ in 0..<changes { changed[Int(random() % UInt64(words.count))] = word() + "x" }
        func layout(_ words: [String]) -> String {
            var text = "", line = 0
            for (index, word) in words.enumerated() {
                let sentenceEnd = index % 17 == 16
                let piece = word + (sentenceEnd ? "." : "")
                if line + piece.utf8.count > 78 {
                    text += index % 160 < 8 && index > 160 ? "\n\n" : "\n"
                    line = 0
                } else if line > 0 {
                    text += " "
                    line += 1
                }
                text += piece
                line += piece.utf8.count
            }
            return text + "\n"
        }
        return (layout(words), layout(changed))
    }
}
