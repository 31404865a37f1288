#if canImport(Glibc)
import Glibc
#endif

extension EventLoop {
    /// Drives a TLS listener's connection until its handshake completes.
    ///
    /// The first byte decides: 0x16 is a TLS handshake record; anything else is a client
    /// speaking plain HTTP to the TLS port, which gets a plain-text 400 and a close.
    func continueHandshake(_ connection: Connection) {
        if connection.transport.tls == nil {
            var first: UInt8 = 0
            let peeked = recv(connection.fd, &first, 1, Int32(MSG_PEEK))
            if peeked < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) { return }
            guard peeked == 1 else {
                close(connection)
                return
            }
            guard first == 0x16 else {
                perform(connection, reject(connection, Problem(
                    status: .badRequest, title: "TLS required",
                    detail: "This port speaks HTTPS; the request arrived as plain HTTP."
                )))
                return
            }
            guard let context = server.tls.withLock({ $0 }), let session = context.session(fd: connection.fd) else {
                close(connection)
                return
            }
            connection.transport.tls = session
        }
        guard let session = connection.transport.tls else { return }
        switch session.handshake() {
        case .done:
            _ = connection.machine.handshakeCompleted(now: now)
            updateInterest(connection)
            // The first request may have arrived with the handshake's last flight, and
            // OpenSSL may already hold it decrypted, where epoll cannot see it.
            handleReadable(connection)
        case .wantRead, .wantWrite:
            updateInterest(connection)
        case .failed:
            close(connection)
        }
    }
}
