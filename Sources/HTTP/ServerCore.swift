import Locking
import Synchronization

/// What every event loop of one server shares: configuration, responder, logs and counters.
/// Immutable after start except for the atomics.
final class ServerCore: Sendable {
    let configuration: ServerConfiguration
    let responder: any HTTPResponder
    let accessLog: AccessLog?
    /// Set when the server speaks HTTPS; swapped by ``HTTPServer/reloadTLS(_:)`` (SIGHUP).
    let tls: Locked<TLSContext?>
    /// Whether the listeners speak HTTPS (fixed at start).
    let isSecure: Bool
    let forwarding: ForwardingPolicy
    let diagnostics: @Sendable (DiagnosticLevel, String) -> Void
    let statistics = ServerStatistics()
    let sweepInterval: UInt64
    /// The limits each connection's ``ConnectionStateMachine`` enforces.
    let machineTimeouts: ConnectionStateMachine.Timeouts
    /// Where deadlines read time (the system's monotonic clock, or a test's manual one).
    let clock: any MonotonicClock
    /// Open connections per client (see ``ClientKey``), for `maxConnectionsPerClient`.
    let clients = Locked<[String: Int]>([:])

    static let lingerNanoseconds: UInt64 = 2_000_000_000

    init(
        configuration: ServerConfiguration, responder: any HTTPResponder, accessLog: AccessLog?, tls: TLSContext?,
        clock: any MonotonicClock = SystemClock(),
        diagnostics: @escaping @Sendable (DiagnosticLevel, String) -> Void
    ) {
        self.configuration = configuration
        self.tls = Locked(tls)
        self.isSecure = tls != nil
        self.responder = responder
        self.accessLog = accessLog
        self.clock = clock
        self.forwarding = ForwardingPolicy(trustedProxies: configuration.trustedProxies, publicURL: configuration.publicURL)
        self.diagnostics = diagnostics
        let timeouts = configuration.timeouts
        func nanos(_ seconds: Double) -> UInt64 { UInt64(max(0.001, seconds) * 1_000_000_000) }
        machineTimeouts = ConnectionStateMachine.Timeouts(
            header: nanos(timeouts.header), body: nanos(timeouts.body), idle: nanos(timeouts.idle),
            write: nanos(timeouts.write), handshake: nanos(timeouts.handshake), linger: Self.lingerNanoseconds
        )
        // Check deadlines often enough that the shortest timeout is honoured within ~25%.
        let shortest = [machineTimeouts.header, machineTimeouts.body, machineTimeouts.idle,
                        machineTimeouts.write, machineTimeouts.handshake].min() ?? 1_000_000_000
        sweepInterval = min(100_000_000, max(5_000_000, shortest / 4))
    }

    /// Adds `delta` (negative when bytes left) to the server-wide unsent total.
    func noteUnsent(_ delta: Int) {
        let total = statistics.unsentBytes.add(delta, ordering: .relaxed).newValue
        if delta > 0 && total > statistics.unsentPeak.load(ordering: .relaxed) {
            statistics.unsentPeak.store(total, ordering: .relaxed)
        }
    }

    /// True while the unsent total is over `maxPendingWriteBytes`: a large response is refused
    /// (``EventLoop/overloadResponseBytes``) and stalled readers are closed.
    var unsentBudgetSpent: Bool {
        statistics.unsentBytes.load(ordering: .relaxed) > configuration.maxPendingWriteBytes
    }

    /// Adds `delta` (negative when bytes left) to the server-wide total of unfinished input.
    func noteInput(_ delta: Int) {
        statistics.heldInputBytes.add(delta, ordering: .relaxed)
    }

    /// True while the unfinished input held is over `maxPendingReadBytes`: a connection
    /// receiving a body is refused.
    var inputBudgetSpent: Bool {
        statistics.heldInputBytes.load(ordering: .relaxed) > configuration.maxPendingReadBytes
    }

