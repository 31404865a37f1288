import Synchronization

/// What every event loop of one server shares: configuration, responder, logs and counters.
/// Immutable after start except for the atomics.
final class ServerCore: Sendable {
    let configuration: ServerConfiguration
    let responder: any HTTPResponder
    let accessLog: AccessLog?
    /// Set when the server speaks HTTPS on its listeners.
    let tls: TLSContext?
    let forwarding: ForwardingPolicy
    let diagnostics: @Sendable (DiagnosticLevel, String) -> Void
    let statistics = ServerStatistics()
    let sweepInterval: UInt64
    let timeoutNanoseconds: TimeoutNanoseconds

    struct TimeoutNanoseconds: Sendable {
        let header, body, idle, write, handshake: UInt64
    }

    init(
        configuration: ServerConfiguration, responder: any HTTPResponder, accessLog: AccessLog?, tls: TLSContext?,
        diagnostics: @escaping @Sendable (DiagnosticLevel, String) -> Void
    ) {
        self.configuration = configuration
        self.tls = tls
        self.responder = responder
        self.accessLog = accessLog
        self.forwarding = ForwardingPolicy(trustedProxies: configuration.trustedProxies)
        self.diagnostics = diagnostics
        let timeouts = configuration.timeouts
        func nanos(_ seconds: Double) -> UInt64 { UInt64(max(0.001, seconds) * 1_000_000_000) }
        timeoutNanoseconds = TimeoutNanoseconds(
            header: nanos(timeouts.header), body: nanos(timeouts.body), idle: nanos(timeouts.idle),
            write: nanos(timeouts.write), handshake: nanos(timeouts.handshake)
        )
        // Check deadlines often enough that the shortest timeout is honoured within ~25%.
        let shortest = [timeoutNanoseconds.header, timeoutNanoseconds.body, timeoutNanoseconds.idle,
                        timeoutNanoseconds.write, timeoutNanoseconds.handshake].min() ?? 1_000_000_000
        sweepInterval = min(100_000_000, max(5_000_000, shortest / 4))
    }

    /// Counts a new connection; false when the server is at `maxConnections`.
    func admitConnection() -> Bool {
        let open = statistics.openConnections.add(1, ordering: .relaxed).newValue
        statistics.acceptedConnections.add(1, ordering: .relaxed)
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
    public init() {}
}
