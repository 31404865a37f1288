#if canImport(Glibc)
import CSystem
import Glibc
#endif
import Dispatch
import Locking
import Synchronization

/// An HTTP/1.1 server: one event loop per thread, each with its own `SO_REUSEPORT` listener.
///
/// With a ``TLSContext`` every listener speaks HTTPS: handshakes run non-blocking on the same
/// loops, and a plain-HTTP request on the TLS port gets a plain 400 and a close.
///
/// Lifecycle: `init` → ``start()`` (binds, spawns the loops; throws if the address is
/// unusable) → ``shutdown()`` (graceful: stop accepting, close idle connections, finish
/// in-flight requests, give up after `drainSeconds`) → ``waitUntilStopped()``.
/// All methods may be called from any thread.
public final class HTTPServer: Sendable {
    let core: ServerCore
    let state = Locked(State())

    struct State {
        var loops: [EventLoop] = []
        var port = 0
        var started = false
        var draining = false
        var stopped: [DispatchSemaphore] = []
    }

    public init(
        configuration: ServerConfiguration,
        responder: any HTTPResponder,
        accessLog: AccessLog? = nil,
        tls: TLSContext? = nil,
        clock: any MonotonicClock = SystemClock(),
        diagnostics: @escaping @Sendable (DiagnosticLevel, String) -> Void = { _, _ in }
    ) {
        var configuration = configuration
        // Every connection needs a descriptor; keep some for lingering sockets, the
        // listeners, epoll, logs and the seeds, so the cap bites before EMFILE does.
        let descriptors = Syscall.raiseOpenFileLimit()
        let fitting = Self.connectionsFitting(descriptors: descriptors)
        if configuration.maxConnections > fitting {
            diagnostics(.warning, "maxConnections lowered from \(configuration.maxConnections) to \(fitting): "
                + "the open-file limit (RLIMIT_NOFILE) is \(descriptors), and \(descriptors - fitting) descriptors are kept in reserve")
            configuration.maxConnections = fitting
        }
        core = ServerCore(
            configuration: configuration, responder: responder,
            accessLog: configuration.accessLogEnabled ? accessLog : nil, tls: tls, clock: clock, diagnostics: diagnostics
        )
    }

    /// How many connections fit in `descriptors` open files, after a reserve of 64 (a quarter of a small limit) plus 1/16.
    static func connectionsFitting(descriptors: Int) -> Int {
        max(1, descriptors - min(64, descriptors / 4) - descriptors / 16)
    }

    /// The connection cap in force (the configured one, or lower to fit `RLIMIT_NOFILE`).
    public var maxConnections: Int { core.configuration.maxConnections }

    /// The bound port (useful with port 0).
    public var port: Int { state.withLock { $0.port } }

    /// Engine counters (open connections and so on).
    public var statistics: ServerStatistics { core.statistics }

    /// True once ``shutdown()`` has been called.

    public func start() throws(SystemError) {
        // Ignore SIGPIPE process-wide: a peer that vanishes mid-write gives EPIPE, not death.
        signal(SIGPIPE, SIG_IGN)
        let configuration = core.configuration
        var loops: [EventLoop] = []
        var port = configuration.port
        do throws(SystemError) {
            for index in 0..<max(1, configuration.threads) {
                let listener = try ListeningSocket.bind(host: configuration.host, port: port)
                port = listener.port
                loops.append(try EventLoop(index: index, server: core, listener: listener))
            }
        } catch {
            for loop in loops { loop.closeAll() }
            throw error
        }
        var semaphores: [DispatchSemaphore] = []
        for loop in loops {
            let done = DispatchSemaphore(value: 0)
            semaphores.append(done)
            try LoopThread.spawn(name: "accord-loop-\(loop.index)") {
                loop.run()
                done.signal()
            }
        }
        state.withLock {
            $0.loops = loops
            $0.port = port
            $0.started = true
            $0.stopped = semaphores
        }
    }

    /// The first step of a shutdown behind a load balancer: keep serving everything, but end
    /// each keep-alive connection after its next response (`Connection: close`), so that
    /// proxies' connection pools move to other replicas before this one stops accepting.
    public func closeConnectionsAfterNextResponse() {
        let loops = state.withLock { $0.loops }
        for loop in loops {
            loop.execute { $0.lameDuck = true }
        }
    }

    /// Swaps the TLS certificate and key for new connections (existing ones keep theirs).
    /// The new pair is validated first; on failure the old one stays and the error is thrown.
    /// Returns what the new pair should have fixed (``TLSContext/warnings``).
    @discardableResult
    public func reloadTLS(_ configuration: TLSConfiguration) throws(TLSContext.Failure) -> [String] {
        let context = try TLSContext(configuration: configuration)
        core.tls.withLock { $0 = context }
        return context.warnings
    }

    /// Begins a graceful shutdown; returns at once. Safe to call more than once.
    public func shutdown() {
        let loops: [EventLoop] = state.withLock { state in
            if state.draining { return [] }
            state.draining = true
            return state.loops
        }
        let deadline = core.clock.nanoseconds() + UInt64(max(0, core.configuration.drainSeconds) * 1_000_000_000)
        for loop in loops {
            loop.execute { $0.beginDrain(deadline: deadline) }
        }
    }

    /// Ends a drain that has begun at once (a second SIGTERM or SIGINT): connections still in
    /// flight are closed, and the loops exit. Does nothing before ``shutdown()``.
    public func shutdownNow() {
        let loops: [EventLoop] = state.withLock { $0.draining ? $0.loops : [] }
        for loop in loops {
            loop.execute { $0.endDrain() }
        }
    }

    /// Blocks until every loop has exited, then flushes the access log.
    public func waitUntilStopped() {
        let semaphores = state.withLock { $0.stopped }
        for semaphore in semaphores {
            semaphore.wait()
            semaphore.signal()
        }
        core.accessLog?.flush()
    }
}
