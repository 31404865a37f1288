#if canImport(Glibc)
import Glibc
#endif
import HTTP
import Store

/// Loads a seeds directory into a ``Dataset`` (startup and SIGHUP reload).
public enum DatasetLoader {
    public static func load(
        directory: String, strict: Bool, maxArticleBytes: Int = SeedLoader.defaultMaxArticleBytes
    ) -> Result<Dataset, SeedLoadFailure> {
        let started = Metrics.now()
        do throws(SeedLoadFailure) {
            let result = try SeedLoader(directory: directory, strict: strict, maxArticleBytes: maxArticleBytes).load()
            let dataset = Dataset(result: result, loadedAt: UTCTimestamp.now(), started: started)
            return .success(dataset)
        } catch {
            return .failure(error)
        }
    }
}
