import Dispatch
import Foundation

/// Whether work is spread over the cores; `TRANSPARENCY_THREADS=1` runs everything on the calling
/// thread, to check that the output does not depend on it. (Read with `getenv`: `ProcessInfo`'s
/// environment builds a dictionary of all of it.)
public let parallelismEnabled: Bool = getenv("TRANSPARENCY_THREADS").map { String(cString: $0) != "1" } ?? true

/// Maps `items` on all cores, keeping their order, so that output doesn't depend on timing.
public func parallelMap<Item: Sendable, Result>(_ items: [Item], _ transform: @Sendable (Item) -> Result) -> [Result] {
    guard items.count > 1, parallelismEnabled else { return items.map(transform) }
    let slots = ResultSlots<Result>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        slots.set(index, transform(items[index]))
    }
    return slots.values
}

/// Results written by index from several threads, each index by one thread only; read once
/// `concurrentPerform` has returned, when every writer is done.
final class ResultSlots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Value?>
    private let count: Int

    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil, count: count)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    func set(_ index: Int, _ value: Value) { storage[index] = value }

    /// The value at `index`, which must have been set.
    func take(_ index: Int) -> Value {
        guard let value = storage[index] else { preconditionFailure("no value was set at \(index)") }
        return value
    }

    var values: [Value] { (0..<count).map(take) }
}

/// Time spent in each stage of a build, summed over threads.
public final class StageTimes: @unchecked Sendable {
    public static let stages = ["load", "analysis", "templates", "cmark", "exports", "writing"]
    private var seconds: [String: Double] = [:]
    private let lock = NSLock()

    public init() {}

    /// Runs `work`, adding its duration to `stage`.
    public func measure<Result, Failure: Error>(_ stage: String, _ work: () throws(Failure) -> Result) throws(Failure) -> Result {
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            lock.lock()
            seconds[stage, default: 0] += elapsed
            lock.unlock()
        }
        return try work()
    }

    public subscript(stage: String) -> Double {
        lock.lock()
        defer { lock.unlock() }
        return seconds[stage] ?? 0
    }
}
