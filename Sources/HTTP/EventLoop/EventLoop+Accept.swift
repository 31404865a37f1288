#if canImport(Glibc)
import Glibc
import CSystem
#endif

extension EventLoop {
    /// Accepts pending connections, at most `limit` (per wake-up 64, so one busy listener
    /// cannot starve the connections). Beyond `maxConnections` a connection is answered 503 and
    /// closed; on EMFILE the listener is parked briefly so the loop does not spin.
    func acceptConnections(limit: Int = 64) {
        guard let listener else { return }
        var address = sockaddr_storage()
        for _ in 0..<limit {
            let accepted: Int32?
            do {
                accepted = try Syscall.accept(listener.fd, address: &address)
            } catch {
                handleAcceptFailure(error, listener: listener)
                return
            }
            guard let fd = accepted else { return }
            let (ip, port) = withUnsafePointer(to: &address) { SocketAddress.describe($0) }
            admit(fd: fd, peerAddress: ip, port: port)
        }
    }

    /// Registers an accepted socket, or answers it 503 (at `maxConnections`, or its client at
    /// `maxConnectionsPerClient`) and lets it linger closed.
    func admit(fd: Int32, peerAddress: String, port: Int) {
        let admitted = server.admitConnection()
        // A trusted proxy's connections are counted per client at their first request.
        var clientKey: String?
        var refusal: String?
        if !admitted {
            refusal = "The server is at its connection limit; retry shortly."
        } else if !server.forwarding.isTrusted(peerAddress) {
            let key = ClientKey.of(peerAddress)
            if server.admitClient(key) {
                clientKey = key
            } else {
                refusal = "Too many connections from your address; retry shortly."
            }
        }
        let tls = refusal == nil && server.isSecure
        guard let connection = register(fd: fd, peerAddress: peerAddress, port: port, counted: admitted, tls: tls) else {
            if let clientKey { server.releaseClient(clientKey) }
            return
        }
        connection.clientKey = clientKey
        if let refusal {
            perform(connection, reject(connection, Problem(
                status: .serviceUnavailable, detail: refusal, headers: ["Retry-After": "1"]
            )))
        } else if draining {
            // Taken from the listener's queue at the drain: served once, then closed.
            perform(connection, connection.machine.drainBegan(now: now))
        }
    }

    /// Counts a trusted proxy's connection for the client of its first request; returns the
    /// 503 to send instead of an answer when that client is at its cap.
    func admitForwardedClient(_ connection: Connection, _ clientAddress: String) -> Problem? {
        guard connection.requestsServed == 1, connection.clientKey == nil, connection.counted,
              server.forwarding.isTrusted(connection.peerAddress) else { return nil }
        let key = ClientKey.of(clientAddress)
        guard server.admitClient(key) else {
            return Problem(
                status: .serviceUnavailable, detail: "Too many connections from your address; retry shortly.",
                headers: ["Retry-After": "1", "Connection": "close"]
            )
        }
        connection.clientKey = key
        return nil
    }

    func register(fd: Int32, peerAddress: String, port: Int, counted: Bool, tls: Bool) -> Connection? {
        let connection = Connection(
            fd: fd, peer: SocketAddress.join(peerAddress, port), peerAddress: peerAddress,
            limits: server.configuration.limits,
            machine: ConnectionStateMachine(now: now, tls: tls, timeouts: server.machineTimeouts), counted: counted
        )
        if Int(fd) >= connections.count {
            connections.append(contentsOf: repeatElement(nil, count: max(Int(fd) + 1 - connections.count, connections.count)))
        }
        do {
            try epoll.add(fd, events: Epoll.readable)
        } catch {
            if counted { server.releaseConnection() }
            Syscall.close(fd)
            return nil
        }
        connections[Int(fd)] = connection
        connectionCount += 1
        return connection
    }

    func handleAcceptFailure(_ error: SystemError, listener: ListeningSocket) {
        guard error.code == EMFILE || error.code == ENFILE else {
            server.diagnose(.warning, "accept failed: \(error)")
            return
        }
        // Free the reserve descriptor, take the pending connection, tell it we are full, close it.
        if reserveFD >= 0 {
            Syscall.close(reserveFD)
            reserveFD = -1
            var address = sockaddr_storage()
            if let fd = try? Syscall.accept(listener.fd, address: &address) {
                let reply = Problem(status: .serviceUnavailable, detail: "The server is out of file descriptors.").response()
                headBuffer.removeAll(keepingCapacity: true)
                ResponseHead.write(reply, contentLength: reply.body.count, keepAlive: false, version: .http11,
                                   requestID: requestIDs.next(), date: dateCache.headerLine, into: &headBuffer)
                headBuffer.append(contentsOf: reply.body)
                _ = headBuffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
                Syscall.close(fd)
            }
            reserveFD = open("/dev/null", O_RDONLY | O_CLOEXEC)
        }
        // Park the listener: level-triggered epoll would otherwise report it again at once.
        epoll.remove(listener.fd)
        acceptPausedUntil = now + 100_000_000
        server.noteDescriptorExhaustion()
    }
}
