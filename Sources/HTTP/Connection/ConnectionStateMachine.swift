/// The life of one connection, as a pure state machine: it takes events (accepted, bytes
/// read, request parsed, response queued, write progress, timer fired, drain begun) and
/// returns the ``Action`` the event loop must perform. It does no I/O and reads no clock:
/// every event carries `now` (nanoseconds of a monotonic clock) from the loop's injected
/// ``MonotonicClock``, so every transition and timeout is testable without waiting.
///
/// In the style of Hummingbird's `HTTPConnectionStateHandler.StateMachine`. The loop owns
/// one per connection and touches it only on its own thread.
///
/// Invariants:
/// - exactly one timer is armed while the connection is open (``deadline``), and which one
///   is ``timer``: a connection can never sit without a deadline;
/// - no request is parsed while a response is waiting to be sent (`outputPending`), as in
///   nginx and h2o: a client that pipelines without reading holds at most one response;
/// - once `closing` is set no further request is parsed.
public struct ConnectionStateMachine: Sendable, Equatable {
    /// Nanosecond time limits; see ``ServerConfiguration/Timeouts``.
    public struct Timeouts: Sendable, Equatable {
        public var header: UInt64
        public var body: UInt64
        public var idle: UInt64
        public var write: UInt64
        public var handshake: UInt64
        public var linger: UInt64

        public init(header: UInt64, body: UInt64, idle: UInt64, write: UInt64, handshake: UInt64, linger: UInt64) {
            self.header = header
            self.body = body
            self.idle = idle
            self.write = write
            self.handshake = handshake
            self.linger = linger
        }
    }

    public enum State: Sendable, Equatable {
        /// A TLS connection before its handshake completes.
        case handshaking
        /// No byte of the next request yet. Before the first request the header clock runs
        /// from accept (a connection that sends nothing is a slowloris, not an idle client);
        /// after a response the idle clock runs.
        case waitingForRequest
        /// Part of a header section has arrived.
        case readingHead
        /// The header section is complete; the body is arriving.
        case readingBody
        /// Our side is shut down after the final response; input is discarded until the peer's FIN.
        case lingering
        case closed
    }

    /// Which limit the armed deadline enforces.
    public enum Timer: Sendable, Equatable {
        case handshake, header, body, idle, write, linger
    }

    /// What the loop must do next.
    public enum Action: Sendable, Equatable {
        /// Parse the buffered input and answer what is complete (feeding the outcomes back).
        case parse
        /// Answer the request just parsed, then report ``responseQueued(keepAlive:unsentBytes:now:)``.
        case respond
        /// Send `100 Continue` (RFC 9110 §10.1.1), then wait for the body.
        case sendContinue
        /// Answer 408 (the header or body did not arrive in time), then report the response.
        case rejectTimeout(Timer)
        /// Nothing to do until the next I/O event or the deadline: set epoll interest from ``interest``.
        case wait
        /// Read and drop input (lingering).
        case discardInput
        /// Shut down our side (SHUT_WR, TLS close_notify) and release the connection slot.
        case startLingering
        /// Close the socket now.
        case close
    }

    /// The epoll interest the connection needs now.
    public struct Interest: Sendable, Equatable {
        public var read: Bool
        public var write: Bool

        public init(read: Bool, write: Bool) {
            self.read = read
            self.write = write
        }
    }

    public private(set) var state: State
    public private(set) var timer: Timer
    public private(set) var deadline: UInt64
    let timeouts: Timeouts
    /// At least one request has been answered on this connection.
    private(set) var servedRequest = false
    /// Response bytes are waiting for the socket.
    private(set) var outputPending = false
    /// No further request will be read: the last response closes the connection.
    private(set) var closing = false
    /// The peer sent its FIN.
    private(set) var peerClosed = false
    /// Parsing waits for the loop's share for expensive requests.
    private(set) var waitingForBudget = false
    /// Bytes of a request arrived and wait, unparsed, with the connection: the server holds
    /// them, so no header, body or idle deadline may close it silently meanwhile.
    private var heldWhileWaiting = false
    private(set) var continueSent = false
    private(set) var draining = false

