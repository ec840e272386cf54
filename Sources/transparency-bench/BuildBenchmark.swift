import Foundation

/// Builds a generated dataset of `companies` companies with the `transparency` executable (a
/// child process, so that its time and memory are the tool's own), then rebuilds it after
/// changing one company, and runs Hugo and the cmark CLI over the same pages' Markdown.
enum BuildBenchmark {
    static func run(companies: Int, root: String, self executable: String, hugoRuns: Int) throws {
        let folder = URL(fileURLWithPath: executable).deletingLastPathComponent().path
        let transparency = folder + "/transparency"
        guard FileManager.default.isExecutableFile(atPath: transparency) else {
            throw BenchmarkError("no \(transparency): run `swift build -c release --product transparency` first")
        }
        let data = "\(root)/transparency-bench-\(companies)"
        if !FileManager.default.fileExists(atPath: data + "/sources.yaml") {
            _ = try DiffBenchmark.output(executable, ["generate", String(companies), data], in: root)
            // Files written less than two seconds before a build are read again by the next one:
            // let the fresh dataset settle, or the rebuild below would remake its last companies.
            Thread.sleep(forTimeInterval: 2.1)
        }
        let output = "\(root)/transparency-bench-out-\(companies)", markdown = "\(root)/transparency-bench-md-\(companies)"
        for path in [output, markdown] { try? FileManager.default.removeItem(atPath: path) }

        // A first full build, which also writes each page's Markdown (for cmark and Hugo): its
        // stages and peak memory are reported.
        let first = try timed(transparency, ["build", "--data", data, "--output", output, "--timings", "--page-markdown", markdown], in: root)
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        let pages = try pageFiles(markdown)
        let htmlBytes = try pages.reduce(0) { total, page in
            total + ((try FileManager.default.attributesOfItem(atPath: output + "/" + page.dropLast(3))[.size] as? Int) ?? 0)
        }
        var all = Data()
        for page in pages { all += try Data(contentsOf: URL(fileURLWithPath: markdown + "/" + page)) + Data("\n".utf8) }
        let allPath = "\(root)/transparency-bench-all-\(companies).md"
        try all.write(to: URL(fileURLWithPath: allPath))

        // Then full builds into a fresh folder and the cmark CLI over the same Markdown, taken in
        // turns so that both see the machine alike: the medians of five (three beyond 500 companies).
        var fullTimes: [Double] = [], cmarkTimes: [Double] = []
        let turns = companies <= 500 ? 5 : 3
        for _ in 0..<turns {
            try? FileManager.default.removeItem(atPath: output)
            fullTimes.append(try timed(transparency, ["build", "--data", data, "--output", output], in: root).seconds)
            cmarkTimes.append(try timed("/bin/sh", ["-c", "exec cmark < '\(allPath)' > /dev/null"], in: root).seconds)
        }
        let full = DiffBenchmark.median(fullTimes), cmark = DiffBenchmark.median(cmarkTimes)
        print("\(companies) companies: \(pages.count) pages, \(htmlBytes / 1_000_000) MB of HTML")
        print(String(format: "transparency build (median of %d: %@): %.2f s, %.0f pages/s, %.1f MB of HTML/s, peak memory %.0f MiB",
                     turns, fullTimes.map { String(format: "%.2f", $0) }.joined(separator: ", "), full, Double(pages.count) / full,
                     Double(htmlBytes) / full / 1e6, Double(usage.ru_maxrss) / 1024))
        if let stages = first.output.split(separator: "\n").first(where: { $0.hasPrefix("Stages") }) { print("  first build: " + stages) }
        print(String(format: "cmark CLI over the same %.1f MB of Markdown (median of %d: %@): %.2f s; the build takes %.2f× its time",
                     Double(all.count) / 1e6, turns, cmarkTimes.map { String(format: "%.2f", $0) }.joined(separator: ", "), cmark, full / cmark))
        // Noise on a shared machine only ever adds time: the fastest runs of each are compared too.
        let fastestFull = fullTimes.min() ?? full, fastestCmark = cmarkTimes.min() ?? cmark
        print(String(format: "  fastest of each: the build %.2f s, cmark %.2f s: the build takes %.2f× cmark's time",
                     fastestFull, fastestCmark, fastestFull / fastestCmark))

        // The same build again after one company's figures changed (five edits, a build after
        // each: the median), and after nothing changed (three builds: the median). The first
        // build after a full one has no spare yet (see `Publication`), and links every kept file.
        let changed = "\(data)/requests/c\(companies / 2).csv"
        let original = try Data(contentsOf: URL(fileURLWithPath: changed))
        defer { try? original.write(to: URL(fileURLWithPath: changed)) }
        var text = String(decoding: original, as: UTF8.self)
        var incrementalTimes: [Double] = [], unchangedTimes: [Double] = []
        // Each edit adds the half-year after the last one (the dataset's run from 1990 to 2009).
        for half in 0..<5 {
            text += "\(2010 + half / 2)-H\(half % 2 + 1),US,subpoena,requests,17,report-\(companies / 2)\n"
            try text.write(toFile: changed, atomically: false, encoding: .utf8)
            // A file changed within two seconds of a build is read again by the next one too (its
            // stamp could hide a second change in the same clock tick): the edit is dated five
            // seconds back, as if made a little before the build. (Sleeping instead let the
            // processor slow down, and made the build after it up to half again as slow.)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -5)], ofItemAtPath: changed)
            incrementalTimes.append(try timed(transparency, ["build", "--data", data, "--output", output], in: root).seconds)
        }
        for _ in 0..<3 { unchangedTimes.append(try timed(transparency, ["build", "--data", data, "--output", output], in: root).seconds) }
        let incremental = DiffBenchmark.median(incrementalTimes), unchanged = DiffBenchmark.median(unchangedTimes)
        print(String(format: "after changing one company's figures (median of 5: %@): %.3f s (%.1f× faster than the full build); with nothing changed (median of 3: %@): %.3f s",
                     incrementalTimes.map { String(format: "%.3f", $0) }.joined(separator: ", "), incremental, full / incremental,
                     unchangedTimes.map { String(format: "%.3f", $0) }.joined(separator: ", "), unchanged))
        // The incremental output must be what a full build writes (checked up to 500 companies:
        // beyond, two outputs of several GB don't fit in memory beside each other).
        if companies <= 500 {
            let check = "\(root)/transparency-bench-check-\(companies)"
            try? FileManager.default.removeItem(atPath: check)
            _ = try timed(transparency, ["build", "--data", data, "--output", check], in: root)
            let same = try DiffBenchmark.output("/usr/bin/diff", ["-rq", "-x", ".transparency-cache", output, check], in: root).isEmpty
            print("  the incremental build's files are \(same ? "the same as" : "NOT the same as") a full build's")
            try? FileManager.default.removeItem(atPath: check)
        }
        // The output, and the spare its incremental builds kept beside it.
        for path in [output, "\(root)/.transparency-bench-out-\(companies).spare"] { try? FileManager.default.removeItem(atPath: path) }

        if hugoRuns > 0 {
            try compare(pages: pages, markdown: markdown, root: root, companies: companies, seconds: full, runs: hugoRuns)
        }
    }