    /// Counts a connection for `client`; false when that client is at `maxConnectionsPerClient`.
    func admitClient(_ key: String) -> Bool {
        let limit = configuration.maxConnectionsPerClient
        let admitted = clients.withLock { counts -> Bool in
            let open = counts[key, default: 0]
            guard open < limit else { return false }
            counts[key] = open + 1
            return true
        }
        if !admitted { statistics.refusedPerClient.add(1, ordering: .relaxed) }
        return admitted
    }

    func releaseClient(_ key: String) {
        clients.withLock { counts in
            let open = counts[key, default: 1] - 1
            counts[key] = open > 0 ? open : nil
        }
    }

    /// Returns freed response buffers to the system once a burst of unsent output is over
    /// (glibc keeps freed memory in its arenas otherwise, and RSS would stay at the peak).
    /// Also after a burst of connections has closed (their buffers were freed, not returned).
    func trimHeapIfQuiet() {
        guard statistics.unsentBytes.load(ordering: .relaxed) < 1 << 20 else { return }
        let peak = statistics.unsentPeak.load(ordering: .relaxed)
        if peak > 8 << 20, statistics.unsentPeak.compareExchange(expected: peak, desired: 0, ordering: .relaxed).exchanged {
            Syscall.trimHeap()
            return
        }
        let open = statistics.openConnections.load(ordering: .relaxed)
        let most = statistics.connectionPeak.load(ordering: .relaxed)
        if most - open >= 256, statistics.connectionPeak.compareExchange(expected: most, desired: open, ordering: .relaxed).exchanged {
            Syscall.trimHeap()
        }
    }

    /// Counts a new connection; false when the server is at `maxConnections`.
    func admitConnection() -> Bool {
        let open = statistics.openConnections.add(1, ordering: .relaxed).newValue
        statistics.acceptedConnections.add(1, ordering: .relaxed)
        if open > statistics.connectionPeak.load(ordering: .relaxed) {
            statistics.connectionPeak.store(open, ordering: .relaxed)
        }
        if open > configuration.maxConnections {
            statistics.openConnections.subtract(1, ordering: .relaxed)
            statistics.refusedConnections.add(1, ordering: .relaxed)
            return false
        }
        return true
    }

    func releaseConnection() {
        statistics.openConnections.subtract(1, ordering: .relaxed)
    }

    func noteDescriptorExhaustion() {
        let count = statistics.descriptorExhaustions.add(1, ordering: .relaxed).newValue
        // Logged on the first occurrence and then every 1000th, so a storm cannot flood stderr.
        if count == 1 || count % 1000 == 0 {
            diagnose(.warning, "out of file descriptors (\(count) times): pausing accept for 100 ms")
        }
    }

    func diagnose(_ level: DiagnosticLevel, _ message: String) {
        diagnostics(level, message)
    }
}

public enum DiagnosticLevel: Sendable {
    case debug, info, warning, error
}

/// Live counters of the engine, readable from any thread.
public final class ServerStatistics: Sendable {
    public let openConnections = Atomic<Int>(0)
    public let acceptedConnections = Atomic<Int>(0)
    public let refusedConnections = Atomic<Int>(0)
    public let descriptorExhaustions = Atomic<Int>(0)
    /// Connections refused because their client was at `maxConnectionsPerClient`.
    public let refusedPerClient = Atomic<Int>(0)
    /// Connections closed because their output stalled while the unsent budget was spent.
    public let evictedSlowReaders = Atomic<Int>(0)
    /// Response bytes queued on every connection and not yet taken by the kernel.
    public let unsentBytes = Atomic<Int>(0)
    /// Bytes of unfinished requests held on every connection (see `maxPendingReadBytes`).
    public let heldInputBytes = Atomic<Int>(0)
    /// Connections refused mid-body because `heldInputBytes` was over `maxPendingReadBytes`.
    public let refusedOverInputBudget = Atomic<Int>(0)
    /// Requests answered 503, not with their large response, because `unsentBytes` was over
    /// `maxPendingWriteBytes`.
    public let refusedOverUnsentBudget = Atomic<Int>(0)
    /// The most open connections since the heap was last trimmed.
    let connectionPeak = Atomic<Int>(0)
    /// The most `unsentBytes` reached since the heap was last trimmed.
    let unsentPeak = Atomic<Int>(0)
    public init() {}
}