    /// A new connection: the handshake clock (TLS) or the header clock starts now.
    public init(now: UInt64, tls: Bool, timeouts: Timeouts) {
        self.timeouts = timeouts
        if tls {
            state = .handshaking
            timer = .handshake
            deadline = now &+ timeouts.handshake
        } else {
            state = .waitingForRequest
            timer = .header
            deadline = now &+ timeouts.header
        }
    }

    // MARK: queries

    public var interest: Interest {
        switch state {
        case .closed:
            return Interest(read: false, write: false)
        case .lingering:
            return Interest(read: true, write: false)
        case .handshaking:
            return Interest(read: true, write: false)
        default:
            let read = !peerClosed && !outputPending && !waitingForBudget && !closing
            return Interest(read: read, write: outputPending)
        }
    }

    /// May the loop parse (and answer) another request now?
    public var mayParse: Bool {
        switch state {
        case .waitingForRequest, .readingHead, .readingBody:
            return !outputPending && !closing && !waitingForBudget
        default:
            return false
        }
    }

    /// Nothing received of a next request and nothing left to send (a drain closes it at once).
    public var isIdle: Bool {
        state == .waitingForRequest && !outputPending && servedRequest
    }

    /// How long queued output has waited without the kernel taking a byte (0 if none waits).
    public func outputStalled(now: UInt64) -> UInt64 {
        guard outputPending, timer == .write else { return 0 }
        let since = deadline &- timeouts.write
        return now > since ? now - since : 0
    }

    /// Input is thrown away: no further request will be parsed on this connection.
    public var discardsInput: Bool {
        switch state {
        case .closed, .lingering: return true
        default: return closing
        }
    }

    /// Whether the response to the request being answered may keep the connection open.
    public func keepAlive(requested: Bool) -> Bool {
        requested && !draining && !closing
    }

    // MARK: events

    public mutating func handshakeCompleted(now: UInt64) -> Action {
        guard state == .handshaking else { return .wait }
        state = .waitingForRequest
        arm(.header, now: now)
        // The first request may have arrived with the handshake's last flight.
        return .parse
    }

    public enum ReadOutcome: Sendable, Equatable {
        case bytes
        case endOfInput
        case failed
    }

    public mutating func readCompleted(_ outcome: ReadOutcome, now: UInt64) -> Action {
        switch (state, outcome) {
        case (.closed, _):
            return .close
        case (_, .failed):
            return enterClosed()
        case (.lingering, .bytes):
            return .discardInput
        case (.lingering, .endOfInput):
            return enterClosed()
        case (_, .endOfInput):
            // The peer finished sending: what is already answered still goes out, then close.
            peerClosed = true
            closing = true
            return outputPending ? .wait : enterClosed()
        case (_, .bytes):
            return mayParse ? .parse : .wait
        }
    }

    public enum ParseOutcome: Sendable, Equatable {
        /// A complete request was framed.
        case request
        /// The parser needs more bytes. `atRequestStart`: nothing of a next request is buffered.
        case needMoreData(atRequestStart: Bool, awaitingBody: Bool, expectsContinue: Bool)
        /// The bytes cannot be a valid request: the loop answers the error (with `keepAlive: false`).
        case invalid
    }

    public mutating func parsed(_ outcome: ParseOutcome, now: UInt64) -> Action {
        guard mayParse else { return .wait }
        switch outcome {
        case .request:
            continueSent = false
            return .respond
        case .invalid:
            closing = true
            return .respond
        case .needMoreData(let atRequestStart, let awaitingBody, let expectsContinue):
            if awaitingBody {
                if state != .readingBody {
                    state = .readingBody
                    arm(.body, now: now)
                }
                if expectsContinue && !continueSent {
                    continueSent = true
                    return .sendContinue
                }
            } else if atRequestStart {
                if state != .waitingForRequest { state = .waitingForRequest }
                if draining && servedRequest { return enterClosed() }
            } else if state != .readingHead {
                // The header clock starts at a request's first byte; for the very first
                // request it has been running since accept and is not restarted.
                let firstRequest = !servedRequest && state == .waitingForRequest && timer == .header
                state = .readingHead
                if !firstRequest { arm(.header, now: now) }
            }
            return .wait
        }
    }

