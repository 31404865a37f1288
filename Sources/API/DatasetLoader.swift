#if canImport(Glibc)
import Glibc
import CSystem
#endif
import HTTP
import Store

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
    /// ``DatasetCompaction``).
    public static func load(
        directory: String, strict: Bool, maxArticleBytes: Int = SeedLoader.defaultMaxArticleBytes,
        compactingFrom minimumArticles: Int = DatasetCompaction.minimumArticles
    ) -> Result<Dataset, SeedLoadFailure> {
        let started = Metrics.now()
        do throws(SeedLoadFailure) {
            let dataset = try loadCompacted(directory: directory, strict: strict, maxArticleBytes: maxArticleBytes,
                                            minimumArticles: minimumArticles, started: started)
            releaseFreedMemory()
            #if canImport(Glibc)
            // Back to the most glibc's own threshold reaches (twice its 32 MiB mmap ceiling), so
            // that frees while serving (a large uncached response) do not unmap and refault.
            if dataset.isCompacted { _ = accord_malloc_set_trim_threshold(64 << 20) }
            #endif
            return .success(dataset)
        } catch {
            return .failure(error)
        }
    }

    /// The load, then its compacted copy. The load's own dataset is dropped when this returns,
    /// before the caller trims the heap.
    private static func loadCompacted(
        directory: String, strict: Bool, maxArticleBytes: Int, minimumArticles: Int, started: Double
    ) throws(SeedLoadFailure) -> Dataset {
        let result = try SeedLoader(directory: directory, strict: strict, maxArticleBytes: maxArticleBytes).load { articleFiles in
            // The compaction threads start before the load's pool threads do (see DatasetCompaction).
            if articleFiles >= minimumArticles { DatasetCompaction.shared.start() }
        }
        let loaded = Dataset(result: result, loadedAt: UTCTimestamp.now(), started: started)
        guard loaded.knowledgeBase.articles.count >= minimumArticles else { return loaded }
        let compacted = DatasetCompaction.shared.compacted(loaded, started: started)
        #if canImport(Glibc)
        // The originals are freed when this returns, most of them into the load's pool-thread
        // arenas. Until the caller has trimmed, free() gives back an arena's top above 1 MiB:
        // glibc's own threshold had grown with the load's large blocks (up to 64 MiB an arena),
        // and malloc_trim trims only the main arena's top. Setting it ends glibc's adjustment of
        // both thresholds; the mmap one stays where the load left it.
        _ = accord_malloc_set_trim_threshold(1 << 20)
        #endif
        return compacted
    }
}
