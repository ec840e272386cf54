import Dispatch
import Foundation

/// Whether work is spread over all cores; `TRANSPARENCY_THREADS=1` makes a build use one, to
/// check that the output does not depend on it. (Read with `getenv`: `ProcessInfo`'s
/// environment builds a dictionary of all of it.)
public let parallelismEnabled: Bool = getenv("TRANSPARENCY_THREADS").map { String(cString: $0) != "1" } ?? true

/// How many threads run parallel work: the calling one and the pool's (1 with
/// `TRANSPARENCY_THREADS=1` or one core).
public var parallelWidth: Int { WorkerPool.shared.threads + 1 }

/// Maps `items` on all cores, keeping their order, so that output doesn't depend on timing.
/// The calling thread and the pool's threads take items one at a time, in order.
public func parallelMap<Item: Sendable, Result>(_ items: [Item], _ transform: @Sendable (Item) -> Result) -> [Result] {
    let pool = WorkerPool.shared
    guard items.count > 1, pool.threads > 0 else { return items.map(transform) }
    let slots = ResultSlots<Result>(count: items.count)
    let claims = IndexClaims(count: items.count)
    withoutActuallyEscaping(transform) { transform in
        let take = { @Sendable in
            while let index = claims.next() { slots.set(index, transform(items[index])) }
        }
        let helpers = (0..<min(pool.threads, items.count - 1)).map { _ in WorkerPool.Piece(take) }
        for helper in helpers { pool.handIn(helper) }
        take()
        // Every item is taken: a helper no thread started has nothing left to do.
        for helper in helpers { _ = pool.withdrawOrWait(helper) }
    }
    return slots.values
}

/// Runs two pieces of work at once (one after the other with `TRANSPARENCY_THREADS=1`): `first`
/// on a thread of the pool, `second` on the calling one. When `second` is done and no thread
/// has started `first` yet, the calling thread runs it: a pair inside another's piece never
/// waits for a thread.
public func parallelPair<First, Second>(_ first: @Sendable () -> First, _ second: @Sendable () -> Second) -> (First, Second) {
    let pool = WorkerPool.shared
    guard pool.threads > 0 else { return (first(), second()) }
    return withoutActuallyEscaping(first) { first in
        let slot = ResultSlots<First>(count: 1)
        let piece = WorkerPool.Piece { slot.set(0, first()) }
        pool.handIn(piece)
        let b = second()
        if pool.withdrawOrWait(piece) { return (first(), b) }
        return (slot.take(0), b)
    }
}

/// Hands out the indices `0..<count`, each once, to whichever thread asks.
final class IndexClaims: @unchecked Sendable {
    private let count: Int
    private var claimed = 0
    private let lock = NSLock()

    init(count: Int) { self.count = count }

    /// The next index nobody has taken, or nil when all are taken.
    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard claimed < count else { return nil }
        claimed += 1
        return claimed - 1
    }
}

/// Results written by index from several threads, each index by one thread only; read once
/// every writer is done (the pool's lock orders the writes before the reads).
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

    /// Adds `seconds` to `stage` (time measured by the caller).
    public func add(_ stage: String, seconds: Double) {
        lock.lock()
        self.seconds[stage, default: 0] += seconds
        lock.unlock()
    }

    public subscript(stage: String) -> Double {
        lock.lock()
        defer { lock.unlock() }
        return seconds[stage] ?? 0
    }
}
