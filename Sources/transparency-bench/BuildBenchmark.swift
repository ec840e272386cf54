import Foundation
import TransparencySite

/// Builds a generated dataset of `companies` companies and prints the time per stage, beside Hugo
/// building the same pages from the same Markdown and the cmark CLI over that Markdown.
enum BuildBenchmark {
    static func run(companies: Int, root: String, self executable: String) throws {
        let data = "\(root)/transparency-bench-\(companies)"
        if !FileManager.default.fileExists(atPath: data + "/sources.yaml") {
            _ = try DiffBenchmark.output(executable, ["generate", String(companies), data], in: root)
        }
        let output = "\(root)/transparency-bench-out-\(companies)"
        let result: (summary: BuildPipeline.Summary, plan: SitePlan)
        do {
            result = try BuildPipeline.build(data: data, templates: nil, output: output, keepMarkdown: true)
        } catch {
            throw BenchmarkError("the build failed: \(error)")
        }
        let summary = result.summary, plan = result.plan
        let htmlBytes = plan.files.filter { $0.path.hasSuffix(".html") }.reduce(0) { $0 + $1.bytes.count }
        print("\(companies) companies: \(summary.pages) pages, \(plan.files.count) files, \(htmlBytes / 1_000_000) MB of HTML")
        print(String(format: "transparency build: %.2f s, %.0f pages/s, %.1f MB of HTML/s, peak memory %.0f MiB",
                     summary.seconds, Double(summary.pages) / summary.seconds, Double(htmlBytes) / summary.seconds / 1e6, PeakMemory.mebibytes))
        print("  stages (seconds, summed over threads): " + StageTimes.stages.map { String(format: "%@ %.2f", $0, summary.stages[$0] ?? 0) }.joined(separator: ", "))

        // The same Markdown for Hugo and for cmark.
        let hugo = "\(root)/transparency-bench-hugo-\(companies)"
        try? FileManager.default.removeItem(atPath: hugo)
        try FileManager.default.createDirectory(atPath: hugo + "/content", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: hugo + "/layouts/_default", withIntermediateDirectories: true)
        try "baseURL = 'https://example.org/'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT', '404']\n[markup.goldmark.renderer]\nunsafe = false\n"
            .write(toFile: hugo + "/hugo.toml", atomically: true, encoding: .utf8)
        let layout = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><main>{{ .Content }}</main></body></html>\n"
        try layout.write(toFile: hugo + "/layouts/_default/single.html", atomically: true, encoding: .utf8)
        try layout.write(toFile: hugo + "/layouts/_default/list.html", atomically: true, encoding: .utf8)
        var all = ""
        for (index, page) in plan.pageMarkdown.enumerated() {
            try "---\ntitle: page \(index)\n---\n\(page.contents)".write(toFile: "\(hugo)/content/page-\(index).md", atomically: false, encoding: .utf8)
            all += page.contents + "\n"
        }
        try all.write(toFile: "\(root)/transparency-bench-all-\(companies).md", atomically: true, encoding: .utf8)
        let hugoTimes = try (0..<3).map { _ in
            try DiffBenchmark.time("/usr/bin/env", ["hugo", "--quiet", "-s", hugo, "-d", "\(root)/transparency-bench-hugo-out-\(companies)"], in: root)
        }
        let cmarkTimes = try (0..<3).map { _ in
            try DiffBenchmark.time("/bin/sh", ["-c", "cmark < transparency-bench-all-\(companies).md > /dev/null"], in: root)
        }
        let hugoSeconds = DiffBenchmark.median(hugoTimes) / 1000, cmarkSeconds = DiffBenchmark.median(cmarkTimes) / 1000
        let pages = Double(plan.pageMarkdown.count)
        print(String(format: "hugo on the same %.0f pages of Markdown (median of 3): %.2f s, %.0f pages/s", pages, hugoSeconds, pages / hugoSeconds))
        print(String(format: "cmark CLI over the same %.1f MB of Markdown (median of 3): %.2f s", Double(all.utf8.count) / 1e6, cmarkSeconds))
        print(String(format: "ratios: %.2f× Hugo's pages/s; total time %.2f× the cmark CLI's",
                     (Double(summary.pages) / summary.seconds) / (pages / hugoSeconds), summary.seconds / cmarkSeconds))
    }
}
