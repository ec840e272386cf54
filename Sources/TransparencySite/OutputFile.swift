/// A file the build writes: its path relative to the output folder, and its bytes.
public struct OutputFile: Sendable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, contents: String) {
        self.path = path
        self.bytes = Array(contents.utf8)
    }

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// The contents as text.
    public var contents: String { String(decoding: bytes, as: UTF8.self) }
}
