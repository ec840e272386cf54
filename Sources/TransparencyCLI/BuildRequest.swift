import Foundation
import TransparencySite

/// What `transparency build` is asked to do, whichever way its command line was read.
///
/// A build's command line is most often plain (`build --data D --output O`, perhaps `--full`),
/// and ArgumentParser took some 13 million instructions to read it (it reflects over every
/// command and checks for a completion-script request), 7% of an incremental build that changes
/// one company of 100 (callgrind). `init?(plainArguments:)` reads that plain form directly and
/// leaves everything else (help, errors, `--name=value`, abbreviations) to ArgumentParser; a
/// property test checks that both read every plain command line alike.
public struct BuildRequest: Sendable, Equatable {
    public var data = "Data"
    public var templates: String?
    public var output = "Reports"
    public var pageMarkdown: String?
    public var full = false
    public var timings = false

    public init() {}

    /// The request of a command line (without the executable's name) that is `build` or nothing,
    /// then only `--data`, `--templates`, `--output` and `--page-markdown` each followed by a
    /// value that is not empty and doesn't start with `-`, and the flags `--full` and
    /// `--timings`, each at most once. Nil for any other command line.
    public init?(plainArguments arguments: [String]) {
        var rest = arguments[...]
        if rest.first == "build" { rest = rest.dropFirst() }
        var seen = Set<String>()
        while let name = rest.popFirst() {
            guard seen.insert(name).inserted else { return nil }
            switch name {
            case "--full": full = true
            case "--timings": timings = true
            case "--data", "--templates", "--output", "--page-markdown":
                guard let value = rest.popFirst(), let first = value.first, first != "-" else { return nil }
                switch name {
                case "--data": data = value
                case "--templates": templates = value
                case "--output": output = value
                default: pageMarkdown = value
                }
            default: return nil
            }
        }
    }

    /// Builds, prints what was written (and the warnings, on standard error); on failure prints
    /// the problems and throws the exit code. With `exiting`, the process ends as soon as the
    /// output is in place, without freeing the build's memory first (see `BuildPipeline.build`).
    public func run(exiting: Bool = false) throws {
        do {
            let summary = try BuildPipeline.build(
                data: data, templates: templates, output: output, pageMarkdown: pageMarkdown, incremental: !full
            ) { summary in
                guard exiting else { return }
                report(summary)
                exit(0)
            }
            report(summary)
        } catch {
            throw Console.exit(for: error)
        }
    }

    private func report(_ summary: BuildPipeline.Summary) {
        Console.report(summary.warnings)
        print(summary.line(output: output))
        if timings {
            print("Stages (seconds, summed over threads): "
                  + StageTimes.stages.map { "\($0) " + String(format: "%.2f", summary.stages[$0] ?? 0) }.joined(separator: ", "))
        }
    }
}
