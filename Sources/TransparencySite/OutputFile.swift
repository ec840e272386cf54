/// A file the build writes: its path relative to the output folder, and its bytes, kept as they
/// were made (a page's text, an array, or the raw memory of a `ByteWriter`) so that they are
/// never copied on their way to the disk.
public struct OutputFile: Sendable {
    public var path: String
    private let storage: Storage
    /// How the bytes make the file: all of it, or a piece of a file written piece by piece.
    let piece: Piece

    /// A piece of a file written as it is made (`RequestExports.stream`).
    enum Piece: Sendable {
        /// The whole file (which a build may link from the previous output when it is the same).
        case whole
        /// The first piece: the file is made anew with it, never linked.
        case first
        /// A later piece, added at the end of the file.
        case later
    }

    private enum Storage: Sendable {
        case text(String)
        case bytes([UInt8])
        case raw(RawBytes)
        case borrowed(BorrowedBytes)
    }

    /// Memory lent to a file only while it is written (the writer's buffer, used again after).
    struct BorrowedBytes: @unchecked Sendable {
        let buffer: UnsafeRawBufferPointer
    }

    public init(path: String, contents: String) {
        self.path = path
        storage = .text(contents)
        piece = .whole
    }

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        storage = .bytes(bytes)
        piece = .whole
    }

    init(path: String, raw: RawBytes) {
        self.path = path
        storage = .raw(raw)
        piece = .whole
    }

    /// A piece of a file, in memory that must stay as it is until the file is written.
    init(path: String, borrowing buffer: UnsafeRawBufferPointer, piece: Piece) {
        self.path = path
        storage = .borrowed(BorrowedBytes(buffer: buffer))
        self.piece = piece
    }

    /// Calls `body` with the file's bytes.
    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws(PublishError) -> Result) throws(PublishError) -> Result {
        // The standard library's `with…` functions rethrow untyped errors: the outcome is carried out.
        func run(_ buffer: UnsafeRawBufferPointer) -> Swift.Result<Result, PublishError> {
            do throws(PublishError) { return .success(try body(buffer)) } catch { return .failure(error) }
        }
        let outcome: Swift.Result<Result, PublishError>
        switch storage {
        case .text(var text):
            // Native strings are contiguous UTF-8 already: this makes no copy.
            outcome = text.withUTF8 { run(UnsafeRawBufferPointer($0)) }
        case .bytes(let bytes):
            outcome = bytes.withUnsafeBytes { run($0) }
        case .raw(let raw):
            outcome = run(UnsafeRawBufferPointer(start: raw.base, count: raw.count))
        case .borrowed(let borrowed):
            outcome = run(borrowed.buffer)
        }
        return try outcome.get()
    }

    /// The bytes, as an array (a copy, for tests and small files).
    public var bytes: [UInt8] {
        switch storage {
        case .text(let text): Array(text.utf8)
        case .bytes(let bytes): bytes
        case .raw(let raw): raw.array
        case .borrowed(let borrowed): Array(borrowed.buffer)
        }
    }

    /// The contents as text.
    public var contents: String {
        switch storage {
        case .text(let text): text
        default: String(decoding: bytes, as: UTF8.self)
        }
    }
}

/// Bytes in memory of their own, handed over by a `ByteWriter` when it is done: read only, freed
/// with the last reference.
final class RawBytes: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt8>
    let count: Int

    init(taking base: UnsafeMutablePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    deinit { base.deallocate() }

    /// The bytes, as an array (a copy).
    var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }
}
