#if canImport(Glibc)
import Glibc
import CSystem
#endif
import HTTP
import Locking
import Store
import Synchronization

/// Loads a seeds directory into a ``Dataset`` (startup and SIGHUP reload).
public enum DatasetLoader {
    /// Hands the heap's free pages back to the kernel (glibc `malloc_trim`). A load frees most of
    /// what it allocates (raw files, shadow texts, sorting copies), but glibc keeps freed memory in
    /// its arenas, one per loading thread, so without this RSS after a load or reload stays at
    /// the load's peak. Called after each load and after a reload's swap.
    public static func releaseFreedMemory() {
        #if canImport(Glibc)
        _ = malloc_trim(0)
        #endif
    }

    /// `compactingFrom`: a dataset of at least this many articles is compacted (see
    /// ``DatasetCompaction``). `cleanup` is given what is left to do once the dataset is
    /// returned (``Cleanup``): by default it runs at once, before this returns; the server's
    /// start-up keeps it and runs it once it is serving.
    public static func load(
        directory: String, strict: Bool, maxArticleBytes: Int = SeedLoader.defaultMaxArticleBytes,
        compactingFrom minimumArticles: Int = DatasetCompaction.minimumArticles,
        cleanup: (Cleanup) -> Void = { $0.run() }
    ) -> Result<Dataset, SeedLoadFailure> {
        let started = Metrics.now()
        do throws(SeedLoadFailure) {
            let (dataset, originals) = try loadCompacted(directory: directory, strict: strict, maxArticleBytes: maxArticleBytes,
                                                         minimumArticles: minimumArticles, started: started)
            // Consumed: a local kept here would hold the originals past a cleanup run inside this
            // call (a reload's), which then trimmed before they were freed.
            cleanup(Cleanup(originals: consume originals))
            return .success(dataset)
        } catch {
            return .failure(error)
        }
    }

    /// What a load leaves to free once its dataset is in use: a compacted load's originals (at
    /// 100,000 articles, 1.5-2 s of one thread with the trim after it), then the heap's free
    /// pages handed back (``releaseFreedMemory()``). ``run()`` does both, once. The table of
    /// copies is freed before this, in ``DatasetCompaction/compacted(_:started:)``.
    public final class Cleanup: Sendable {
        /// The load's own dataset, which the compacted copy replaced; nil once freed, or when the
        /// load was not compacted.
        let originals: Locked<Dataset?>
        private let finished = Atomic<Bool>(false)

        init(originals: Dataset?) {
            self.originals = Locked(originals)
        }

        /// Nothing to free but the heap's free pages.
        public convenience init() {
            self.init(originals: nil)
        }

        /// Whether ``run()`` has not finished: the memory is not yet what the dataset keeps.
        public var isPending: Bool { !finished.load(ordering: .acquiring) }

        public func run() {
            // Taken out under the lock, and freed here, outside it, before the trim.
            var taken = originals.withLock { held -> Dataset? in
                defer { held = nil }
                return held
            }
            let compacted = taken != nil
            taken = nil
            releaseFreedMemory()
            #if canImport(Glibc)
            // Back to the most glibc's own threshold reaches (twice its 32 MiB mmap ceiling), so
            // that frees while serving (a large uncached response) do not unmap and refault.
            if compacted { _ = accord_malloc_set_trim_threshold(64 << 20) }
            #endif
            finished.store(true, ordering: .releasing)
        }
    }

    /// The load, then its compacted copy, and what the copy leaves to free (the load's own
    /// dataset); nothing when the load was not compacted.
    private static func loadCompacted(
        directory: String, strict: Bool, maxArticleBytes: Int, minimumArticles: Int, started: Double
    ) throws(SeedLoadFailure) -> (Dataset, originals: Dataset?) {
        let result = try SeedLoader(directory: directory, strict: strict, maxArticleBytes: maxArticleBytes).load { articleFiles in
            // The compaction threads start before the load's pool threads do (see DatasetCompaction).
            if articleFiles >= minimumArticles { DatasetCompaction.shared.start() }
        }
        let loaded = Dataset(result: result, loadedAt: UTCTimestamp.now(), started: started)
        guard loaded.knowledgeBase.articles.count >= minimumArticles else { return (loaded, nil) }
        let compacted = DatasetCompaction.shared.compacted(loaded, started: started)
        #if canImport(Glibc)
        // The originals are freed by the cleanup, most of them into the load's pool-thread
        // arenas. Until it has trimmed, free() gives back an arena's top above 1 MiB: glibc's
        // own threshold had grown with the load's large blocks (up to 64 MiB an arena), and
        // malloc_trim trims only the main arena's top. Setting it ends glibc's adjustment of
        // both thresholds; the mmap one stays where the load left it.
        _ = accord_malloc_set_trim_threshold(1 << 20)
        #endif
        return (compacted, loaded)
    }
}
