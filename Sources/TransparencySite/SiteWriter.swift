import Foundation

/// Publishes a list of files atomically, through a `Publication`.
public struct SiteWriter: Sendable {
    /// The marker file that says a folder was written by this tool.
    public static let markerName = ".transparency-output"
    static let markerText = "Written by `transparency build`. Each build replaces this whole folder.\n"

    public let output: String

    public init(output: String) {
        self.output = output
    }

    /// What a publish did.
    public struct Result: Sendable {
        /// Files whose bytes were written.
        public var written: Int
        /// Files identical to the previous output's, linked rather than written again.
        public var unchanged: Int
    }

    /// Writes `files` and swaps them in place of the output folder. A file whose bytes equal the
    /// previous output's is hard-linked from it instead of written, so an incremental change
    /// rewrites only the files it changes.
    @discardableResult
    public func publish(_ files: [OutputFile]) throws(PublishError) -> Result {
        let publication = try Publication(output: output)
        try publication.write(files)
        return try publication.commit()
    }
}
