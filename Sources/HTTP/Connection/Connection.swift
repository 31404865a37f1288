/// One client connection's state. Owned and touched only by its event loop's thread.
///
/// Invariants: `inbound` holds bytes of at most one partial request plus pipelined
/// requests not yet processed, and is empty (no capacity) while the connection is idle, so
/// an idle keep-alive connection costs only this object. `outbound` holds response bytes
/// the kernel has not taken yet.
final class Connection {
    enum Phase {
        /// Between requests (keep-alive): the idle timeout applies.
        case idle
        /// Receiving a header section: the header timeout applies (slowloris).
        case head
        /// Receiving a body: the body timeout applies.
        case body
        /// Output shut down after a final response; discarding input until the peer closes.
        case lingering
        /// A TLS listener's connection before its handshake completes: the handshake timeout applies.
        case handshake
    }

    let fd: Int32
    let peer: String
    let peerAddress: String
    var transport: Transport
    var parser: RequestParser
    var inbound: [UInt8] = []
    var outbound = OutboundQueue()
    var phase = Phase.idle
    var phaseStarted: UInt64
    var lastWriteProgress: UInt64
    var requestsServed = 0
    /// Close (lingering) once `outbound` drains; no further request is read.
    var closeWhenDone = false
    /// The peer closed its side or an I/O error occurred: close as soon as possible.
    var broken = false
    var continueSent = false
    var readsPaused = false
    var peerClosed = false
    /// Counted against `maxConnections` (connections refused with 503 are not, and a
    /// lingering connection gives its slot back).
    var counted: Bool
    /// The epoll interest currently registered, to avoid redundant epoll_ctl calls.
    var registeredEvents: UInt32

    init(fd: Int32, peer: String, peerAddress: String, limits: RequestParser.Limits, now: UInt64, counted: Bool) {
        self.fd = fd
        self.peer = peer
        self.peerAddress = peerAddress
        self.transport = Transport(fd: fd)
        self.parser = RequestParser(limits: limits)
        self.phaseStarted = now
        self.lastWriteProgress = now
        self.counted = counted
        self.registeredEvents = Epoll.readable
    }

    /// The events this connection wants now.
    var desiredEvents: UInt32 {
        var events: UInt32 = 0
        if !readsPaused && !peerClosed { events |= Epoll.readable }
        if !outbound.isEmpty || transport.tls?.wantsWrite == true { events |= Epoll.writable }
        return events
    }

    /// Idle: nothing received of a next request and nothing left to send.
    var isIdle: Bool { phase == .idle && inbound.isEmpty && outbound.isEmpty }
}
