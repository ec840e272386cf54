@_exported import Platform
/// A file the build writes: its path relative to the output folder, and its bytes, kept as they
/// were made (a page's text, an array, or memory handed over by a writer) so that they are not
/// copied on their way to the disk.
public struct OutputFile: Sendable {
    public var path: String
    private let storage: Storage

    private enum Storage: Sendable {
        case text(String)
        case bytes([UInt8])
        case raw(RawBytes)
    }

    public init(path: String, contents: String) {
        self.path = path
        storage = .text(contents)
    }

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        storage = .bytes(bytes)
    }

    public init(path: String, raw: RawBytes) {
        self.path = path
        storage = .raw(raw)
    }

    /// Calls `body` with the file's bytes.
    public func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws(PublishError) -> Result) throws(PublishError) -> Result {
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
        }
        return try outcome.get()
    }
}

/// Bytes in memory of their own, handed over by a writer when it is done: read only, freed with
/// the last reference.
public final class RawBytes: @unchecked Sendable {
    public let base: UnsafeMutablePointer<UInt8>
    public let count: Int

    public init(taking base: UnsafeMutablePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    deinit { base.deallocate() }

    /// The bytes, as an array (a copy).
    public var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }
}
