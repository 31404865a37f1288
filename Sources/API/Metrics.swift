#if canImport(Glibc)
import Glibc
#endif
import HTTP
import Locking
import Synchronization

/// Request counters and a latency histogram, rendered in the Prometheus text format.
///
/// Requests are counted by route template (not raw path, so cardinality stays bounded) and
/// status. Safe to call from every loop: one short critical section per request.
public final class Metrics: Sendable {
    static let bounds: [Double] = [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05, 0.1, 0.5, 1]

    /// Counter key: the template string is shared storage, so building a key allocates nothing.
    struct RouteKey: Hashable {
        let route: String
        let method: HTTPMethod
        let status: Int

        /// Hashed by the template's length, not its text: there are a few dozen keys, `==` tells
        /// them apart, and hashing the text was a measurable part of every request.
        func hash(into hasher: inout Hasher) {
            hasher.combine(route.utf8.count)
            hasher.combine(method.ordinal)
            hasher.combine(status)
        }
    }

    struct State {
        var requests: [RouteKey: Int] = [:]
        /// Requests the engine refused before routing, by status.
        var rejected: [Int: Int] = [:]
        var buckets = [Int](repeating: 0, count: Metrics.bounds.count + 1)
        var latencySum = 0.0
        var latencyCount = 0
        var responseBytes = 0
        var reloads = 0
        var reloadFailures = 0
        var reloadDroppedArticles = 0
        var tlsReloads = 0
        var tlsReloadFailures = 0
    }

    let state = Locked(State())
    /// Engine counters (open connections ...), attached once the server starts.
    let engine = Locked<ServerStatistics?>(nil)
    let accessLog = Locked<AccessLog?>(nil)
    /// The start-up load's cleanup, run once the server is serving (see ``DatasetLoader/Cleanup``).
    let cleanup = Locked<DatasetLoader.Cleanup?>(nil)

    public init() {}

    /// Reports whether `cleanup` has run (`accord_load_cleanup_pending`): until then the memory
    /// is not yet what the dataset keeps.
    public func attach(cleanup: DatasetLoader.Cleanup) {
        self.cleanup.withLock { $0 = cleanup }
    }

    public func attach(_ statistics: ServerStatistics, accessLog: AccessLog? = nil) {
        engine.withLock { $0 = statistics }
        self.accessLog.withLock { $0 = accessLog }
    }

    /// A reload: whether it was accepted, and how many articles the previous dataset served that it lacks.
    public func recordReload(success: Bool, droppedArticles: Int = 0) {
        state.withLock {
            success ? ($0.reloads += 1) : ($0.reloadFailures += 1)
            $0.reloadDroppedArticles += droppedArticles
        }
    }

    /// A certificate and key reload on SIGHUP: accepted, or rejected (the old pair stays).
    public func recordTLSReload(success: Bool) {
        state.withLock { success ? ($0.tlsReloads += 1) : ($0.tlsReloadFailures += 1) }
    }

    func record(route: String?, method: HTTPMethod, response: HTTPResponse, seconds: Double) {
        let key = RouteKey(route: route ?? "unmatched", method: method, status: response.status.code)
        let bucket = Self.bounds.firstIndex { seconds <= $0 } ?? Self.bounds.count
        state.withLock { state in
            state.requests[key, default: 0] += 1
            state.buckets[bucket] += 1
            state.latencySum += seconds
            state.latencyCount += 1
            state.responseBytes += response.body.count
        }
    }

    func recordRejection(status: HTTPStatus) {
        state.withLock { $0.rejected[status.code, default: 0] += 1 }
    }