    /// The response was serialised and handed to the socket; `unsentBytes` is all the
    /// connection's output the kernel has not taken yet.
    public mutating func responseQueued(keepAlive: Bool, unsentBytes: Int, now: UInt64) -> Action {
        guard state != .closed else { return .close }
        servedRequest = true
        if !keepAlive { closing = true }
        // The next request (if any is buffered) starts from nothing.
        state = .waitingForRequest
        if unsentBytes > 0 {
            if !outputPending { arm(.write, now: now) }
            outputPending = true
            return .wait
        }
        outputPending = false
        return outputDrained(now: now)
    }

    /// Some or all queued output was written (`progressed`: the kernel took bytes).
    public mutating func wrote(progressed: Bool, unsentBytes: Int, now: UInt64) -> Action {
        guard outputPending else { return .wait }
        if unsentBytes > 0 {
            if progressed { arm(.write, now: now) }
            return .wait
        }
        outputPending = false
        return outputDrained(now: now)
    }

    /// The socket failed (reset, EPIPE).
    public mutating func failed() -> Action {
        enterClosed()
    }

    /// The deadline passed (the loop calls this when `now >= deadline`).
    public mutating func timerFired(now: UInt64) -> Action {
        guard state != .closed, now >= deadline else { return .wait }
        // The request is here and the server made it wait: its client is not late.
        if heldWhileWaiting, [.header, .body, .idle].contains(timer) {
            arm(timer, now: now)
            return .wait
        }
        switch timer {
        case .handshake, .idle, .write, .linger:
            return enterClosed()
        case .header, .body:
            // Nothing of a request arrived (a silent new connection, or a keep-alive one
            // whose idle period ran into the header clock): close without an answer.
            if state == .waitingForRequest {
                return enterClosed()
            }
            // 408 tells a slow client why; it is the last response on this connection.
            closing = true
            let which = timer
            return .rejectTimeout(which)
        }
    }

    /// A graceful shutdown began: idle keep-alive connections close now (their clients retry
    /// elsewhere, as they must for any keep-alive close); busy ones, and new ones that have not
    /// sent their first request yet, are served once and closed. A new one gets at most
    /// ``firstRequestGraceAtDrain`` for its request (one taken from the listener's queue at the
    /// drain has almost always sent it already): a silent one must not hold the shutdown until
    /// its header deadline.
    public mutating func drainBegan(now: UInt64) -> Action {
        draining = true
        if state == .closed { return .close }
        if state == .lingering { return .wait }
        if isIdle { return enterClosed() }
        if state == .waitingForRequest, !servedRequest, timer == .header {
            deadline = min(deadline, now &+ Self.firstRequestGraceAtDrain)
        }
        return .wait
    }

    /// How long a new connection's first request may still take once a drain has begun.
    public static let firstRequestGraceAtDrain: UInt64 = 1_000_000_000

    /// The loop's share for expensive requests is spent: stop parsing until it refills.
    /// `holdsInput`: bytes of a request are buffered and wait with it.
    public mutating func budgetExhausted(holdsInput: Bool) -> Action {
        guard mayParse else { return .wait }
        waitingForBudget = true
        heldWhileWaiting = holdsInput
        return .wait
    }

    /// The budget has room again.
    public mutating func budgetAvailable(now: UInt64) -> Action {
        guard waitingForBudget else { return .wait }
        waitingForBudget = false
        heldWhileWaiting = false
        return mayParse ? .parse : .wait
    }

    /// The loop performed ``Action/startLingering``.
    public mutating func lingeringStarted(now: UInt64) {
        state = .lingering
        arm(.linger, now: now)
    }

    // MARK: helpers

    private mutating func outputDrained(now: UInt64) -> Action {
        if closing {
            return peerClosed ? enterClosed() : .startLingering
        }
        if draining { return enterClosed() }
        // The idle period starts when the last response has left, not when it was queued.
        arm(.idle, now: now)
        return .parse
    }

    private mutating func enterClosed() -> Action {
        state = .closed
        outputPending = false
        return .close
    }

    private mutating func arm(_ timer: Timer, now: UInt64) {
        self.timer = timer
        deadline = now &+ duration(of: timer)
    }

    private func duration(of timer: Timer) -> UInt64 {
        switch timer {
        case .handshake: return timeouts.handshake
        case .header: return timeouts.header
        case .body: return timeouts.body
        case .idle: return timeouts.idle
        case .write: return timeouts.write
        case .linger: return timeouts.linger
        }
    }
}
