/// One client connection: its socket, buffers and ``ConnectionStateMachine``. Owned and
/// touched only by its event loop's thread; the loop performs what the machine decides.
///
/// Invariants: `inbound` holds bytes of at most one partial request plus pipelined
/// requests not yet processed, and is empty (no capacity) while the connection is idle, so
/// an idle keep-alive connection costs only this object. `outbound` holds the unsent part
/// of at most one response (the machine parses nothing while output is pending).
final class Connection {
    let fd: Int32
    let peer: String
    let peerAddress: String
    var transport: Transport
    var parser: RequestParser
    var machine: ConnectionStateMachine
    var inbound: [UInt8] = []
    var outbound = OutboundQueue()
    var requestsServed = 0
    /// Counted against `maxConnections` (connections refused with 503 are not, and a
    /// lingering connection gives its slot back).
    var counted: Bool
    /// The client this connection is counted for in the per-client cap (nil: not counted).
    var clientKey: String?
    /// Bytes of `outbound` added to the server-wide unsent total.
    var accountedBytes = 0
    /// Bytes of `inbound` and of the parser's body so far added to the server-wide input total.
    var accountedInput = 0
    /// The last request took long to answer (a cache miss): its next one waits for the
    /// loop's share of time for expensive work (see ``EventLoop/Fairness``).
    var heavy = false
    /// Shut down on our side, awaiting the peer's FIN (counted in the loop's `lingeringCount`).
    var lingering = false
    /// Queued in the loop's list of connections waiting to parse.
    var queued = false
    /// The epoll interest currently registered, to avoid redundant epoll_ctl calls.
    var registeredEvents: UInt32

    init(
        fd: Int32, peer: String, peerAddress: String, limits: RequestParser.Limits,
        machine: ConnectionStateMachine, counted: Bool
    ) {
        self.fd = fd
        self.peer = peer
        self.peerAddress = peerAddress
        self.transport = Transport(fd: fd)
        self.parser = RequestParser(limits: limits)
        self.machine = machine
        self.counted = counted
        self.registeredEvents = Epoll.readable
    }

    /// The events this connection wants now.
    var desiredEvents: UInt32 {
        let interest = machine.interest
        var events: UInt32 = 0
        if interest.read { events |= Epoll.readable }
        if interest.write || transport.tls?.wantsWrite == true { events |= Epoll.writable }
        return events
    }
}
