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

/// Runs two pieces of work at once (one after the other with `TRANSPARENCY_THREADS=1`): `first`
/// on a thread of the global queue, `second` on the calling one. When `second` is done and no
/// thread has taken `first` yet, the calling thread runs it: a pair inside another's piece
/// never waits for a thread (libdispatch gave one after about a second when its threads were
/// all waiting in pairs).
///
/// Not through `concurrentPerform`: inside one, libdispatch runs a nested `concurrentPerform`
/// (say a `parallelMap` within `second`) on one thread only, and half the machine waited.
public func parallelPair<First, Second>(_ first: @escaping @Sendable () -> First, _ second: @Sendable () -> Second) -> (First, Second) {
    guard parallelismEnabled else { return (first(), second()) }
    let firstSlot = ResultSlots<First>(count: 1)
    let group = DispatchGroup()
    // The block may run after this function has returned (when the calling thread took `first`):
    // it then finds the piece claimed and does nothing.
    DispatchQueue.global().async(group: group) {
        if firstSlot.claim() { firstSlot.set(0, first()) }
    }
    let b = second()
    if firstSlot.claim() { return (first(), b) }
    group.wait()
    // The slot is set once the group is done.
    guard let a = firstSlot.values.first else { return (first(), b) }
    return (a, b)
}

/// Results written by index from several threads.
final class ResultSlots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()
    /// Whether a thread took the work of the values (`parallelPair`'s first piece).
    private var claimed = false

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    /// True the first time only: which thread computes the values.
    func claim() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !claimed else { return false }
        claimed = true
        return true
    }

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
