import Dispatch
import HTTP
import Locking
import Store

/// Copies each newly loaded ``Dataset`` of some size on two long-lived threads (see ``Compactor``).
///
/// glibc gives every thread a malloc arena and keeps it while the thread lives. These threads
/// allocate little but datasets (and, while copying, the ``CopyTable`` of copies), so a dataset
/// is copied next to the dataset before it rather than among a load's freed scraps, and the
/// load's arenas, once the originals are dropped, hold next to nothing and go back to the
/// kernel. The threads start (``start()``) once the first load of enough articles has read its
/// files, before its pool threads come and go: glibc offers a new thread the arena of an exited
/// thread before it makes a new one, and a pool thread that left during the load handed a
/// compaction thread an arena full of its scratch (100k articles: 1.86 or 2.35 GB after the load,
/// depending on which thread had left when; 1.80 GB with the threads started first, for a copy
/// slower by a second: its pages are new). glibc shares arenas between threads past eight per
/// core (or `MALLOC_ARENA_MAX`); the copy still works then, with less of a gain.
///
/// The first thread copies the articles, entities, mentions and their lookups; the second, at
/// the same time, the events, proposals and their lookups, then the search index and the load
/// report. The two share one table of copies, so a string both meet (a quote in an event and in
/// the search index) is still copied once. The first builds the ``Dataset`` from the parts.
///
/// A small dataset is not compacted: below ``minimumArticles`` the load's scraps are a few
/// megabytes, and the copy with its threads and arenas costs more than it frees (400 synthetic
/// articles: +1.8 MiB; 2,000: -39 MiB; 10,000: -214 MiB).
public final class DatasetCompaction: Sendable {
    static let shared = DatasetCompaction()
    public static let minimumArticles = 1_000

    /// The threads' job queues: two, one when the second could not be started (the parts then
    /// run one after the other on it), none when neither could (the caller's thread copies).
    private let lanes: [JobQueue]

    private init() {
        var lanes: [JobQueue] = []
        for name in ["accord-compact", "accord-compact-2"] {
            let jobs = JobQueue(), started = DispatchSemaphore(value: 0)
            do {
                try LoopThread.spawn(name: name) {
                    // The first allocation binds this thread's arena.
                    let anchor = UnsafeMutableRawPointer.allocate(byteCount: 64, alignment: 16)
                    anchor.deallocate()
                    started.signal()
                    jobs.runUntilFinished()
                }
                started.wait()
                lanes.append(jobs)
            } catch {
                break
            }
        }
        self.lanes = lanes
    }

    /// What the two jobs of one compaction hand each other and the caller. The original and the
    /// table (which keeps every original string) are taken out once both jobs are done, so the
    /// jobs, kept by their threads until the next one, hold neither.
    private struct Handover {
        var loaded: Dataset?
        var table: CopyTable?
        var records: KnowledgeBase.CompactedRecords?
        var search: SearchIndex?
        var report: LoadReport?
        var copy: Dataset?

        /// What both jobs copy from, while the caller has not taken it back.
        var inputs: (loaded: Dataset, table: CopyTable)? {
            guard let loaded, let table else { return nil }
            return (loaded, table)
        }
    }

    /// Starts the threads, if they are not running yet (the first use of ``shared`` does).
    func start() {}

    /// `loaded`, copied on the compaction threads. Those threads hold no reference to `loaded`
    /// once this returns, so the caller's is the last one: the originals are freed when the
    /// caller drops it, before it trims the heap.
    func compacted(_ loaded: Dataset, started: Double) -> Dataset {
        guard let first = lanes.first, let second = lanes.last else {
            return Dataset(compacting: loaded, by: Compactor(), started: started)
        }
        let copyStarted = Metrics.now()
        let handover = Locked(Handover(loaded: loaded, table: CopyTable()))
        let recordsDone = DispatchSemaphore(value: 0), partsDone = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        // The second part is queued first: with one thread it then runs before the part that waits for it.
        second.submit {
            Self.copyParts(handover, recordsDone: recordsDone)
            partsDone.signal()
        }
        first.submit {
            Self.copyRest(handover, recordsDone: recordsDone, partsDone: partsDone, copyStarted: copyStarted, started: started)
            done.signal()
        }
        done.wait()
        return handover.withLock { state in
            defer { state = Handover() }
            return state.copy ?? Dataset(compacting: loaded, by: Compactor(), started: started)
        }
    }

    /// The second thread's part: the events, proposals and their lookups (the first thread
    /// waits for them last), then the search index and the report. Its references to the
    /// original end with this function, before the job signals.
    private static func copyParts(_ handover: Locked<Handover>, recordsDone: DispatchSemaphore) {
        guard let (loaded, table) = handover.withLock({ $0.inputs }) else {
            recordsDone.signal()
            return
        }
        let compactor = Compactor(sharing: table)
        let records = loaded.knowledgeBase.compactedRecords(by: compactor)
        handover.withLock { $0.records = records }
        recordsDone.signal()
        let search = loaded.search.compacted(by: compactor)
        let report = loaded.report.compacted(by: compactor)
        handover.withLock { state in
            state.search = search
            state.report = report
        }
    }

    /// The first thread's part: the rest of the knowledge base, then the dataset from the parts.
    private static func copyRest(
        _ handover: Locked<Handover>, recordsDone: DispatchSemaphore, partsDone: DispatchSemaphore,
        copyStarted: Double, started: Double
    ) {
        guard let (loaded, table) = handover.withLock({ $0.inputs }) else {
            return
        }
        let compactor = Compactor(sharing: table)
        let knowledgeBase = loaded.knowledgeBase.compacted(by: compactor) {
            recordsDone.wait()
            return handover.withLock { $0.records } ?? loaded.knowledgeBase.compactedRecords(by: compactor)
        }
        partsDone.wait()
        let (search, report) = handover.withLock { ($0.search, $0.report) }
        let copy = Dataset(
            copyOf: loaded, knowledgeBase: knowledgeBase, search: search ?? loaded.search.compacted(by: compactor),
            report: report ?? loaded.report.compacted(by: compactor), by: compactor, copyStarted: copyStarted, started: started
        )
        handover.withLock { $0.copy = copy }
    }
}
