@_exported import Platform
import Foundation

/// What a build keeps for the next one, inside its output folder (beside `site/`): the settings
/// it was made with, its inputs' group digests, each job's digest and files, and what the
/// caller keeps of its own (`State`). One JSON file; damaged, of another format or of other
/// settings, it is not used, and the build is a full one.
public struct BuildCache<State: Codable & Sendable>: Codable, Sendable {
    public static var fileName: String { ".transparency-cache" }
    static var currentFormat: Int { 1 }

    /// What a job wrote, and the digest of its inputs when it did; kept as one text, the
    /// digest and the paths separated by spaces (thousands of them are read by every build;
    /// the paths are made of ids, which hold no space).
    public struct Job: Codable, Sendable, Equatable {
        public var digest: String
        public var outputs: [String]

        public init(digest: String, outputs: [String]) {
            self.digest = digest
            self.outputs = outputs
        }

        public init(from decoder: Decoder) throws {
            let parts = try decoder.singleValueContainer().decode(String.self).split(separator: " ").map(String.init)
            digest = parts.first ?? ""
            outputs = Array(parts.dropFirst())
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(([digest] + outputs).joined(separator: " "))
        }
    }

    var format = Self.currentFormat
    public var settings: String
    public var groups: [String: String]
    public var jobs: [String: Job]
    public var state: State

    /// The cache of the output at `output`, when it was made with `settings`.
    public static func read(output: String, settings: String) -> BuildCache? {
        guard let data = FileManager.default.contents(atPath: output + "/" + fileName),
              let cache = try? JSONDecoder().decode(BuildCache.self, from: data),
              cache.format == currentFormat, cache.settings == settings else { return nil }
        return cache
    }

    /// The cache's file.
    public func file() -> OutputFile {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return OutputFile(path: Self.fileName, bytes: Array((try? encoder.encode(self)) ?? Data()))
    }
}
