import Dispatch
import HTTP
import Store

/// Copies each newly loaded ``Dataset`` of some size on one long-lived thread (see ``Compactor``).
///
/// glibc gives every thread a malloc arena and keeps it while the thread lives. This thread
/// allocates little but datasets (and, while copying, the ``Compactor``'s table of copies), so a
/// dataset is copied next to the dataset before it rather than among a load's freed scraps, and
/// the load's arenas, once the originals are dropped, hold next to nothing and go back to the
/// kernel. The thread starts at the first compaction, right after a load, while the load's
/// worker threads are alive: glibc offers a new thread the arena of an exited thread before it
/// makes a new one. glibc shares arenas between threads past eight per core (or
/// `MALLOC_ARENA_MAX`); the copy still works then, with less of a gain.
///
/// A small dataset is not compacted: below ``minimumArticles`` the load's scraps are a few
/// megabytes, and the copy with its thread and arena costs more than it frees (400 synthetic
/// articles: +1.8 MiB; 2,000: -39 MiB; 10,000: -214 MiB).
public final class DatasetCompaction: Sendable {
    static let shared = DatasetCompaction()
    public static let minimumArticles = 1_000

    private let jobs = JobQueue()
    /// False when the thread could not be started: compactions then run on the caller's thread.
    private let running: Bool

    private init() {
        let started = DispatchSemaphore(value: 0)
        do {
            try LoopThread.spawn(name: "accord-compact") { [jobs] in
                // The first allocation binds this thread's arena.
                let anchor = UnsafeMutableRawPointer.allocate(byteCount: 64, alignment: 16)
                anchor.deallocate()
                started.signal()
                jobs.runUntilFinished()
            }
            started.wait()
            running = true
        } catch {
            running = false
        }
    }

    /// `loaded`, copied on the compaction thread. That thread holds no reference to `loaded` once
    /// this returns, so the caller's is the last one: the originals are freed when the caller
    /// drops it, before it trims the heap.
    func compacted(_ loaded: Dataset, started: Double) -> Dataset {
        guard running else { return Dataset(compacting: loaded, by: Compactor(), started: started) }
        let handover = Locked<(loaded: Dataset?, copy: Dataset?)>((loaded, nil))
        let done = DispatchSemaphore(value: 0)
        jobs.submit {
            Self.copy(handover, started: started)
            done.signal()
        }
        done.wait()
        // The job stores the copy before it signals; taking it out leaves the job (kept by the
        // thread until the next one) holding neither dataset.
        return handover.withLock { pair in
            defer { pair.copy = nil }
            return pair.copy ?? Dataset(compacting: loaded, by: Compactor(), started: started)
        }
    }

    /// Takes the original out of `handover` and puts the copy in; the original's reference ends
    /// with this function, before the job signals the caller.
    private static func copy(_ handover: Locked<(loaded: Dataset?, copy: Dataset?)>, started: Double) {
        guard let loaded = handover.withLock({ pair -> Dataset? in
            defer { pair.loaded = nil }
            return pair.loaded
        }) else { return }
        let copy = Dataset(compacting: loaded, by: Compactor(), started: started)
        handover.withLock { $0.copy = copy }
    }
}
