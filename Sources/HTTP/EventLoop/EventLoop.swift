#if canImport(Glibc)
import CSystem
import Glibc
#endif
import Locking
import Synchronization

/// One thread running an epoll loop over its own listening socket and the connections it
/// accepted (redis `ae.c` style: a table of connections indexed by fd).
///
/// Thread contract: everything here is touched only on the loop's thread, except
/// ``execute(_:)`` and ``wake()``, which other threads use to hand it work.
final class EventLoop: @unchecked Sendable {
    // @unchecked Sendable: all mutable state is confined to the loop thread; `tasks` is Locked.
    let index: Int
    let server: ServerCore
    let epoll: Epoll
    var listener: ListeningSocket?
    var connections: [Connection?] = []
    var connectionCount = 0
    /// Connections that only wait for the peer's FIN; a drain does not wait for them.
    var lingeringCount = 0
    let tasks = Locked<[@Sendable (EventLoop) -> Void]>([])

    // Per-loop scratch state, reused for every request on this loop.
    let readBuffer: UnsafeMutableRawBufferPointer
    var headBuffer: [UInt8] = []
    var dateCache = DateCache()
    var logClock = LogClock()
    var requestIDs = RequestIDGenerator()
    var accessLogBuffer = AccessLogBuffer()

    var now: UInt64
    var nextSweep: UInt64 = 0
    var draining = false
    /// Shutting down soon: responses end their keep-alive connections (see
    /// ``HTTPServer/closeConnectionsAfterNextResponse()``).
    var lameDuck = false
    var drainDeadline: UInt64 = 0
    var stopped = false
    /// While accept fails for lack of descriptors, the listener is parked until this time.
    var acceptPausedUntil: UInt64 = 0
    /// A spare descriptor released on EMFILE so the pending connection can be answered and closed.
    var reserveFD: Int32 = -1
    /// Connections whose next request waits: for the server-wide unsent budget, or (heavy
    /// ones) for this loop's share of time for expensive work. First in, first out.
    var waiting: [Connection] = []
    var fairness = Fairness()

    static let readBufferSize = 64 * 1024
    init(index: Int, server: ServerCore, listener: ListeningSocket) throws(SystemError) {
        self.index = index
        self.server = server
        self.epoll = try Epoll()
        self.listener = listener
        self.now = server.clock.nanoseconds()
        self.readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.readBufferSize, alignment: 16)
        self.reserveFD = open("/dev/null", O_RDONLY | O_CLOEXEC)
        headBuffer.reserveCapacity(1024)
        try epoll.add(listener.fd, events: UInt32(EPOLLIN.rawValue))
    }

    deinit {
        readBuffer.deallocate()
    }

    /// Runs `task` on the loop thread soon.
    func execute(_ task: @escaping @Sendable (EventLoop) -> Void) {
        tasks.withLock { $0.append(task) }
        epoll.wake()
    }

    /// The loop body; returns when the loop has drained or been stopped.
    func run() {
        let capacity: Int32 = 256
        let events = UnsafeMutablePointer<epoll_event>.allocate(capacity: Int(capacity))
        defer {
            events.deallocate()
            closeAll()
            epoll.close()
            if reserveFD >= 0 { Syscall.close(reserveFD) }
        }
        dateCache.refresh()
        while !stopped {
            // Work that waits (for the loop's share or the unsent budget) is looked at again
            // when it may go; otherwise the next sweep sets the timeout.
            let timeout = !waiting.isEmpty ? waitingTimeout()
                : Int32(clamping: max(1, Int((nextSweep &- min(nextSweep, now)) / 1_000_000)))
            let count = epoll.wait(events, capacity: capacity, timeoutMilliseconds: nextSweep == 0 ? Int32(1) : timeout)
            now = server.clock.nanoseconds()
            dateCache.refresh()
            for slot in 0..<count {
                let event = events[slot]
                dispatch(fd: event.data.fd, events: event.events)
            }
            if !waiting.isEmpty { resumeWaiting() }
            if now >= nextSweep {
                sweep()
                nextSweep = now + server.sweepInterval
            }
            if draining && (connectionCount == lingeringCount || now >= drainDeadline) { stopped = true }
        }
        flushAccessLog()
    }

    func dispatch(fd: Int32, events: UInt32) {
        if fd == epoll.wakeFD {
            epoll.drainWake()
            let pending = tasks.withLock { queue in
                defer { queue = [] }
                return queue
            }
            for task in pending { task(self) }
        } else if let listener, fd == listener.fd {
            acceptConnections()
        } else if Int(fd) < connections.count, let connection = connections[Int(fd)] {
            if events & (UInt32(EPOLLIN.rawValue) | Epoll.hangup) != 0 { handleReadable(connection) }
            if events & Epoll.writable != 0, connections[Int(fd)] != nil { handleWritable(connection) }
        }
    }

    /// Deadlines, the parked listener, heap trimming, and the access-log batch.
    func sweep() {
        for case let connection? in connections where now >= connection.machine.deadline {
            perform(connection, connection.machine.timerFired(now: now))
        }
        if server.unsentBudgetSpent { evictStalledReaders() }
        if acceptPausedUntil != 0 && now >= acceptPausedUntil, let listener {
            acceptPausedUntil = 0
            try? epoll.add(listener.fd, events: UInt32(EPOLLIN.rawValue))
        }
        server.trimHeapIfQuiet()
        flushAccessLog()
    }

    /// Over the server-wide unsent budget every connection's parsing waits; so that the wait
    /// is short, clients whose output has not moved for a second are closed, as their write
    /// timeout would close them later.
    func evictStalledReaders() {
        for case let connection? in connections where connection.machine.outputStalled(now: now) >= Self.stallLimit {
            server.statistics.evictedSlowReaders.add(1, ordering: .relaxed)
            perform(connection, connection.machine.failed())
        }
    }

    static let stallLimit: UInt64 = 1_000_000_000

    func flushAccessLog() {
        guard accessLogBuffer.lines > 0, let log = server.accessLog else { return }
        let batch = accessLogBuffer.take()
        log.submit(batch.bytes, lines: batch.lines)
    }

    /// Stops accepting, closes idle connections, and lets busy ones finish their request.
    /// The connections already in the listener's queue are then accepted and served once (see
    /// ``admit(fd:peerAddress:port:)``): closing a listener resets every connection still queued
    /// on it, and those clients have usually sent their request already (a load balancer's last
    /// requests before it saw the replica go unready). Idle connections close first, so the
    /// queued ones find their slots under the connection caps.
    func beginDrain(deadline: UInt64) {
        guard !draining else { return }
        draining = true
        drainDeadline = deadline
        for case let connection? in connections {
            perform(connection, connection.machine.drainBegan(now: now))
        }
        acceptConnections(limit: Self.drainAcceptLimit)
        if let listener {
            epoll.remove(listener.fd)
            Syscall.close(listener.fd)
            self.listener = nil
        }
    }

    /// A second signal: the drain ends now, whatever is still in flight.
    func endDrain() {
        guard draining else { return }
        drainDeadline = now
    }

    /// At most this many queued connections are taken at the drain: the whole queue (the kernel
    /// holds `somaxconn` + 1, 4,097 by default; accept stops at the first EAGAIN).
    static let drainAcceptLimit = 65_536

    func closeAll() {
        for case let connection? in connections { close(connection) }
        if let listener {
            Syscall.close(listener.fd)
            self.listener = nil
        }
    }
}
