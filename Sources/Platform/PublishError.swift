/// Why the output could not be published. The previous output is left as it was.
public struct PublishError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `path: error: reason`.
    public var description: String { "\(path): error: \(reason)" }
}
