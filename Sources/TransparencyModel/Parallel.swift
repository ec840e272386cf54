import Dispatch
import Foundation

/// Whether work is spread over all cores; `TRANSPARENCY_THREADS=1` makes a build use one, to
/// check that the output does not depend on it.
public let parallelismEnabled: Bool = ProcessInfo.processInfo.environment["TRANSPARENCY_THREADS"] != "1"

/// Maps `items` on all cores, keeping their order, so that output doesn't depend on timing.
public func parallelMap<Item: Sendable, Result>(_ items: [Item], _ transform: @Sendable (Item) -> Result) -> [Result] {
    guard items.count > 1, parallelismEnabled else { return items.map(transform) }
    let slots = ResultSlots<Result>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        slots.set(index, transform(items[index]))
    }
    return slots.values
}

/// Runs two pieces of work at once (one after the other with `TRANSPARENCY_THREADS=1`).
public func parallelPair<First, Second>(_ first: @Sendable () -> First, _ second: @Sendable () -> Second) -> (First, Second) {
    guard parallelismEnabled else { return (first(), second()) }
    let firstSlot = ResultSlots<First>(count: 1), secondSlot = ResultSlots<Second>(count: 1)
    DispatchQueue.concurrentPerform(iterations: 2) { index in
        if index == 0 { firstSlot.set(0, first()) } else { secondSlot.set(0, second()) }
    }
    // Both slots are set once concurrentPerform returns.
    guard let a = firstSlot.values.first, let b = secondSlot.values.first else { return (first(), second()) }
    return (a, b)
}

/// Results written by index from several threads.
final class ResultSlots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [Value] { storage.compactMap { $0 } }
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
