import Dispatch
import HTTP
import Store

/// Copies each newly loaded ``Dataset`` of some size on one long-lived thread (see ``Compactor``).
///
/// glibc gives every thread a malloc arena and keeps it while the thread lives. This thread
/// only ever allocates datasets in its arena, so a dataset is copied into an arena that holds
/// nothing but the dataset before it, and the load's arenas, once the originals are dropped,
/// hold next to nothing and go back to the kernel with `malloc_trim`. The thread starts at the
/// first compaction, right after a load, while the load's worker threads are alive: glibc offers
/// a new thread the arena of an exited thread before it makes a new one.
///
/// A small dataset is not compacted: below ``minimumArticles`` the load's scraps are a few
/// megabytes, and the copy with its thread and arena costs more than it frees (400 synthetic
/// articles: +1.8 MB; 2,000: -40 MB; 10,000: -220 MB).
public final class DatasetCompaction: Sendable {
    static let shared = DatasetCompaction()
    public static let minimumArticles = 1_000

    private let jobs = Locked<[@Sendable () -> Void]>([])
    private let wake = DispatchSemaphore(value: 0)
    /// False when the thread could not be started: compactions then run on the caller's thread.
    private let running: Bool

    private init() {
        let started = DispatchSemaphore(value: 0)
        do {
            try LoopThread.spawn(name: "accord-compact") { [jobs, wake] in
                // The first allocation binds this thread's arena.
                let anchor = UnsafeMutableRawPointer.allocate(byteCount: 64, alignment: 16)
                anchor.deallocate()
                started.signal()
                while true {
                    wake.wait()
                    let job = jobs.withLock { $0.isEmpty ? nil : $0.removeFirst() }
                    job?()
                }
            }
            started.wait()
            running = true
        } catch {
            running = false
        }
    }

    /// `loaded`, copied on the compaction thread; the caller drops `loaded` afterwards.
    func compacted(_ loaded: Dataset, started: Double) -> Dataset {
        let copy: @Sendable () -> Dataset = { Dataset(compacting: loaded, by: Compactor(), started: started) }
        guard running else { return copy() }
        let result = Locked<Dataset?>(nil)
        let done = DispatchSemaphore(value: 0)
        jobs.withLock { $0.append {
            let dataset = copy()
            result.withLock { $0 = dataset }
            done.signal()
        } }
        wake.signal()
        done.wait()
        return result.withLock { $0 } ?? copy()
    }
}
