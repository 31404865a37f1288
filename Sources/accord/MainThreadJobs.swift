import Dispatch
import HTTP

/// Work for the main thread while the server runs: the reloads.
///
/// The main thread is otherwise idle once the event loops are up. A load's serial part
/// (assembly, the merge of extracted events, the indexes, the search index) runs on the thread
/// that calls it; on the main thread its scratch goes to glibc's main arena, the one arena whose
/// free top `malloc_trim` gives back. The per-article parallel part still runs on pool threads.
/// With the load on a pool thread, RSS after a reload was 1.22-1.32x the first load's at 10,000
/// synthetic articles; on the main thread, with the trim threshold lowered while a compaction's
/// originals are freed (`DatasetLoader`), 1.01-1.18x.
final class MainThreadJobs: Sendable {
    private let jobs = Locked<[(@Sendable () -> Void)?]>([])
    private let wake = DispatchSemaphore(value: 0)

    /// Runs `job` on the main thread, after the jobs before it.
    func submit(_ job: @escaping @Sendable () -> Void) {
        jobs.withLock { $0.append(job) }
        wake.signal()
    }

    /// Ends ``runUntilFinished()`` once the jobs before it have run.
    func finish() {
        jobs.withLock { $0.append(nil) }
        wake.signal()
    }

    /// On the main thread: runs jobs as they come until ``finish()``.
    func runUntilFinished() {
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
