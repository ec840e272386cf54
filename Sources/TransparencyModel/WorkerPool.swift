import CSystem
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The threads that run pieces of `parallelMap` and `parallelPair` besides the calling thread:
/// one fewer than the cores, started once, waiting on a condition variable between pieces.
///
/// Not libdispatch's global queue: on the 2-core virtual machine measured, a block handed to it
/// started 0.07–3.8 ms later, even with a thread started beforehand, because the scheduler woke
/// the thread on the busy processor; a thread bound to the other processor started within
/// 0.05 ms. An incremental build at N = 100 takes about 19 ms and hands out pieces at least six
/// times.
///
/// A piece nobody has started when its caller is ready for it is taken back by the caller and
/// run there (`withdrawOrWait`): a caller never waits for a piece that no thread runs, however
/// the pieces nest, and no piece outlives the call that made it. A caller whose piece is still
/// running meanwhile runs other pieces handed in (the halves of a file that the running piece
/// reads, say), as work-stealing pools do: every wait is for a piece that a thread is running,
/// and pieces nest as calls do, so the waits end.
public final class WorkerPool: @unchecked Sendable {
    /// The process's pool: `TRANSPARENCY_THREADS=1`, or one core, gives a pool without threads.
    static let shared = WorkerPool(binding: bindingAsked)
    nonisolated(unsafe) private static var bindingAsked = false

    /// A piece of work handed to the pool; its state is read and written under the pool's lock.
    final class Piece: @unchecked Sendable {
        enum State { case pending, running, done, withdrawn }
        fileprivate var work: (@Sendable () -> Void)?
        fileprivate var state = State.pending

        init(_ work: @escaping @Sendable () -> Void) { self.work = work }
    }

    /// How many threads the pool has.
    let threads: Int
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    /// Broadcast when a piece is handed in or done: the pool's threads and waiting callers
    /// both wait for either.
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var pending: [Piece] = []

    private init(binding: Bool) {
        pthread_mutex_init(lock, nil)
        pthread_cond_init(changed, nil)
        let allowed = Self.allowedProcessors()
        let threads = parallelismEnabled ? max(0, Self.coreCount(allowed: allowed) - 1) : 0
        let processors = binding ? Self.processorsToBind(threads: threads, allowed: allowed) : nil
        // Should a thread fail to start, pieces meant for it are taken back by their callers.
        self.threads = processors.map { $0.count - 1 } ?? threads
        if let processors { _ = transparency_bind_thread(processors[0]) }
        for index in 0..<self.threads {
            // A thread bound from its start: one that bound itself first ran beside the busy
            // calling thread.
            guard transparency_start_thread({ pool in
                // The pool is `shared`, never released.
                guard let pool else { return nil }
                Unmanaged<WorkerPool>.fromOpaque(pool).takeUnretainedValue().serve()
            }, Unmanaged.passUnretained(self).toOpaque(), processors?[index + 1] ?? -1) == 0 else { break }
        }
    }

    /// Where the calling thread and each of `threads` threads are bound: the processor the
    /// calling thread is on, then others it may use; nil when they can't be told.
    private static func processorsToBind(threads: Int, allowed: [Int32]) -> [Int32]? {
        let current = transparency_current_processor()
        guard threads > 0, allowed.count > 1, allowed.contains(current) else { return nil }
        return [current] + allowed.filter { $0 != current }.prefix(threads)
    }

    /// Starts the pool's threads now rather than at the first piece. With `binding`, the calling
    /// thread stays on the processor it is on and each thread of the pool gets one of the others
    /// (why: see the type's description).
    public static func start(binding: Bool) {
        bindingAsked = binding
        _ = shared
    }

    /// Hands `piece` to the pool's threads.
    func handIn(_ piece: Piece) {
        pthread_mutex_lock(lock)
        pending.append(piece)
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(lock)
    }

    /// Takes `piece` back when no thread has started it (true: the caller runs its work itself);
    /// otherwise runs other pieces, or waits, until it is done (false).
    func withdrawOrWait(_ piece: Piece) -> Bool {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        if piece.state == .pending, let index = pending.firstIndex(where: { $0 === piece }) {
            pending.remove(at: index)
            piece.state = .withdrawn
            piece.work = nil
            return true
        }
        while piece.state != .done {
            if pending.isEmpty { pthread_cond_wait(changed, lock) } else { runFirstPending() }
        }
        return false
    }

    /// A thread's loop: runs pieces as they come.
    private func serve() -> Never {
        pthread_mutex_lock(lock)
        while true {
            while pending.isEmpty { pthread_cond_wait(changed, lock) }
            runFirstPending()
        }
    }

    /// Runs the first pending piece, the lock held before and after (not while it runs).
    private func runFirstPending() {
        let piece = pending.removeFirst()
        piece.state = .running
        pthread_mutex_unlock(lock)
        // Only this thread touches a running piece's work. It (and what it holds) is let go of
        // before anyone learns that the piece is done.
        piece.work?()
        piece.work = nil
        pthread_mutex_lock(lock)
        piece.state = .done
        pthread_cond_broadcast(changed)
    }

    /// The cores this process may use (as `nproc` counts them). Beyond four, also within its
    /// control group's quota (a container on a large machine), as `ProcessInfo` counts them:
    /// it reads control group files, 0.4 ms more at the start of a run (traced at N = 100).
    private static func coreCount(allowed: [Int32]) -> Int {
        let cores = allowed.isEmpty ? max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) : allowed.count
        return cores > 4 ? max(1, min(cores, ProcessInfo.processInfo.activeProcessorCount)) : cores
    }

    /// The processors this process may run on; empty where that can't be told.
    private static func allowedProcessors() -> [Int32] {
        var allowed = [Int32](repeating: 0, count: 1024)
        let count = Int(transparency_allowed_processors(&allowed, Int32(allowed.count)))
        return Array(allowed.prefix(count))
    }
}
