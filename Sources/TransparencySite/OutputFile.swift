import Foundation

/// A file the build writes, by path relative to the output folder.
public struct OutputFile: Sendable, Hashable {
    public var path: String
    /// The bytes to write.
    public var data: Data

    public init(path: String, contents: String) {
        self.path = path
        self.data = Data(contents.utf8)
    }

    /// For large generated files: the bytes as they are, without a trip through `String`.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.data = Data(bytes)
    }

    /// The contents as text.
    public var contents: String { String(decoding: data, as: UTF8.self) }
}