    /// Hugo building the same pages from the same Markdown.
    static func compare(pages: [String], markdown: String, root: String, companies: Int, seconds: Double, runs: Int) throws {
        let hugo = "\(root)/transparency-bench-hugo-\(companies)"
        try? FileManager.default.removeItem(atPath: hugo)
        try FileManager.default.createDirectory(atPath: hugo + "/content", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: hugo + "/layouts/_default", withIntermediateDirectories: true)
        try "baseURL = 'https://example.org/'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT', '404']\n[markup.goldmark.renderer]\nunsafe = false\n"
            .write(toFile: hugo + "/hugo.toml", atomically: true, encoding: .utf8)
        let layout = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><main>{{ .Content }}</main></body></html>\n"
        try layout.write(toFile: hugo + "/layouts/_default/single.html", atomically: true, encoding: .utf8)
        try layout.write(toFile: hugo + "/layouts/_default/list.html", atomically: true, encoding: .utf8)
        for (index, page) in pages.enumerated() {
            let contents = try Data(contentsOf: URL(fileURLWithPath: markdown + "/" + page))
            try (Data("---\ntitle: page \(index)\n---\n".utf8) + contents).write(to: URL(fileURLWithPath: "\(hugo)/content/page-\(index).md"))
        }
        // Spawned the same way as the tool, so that all three pay the same to start.
        let hugoTimes = try (0..<runs).map { _ in
            try timed("/usr/bin/hugo", ["--quiet", "-s", hugo, "-d", "\(root)/transparency-bench-hugo-out-\(companies)"], in: root).seconds
        }
        let hugoSeconds = DiffBenchmark.median(hugoTimes)
        let count = Double(pages.count)
        print(String(format: "hugo on the same %.0f pages of Markdown (median of %d): %.2f s, %.0f pages/s; the build's pages/s are %.2f× Hugo's",
                     count, runs, hugoSeconds, count / hugoSeconds, hugoSeconds / seconds))
    }

    /// The Markdown files of the pages, relative to `folder`, sorted.
    static func pageFiles(_ folder: String) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".html.md") }.sorted()
    }

    /// Runs a command and returns how long it took and what it printed; throws when it fails.
    /// Spawned with `posix_spawn` (Foundation's `Process` adds tens of milliseconds closing
    /// descriptors, which would count against the tool's fast builds); paths must be absolute.
    static func timed(_ executable: String, _ arguments: [String], in folder: String) throws -> (seconds: Double, output: String) {
        let outputPath = folder + "/.transparency-bench-output-\(getpid())"
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let start = DispatchTime.now()
        let status = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard status == 0 else { throw BenchmarkError("cannot run \(executable): \(String(cString: strerror(status)))") }
        var exit: Int32 = 0
        while waitpid(pid, &exit, 0) < 0, errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        guard exit == 0 else {
            throw BenchmarkError("\(executable) \(arguments.joined(separator: " ")) failed with status \(exit)")
        }
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        return (seconds, output)
    }
}
