import Dispatch
import Locking

/// Closures run in order by the one thread that calls ``runUntilFinished()``: the server's main
/// thread (reloads) and the API's two compaction threads. Other threads ``submit(_:)``.
public final class JobQueue: Sendable {
    private let jobs = Locked<[(@Sendable () -> Void)?]>([])
    private let wake = DispatchSemaphore(value: 0)

    public init() {}

    /// Runs `job` on the queue's thread, after the jobs before it.
    public func submit(_ job: @escaping @Sendable () -> Void) {
        jobs.withLock { $0.append(job) }
        wake.signal()
    }

    /// Ends ``runUntilFinished()`` once the jobs before it have run.
    public func finish() {
        jobs.withLock { $0.append(nil) }
        wake.signal()
    }

    /// Runs jobs as they come until ``finish()``.
    public func runUntilFinished() {
        while true {
            wake.wait()
            // Each signal of `wake` follows one append, so the queue is not empty here.
            let next: (@Sendable () -> Void)?? = jobs.withLock { $0.isEmpty ? .none : .some($0.removeFirst()) }
            switch next {
            case .none: continue
            case .some(.none): return
            case .some(.some(let job)): job()
            }
        }
    }
}