    func render(dataset: Dataset) -> String {
        let snapshot = state.withLock { $0 }
        var out = "# HELP accord_requests_total Requests answered, by route template, method and status.\n"
        out += "# TYPE accord_requests_total counter\n"
        let ordered = snapshot.requests.sorted {
            ($0.key.route, $0.key.method.rawValue, $0.key.status) < ($1.key.route, $1.key.method.rawValue, $1.key.status)
        }
        for (key, count) in ordered {
            out += "accord_requests_total{route=\"\(key.route)\",method=\"\(key.method.rawValue)\",status=\"\(key.status)\"} \(count)\n"
        }
        out += "# HELP accord_requests_rejected_total Requests the server refused before routing (malformed, too large, timed out), by status.\n"
        out += "# TYPE accord_requests_rejected_total counter\n"
        for (status, count) in snapshot.rejected.sorted(by: { $0.key < $1.key }) {
            out += "accord_requests_rejected_total{status=\"\(status)\"} \(count)\n"
        }
        out += "# HELP accord_request_duration_seconds Time to produce a response (handler).\n"
        out += "# TYPE accord_request_duration_seconds histogram\n"
        var cumulative = 0
        for (index, bound) in Self.bounds.enumerated() {
            cumulative += snapshot.buckets[index]
            out += "accord_request_duration_seconds_bucket{le=\"\(bound)\"} \(cumulative)\n"
        }
        cumulative += snapshot.buckets[Self.bounds.count]
        out += "accord_request_duration_seconds_bucket{le=\"+Inf\"} \(cumulative)\n"
        out += "accord_request_duration_seconds_sum \(snapshot.latencySum)\n"
        out += "accord_request_duration_seconds_count \(snapshot.latencyCount)\n"
        out += "# HELP accord_response_body_bytes_total Response body bytes produced.\n# TYPE accord_response_body_bytes_total counter\n"
        out += "accord_response_body_bytes_total \(snapshot.responseBytes)\n"
        if let engine = engine.withLock({ $0 }) {
            out += "# HELP accord_open_connections Open client connections.\n# TYPE accord_open_connections gauge\n"
            out += "accord_open_connections \(engine.openConnections.load(ordering: .relaxed))\n"
            out += "# HELP accord_connections_accepted_total Connections accepted.\n# TYPE accord_connections_accepted_total counter\n"
            out += "accord_connections_accepted_total \(engine.acceptedConnections.load(ordering: .relaxed))\n"
            out += "# HELP accord_connections_refused_total Connections refused at the connection limit.\n# TYPE accord_connections_refused_total counter\n"
            out += "accord_connections_refused_total \(engine.refusedConnections.load(ordering: .relaxed))\n"
            out += "# HELP accord_connections_refused_per_client_total Connections refused at maxConnectionsPerClient.\n"
            out += "# TYPE accord_connections_refused_per_client_total counter\n"
            out += "accord_connections_refused_per_client_total \(engine.refusedPerClient.load(ordering: .relaxed))\n"
            out += "# HELP accord_unsent_bytes Response bytes waiting for slow clients.\n# TYPE accord_unsent_bytes gauge\n"
            out += "accord_unsent_bytes \(engine.unsentBytes.load(ordering: .relaxed))\n"
            out += "# HELP accord_slow_readers_evicted_total Connections closed because their output stalled over the unsent budget.\n"
            out += "# TYPE accord_slow_readers_evicted_total counter\n"
            out += "accord_slow_readers_evicted_total \(engine.evictedSlowReaders.load(ordering: .relaxed))\n"
            out += "# HELP accord_responses_refused_over_unsent_budget_total Large responses answered 503 because unsent bytes were over maxPendingWriteBytes.\n"
            out += "# TYPE accord_responses_refused_over_unsent_budget_total counter\n"
            out += "accord_responses_refused_over_unsent_budget_total \(engine.refusedOverUnsentBudget.load(ordering: .relaxed))\n"
            out += "# HELP accord_unfinished_request_bytes Bytes of requests still arriving (heads and bodies so far).\n"
            out += "# TYPE accord_unfinished_request_bytes gauge\n"
            out += "accord_unfinished_request_bytes \(engine.heldInputBytes.load(ordering: .relaxed))\n"
            out += "# HELP accord_bodies_refused_total Requests refused mid-body because unfinished requests were over maxPendingReadBytes.\n"
            out += "# TYPE accord_bodies_refused_total counter\n"
            out += "accord_bodies_refused_total \(engine.refusedOverInputBudget.load(ordering: .relaxed))\n"
        }
        let accessDropped = accessLog.withLock { $0?.dropped } ?? StandardStreams.dropped(.access)
        out += "# HELP accord_log_dropped_lines_total Log lines dropped because the reader of stdout or stderr did not keep up.\n"
        out += "# TYPE accord_log_dropped_lines_total counter\n"
        out += "accord_log_dropped_lines_total{stream=\"access\"} \(accessDropped)\n"
        out += "accord_log_dropped_lines_total{stream=\"diagnostics\"} \(StandardStreams.dropped(.diagnostics))\n"
        out += "# HELP accord_dataset_info The loaded dataset.\n# TYPE accord_dataset_info gauge\n"
        out += "accord_dataset_info{version=\"\(dataset.version)\",loaded_at=\"\(dataset.loadedAt)\"} 1\n"
        out += "# HELP accord_dataset_load_seconds Time the last successful load took.\n# TYPE accord_dataset_load_seconds gauge\n"
        out += "accord_dataset_load_seconds \(dataset.loadMilliseconds / 1000)\n"
        out += "# HELP accord_reloads_total Successful reloads.\n# TYPE accord_reloads_total counter\n"
        out += "accord_reloads_total \(snapshot.reloads)\n"
        out += "# HELP accord_reload_failures_total Reloads rejected because the new seeds had errors.\n# TYPE accord_reload_failures_total counter\n"
        out += "accord_reload_failures_total \(snapshot.reloadFailures)\n"
        out += "# HELP accord_reload_dropped_articles_total Articles a reload lost that the previous dataset served.\n"
        out += "# TYPE accord_reload_dropped_articles_total counter\n"
        out += "accord_reload_dropped_articles_total \(snapshot.reloadDroppedArticles)\n"
        out += "# HELP accord_tls_reloads_total Certificate and key reloads on SIGHUP, by result.\n"
        out += "# TYPE accord_tls_reloads_total counter\n"
        out += "accord_tls_reloads_total{result=\"success\"} \(snapshot.tlsReloads)\n"
        out += "accord_tls_reloads_total{result=\"failure\"} \(snapshot.tlsReloadFailures)\n"
        let pending = cleanup.withLock { $0?.isPending ?? false }
        out += "# HELP accord_load_cleanup_pending 1 while the start-up load's originals are still being freed (after it serves).\n"
        out += "# TYPE accord_load_cleanup_pending gauge\n"
        out += "accord_load_cleanup_pending \(pending ? 1 : 0)\n"
        return out
    }

    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
