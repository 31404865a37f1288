#if canImport(Glibc)
import Glibc
import CSystem
#endif

extension EventLoop {
    /// Accepts every pending connection. Beyond `maxConnections` a connection is answered
    /// 503 and closed; on EMFILE the listener is parked briefly so the loop does not spin.
    func acceptConnections() {
        guard let listener else { return }
        var address = sockaddr_storage()
        // Bounded per wake-up so one busy listener cannot starve the connections.
        for _ in 0..<64 {
            let accepted: Int32?
            do {
                accepted = try Syscall.accept(listener.fd, address: &address)
            } catch {
                handleAcceptFailure(error, listener: listener)
                return
            }
            guard let fd = accepted else { return }
            let (ip, port) = withUnsafePointer(to: &address) { SocketAddress.describe($0) }
            let admitted = server.admitConnection()
            register(fd: fd, peerAddress: ip, port: port, counted: admitted)
            if admitted, server.tls != nil, let connection = connections[Int(fd)] {
                connection.phase = .handshake
            }
            if !admitted, let connection = connections[Int(fd)] {
                reject(connection, Problem(
                    status: .serviceUnavailable,
                    detail: "The server is at its connection limit; retry shortly.",
                    headers: ["Retry-After": "1"]
                ))
                finish(connection)
            }
        }
    }

    func register(fd: Int32, peerAddress: String, port: Int, counted: Bool) {
        let connection = Connection(
            fd: fd, peer: SocketAddress.join(peerAddress, port), peerAddress: peerAddress,
            limits: server.configuration.limits, now: now, counted: counted
        )
        if Int(fd) >= connections.count {
            connections.append(contentsOf: repeatElement(nil, count: max(Int(fd) + 1 - connections.count, connections.count)))
        }
        do {
            try epoll.add(fd, events: Epoll.readable)
        } catch {
            if counted { server.releaseConnection() }
            Syscall.close(fd)
            return
        }
        connections[Int(fd)] = connection
        connectionCount += 1
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
