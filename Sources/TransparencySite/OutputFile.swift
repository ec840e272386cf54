import Foundation

/// A file the build writes, by path relative to the output folder: bytes held in memory, or (for
/// the exports, which hold every figure) bytes produced straight into the file as it is written.
public struct OutputFile: Sendable {
    /// Receives a streamed file's bytes in pieces.
    public final class Sink: @unchecked Sendable {
        private let handle: FileHandle
        init(handle: FileHandle) { self.handle = handle }
        public func write(_ bytes: [UInt8]) { handle.write(Data(bytes)) }
    }

    public enum Content: Sendable {
        case bytes([UInt8])
        case stream(@Sendable (Sink) -> Void)
    }

    public var path: String
    public var content: Content

    public init(path: String, contents: String) {
        self.path = path
        self.content = .bytes(Array(contents.utf8))
    }

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.content = .bytes(bytes)
    }

    /// A file produced piece by piece when it is written.
    public init(path: String, stream: @escaping @Sendable (Sink) -> Void) {
        self.path = path
        self.content = .stream(stream)
    }

    /// The bytes of an in-memory file (empty for a streamed one).
    public var bytes: [UInt8] {
        if case .bytes(let bytes) = content { return bytes }
        return []
    }

    /// The contents of an in-memory file as text.
    public var contents: String { String(decoding: bytes, as: UTF8.self) }
}
