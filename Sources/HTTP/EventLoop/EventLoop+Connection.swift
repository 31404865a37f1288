#if canImport(Glibc)
import Glibc
import CSystem
#endif

extension EventLoop {
    // MARK: reading

    func handleReadable(_ connection: Connection) {
        if connection.phase == .lingering {
            discardInput(connection)
            return
        }
        if connection.phase == .handshake {
            continueHandshake(connection)
            return
        }
        readOnce(connection)
        // OpenSSL may hold decrypted bytes that epoll cannot report: drain them now.
        while let tls = connection.transport.tls, tls.hasBufferedInput, connections[Int(connection.fd)] === connection,
              !connection.readsPaused, !connection.closeWhenDone {
            readOnce(connection)
        }
    }

    func readOnce(_ connection: Connection) {
        let result: IOResult
        do {
            result = try connection.transport.receive(into: readBuffer)
        } catch {
            close(connection)
            return
        }
        switch result {
        case .wouldBlock:
            return
        case .processed(0):
            // The peer finished sending. Answer what is complete, then close.
            connection.peerClosed = true
            if connection.outbound.isEmpty {
                close(connection)
            } else {
                connection.closeWhenDone = true
                updateInterest(connection)
            }
        case .processed(let count):
            process(connection, UnsafeRawBufferPointer(rebasing: readBuffer[0..<count]))
        }
    }

    /// Feeds new bytes to the parser and answers every complete request, in order.
    func process(_ connection: Connection, _ bytes: UnsafeRawBufferPointer) {
        if connection.inbound.isEmpty {
            let consumed = answerRequests(connection, bytes)
            if consumed < bytes.count && !connection.closeWhenDone {
                connection.inbound.append(contentsOf: bytes[consumed...])
            }
        } else {
            connection.inbound.append(contentsOf: bytes)
            let consumed = connection.inbound.withUnsafeBytes { answerRequests(connection, $0) }
            if connection.closeWhenDone || consumed >= connection.inbound.count {
                connection.inbound = []
            } else if consumed > 0 {
                connection.inbound.removeFirst(consumed)
            }
        }
        afterProcessing(connection)
    }

    /// Parses and answers requests from `buffer`; returns how many bytes were used.
    /// Must not touch `connection.inbound` (the caller may be reading it).
    func answerRequests(_ connection: Connection, _ buffer: UnsafeRawBufferPointer) -> Int {
        var offset = 0
        while !connection.closeWhenDone && !connection.broken {
            if connection.outbound.pendingBytes > server.configuration.maxPendingWriteBytes {
                // Backpressure: the client is not reading; stop until it does.
                connection.readsPaused = true
                break
            }
            switch connection.parser.parse(UnsafeRawBufferPointer(rebasing: buffer[offset...])) {
            case .complete(let request, let consumed):
                offset += consumed
                connection.continueSent = false
                answer(connection, request)
            case .needMoreData:
                if connection.parser.isAwaitingBody && connection.parser.expectsContinue && !connection.continueSent {
                    connection.continueSent = true
                    connection.outbound.append(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
                    flush(connection)
                }
                return offset
            case .invalid(let error):
                reject(connection, Problem(status: error.status, detail: error.detail))
                return buffer.count
            }
        }
        return offset
    }

    /// Sets the timeout phase from what the parser holds, and closes or re-arms epoll.
    func afterProcessing(_ connection: Connection) {
        if connection.broken {
            close(connection)
            return
        }
        if connection.closeWhenDone {
            finish(connection)
            return
        }
        let phase: Connection.Phase
        if connection.parser.isAwaitingBody {
            phase = .body
        } else if connection.inbound.isEmpty && connection.parser.isAtRequestStart {
            phase = .idle
        } else {
            phase = .head
        }
        // The idle clock restarts on every activity; the header and body clocks run from the
        // start of their phase, however the bytes trickle in (that is the slowloris defence).
        if phase != connection.phase || phase == .idle {
            connection.phase = phase
            connection.phaseStarted = now
        }
        if draining && connection.isIdle {
            close(connection)
            return
        }
        updateInterest(connection)
    }

    // MARK: answering

    func answer(_ connection: Connection, _ parsed: HTTPRequest) {
        let started = Syscall.monotonicNanoseconds()
        var request = parsed
        let clientID = request.headers["x-request-id"]
        let requestID = clientID.flatMap { RequestIDGenerator.isWellFormed($0) ? $0 : nil } ?? requestIDs.next()
        request.context = RequestContext(
            peer: connection.peer, peerAddress: connection.peerAddress, requestID: requestID,
            isSecure: connection.transport.tls != nil
        )
        connection.requestsServed += 1

        var response: HTTPResponse
        do {
            let target = try RequestTarget.parse(request.target, method: request.method)
            request.path = target.path
            request.pathSegments = target.segments
            request.query = target.query.map { (name: $0.name, value: $0.value) }
            server.forwarding.apply(to: &request)
            response = server.responder.respond(to: request)
        } catch {
            response = Problem(status: .badRequest, detail: error.detail).response(requestID: requestID)
        }
        var keepAlive = request.keepAlive && !draining
            && connection.requestsServed < server.configuration.maxRequestsPerConnection
        if let connectionHeader = response.headers["connection"], HTTPHeaders.equalsIgnoringCase(connectionHeader, "close") {
            keepAlive = false
        }
        let bytes = send(connection, response, method: request.method, version: request.version,
                         keepAlive: keepAlive, requestID: requestID)
        if !keepAlive { connection.closeWhenDone = true }
        if server.accessLog != nil {
            let micros = (Syscall.monotonicNanoseconds() - started) / 1000
            accessLogBuffer.append(
                time: logClock.now(), method: request.method.rawValue, target: request.target,
                status: response.status.code, bodyBytes: bytes, micros: micros, peer: connection.peer,
                client: request.context.clientAddress, requestID: requestID
            )
            if accessLogBuffer.bytes.count >= 32 * 1024 { flushAccessLog() }
        }
    }

    /// Answers a request the engine refuses before routing, and marks the connection to close.
    func reject(_ connection: Connection, _ problem: Problem) {
        let requestID = requestIDs.next()
        let response = problem.response(requestID: requestID)
        let bytes = send(connection, response, method: .get, version: .http11, keepAlive: false, requestID: requestID)
        connection.closeWhenDone = true
        if server.accessLog != nil {
            accessLogBuffer.append(
                time: logClock.now(), method: "-", target: "-", status: problem.status.code, bodyBytes: bytes,
                micros: 0, peer: connection.peer, client: connection.peerAddress, requestID: requestID
            )
        }
    }

    /// Serialises `response` and writes it at once if the socket takes it; queues the rest.
    /// Returns the number of body bytes sent.
    @discardableResult
    func send(
        _ connection: Connection, _ response: HTTPResponse, method: HTTPMethod, version: HTTPVersion,
        keepAlive: Bool, requestID: String
    ) -> Int {
        let includeBody = method != .head && response.status.allowsBody
        headBuffer.removeAll(keepingCapacity: true)
        ResponseHead.write(response, contentLength: response.body.count, keepAlive: keepAlive, version: version,
                           requestID: requestID, date: dateCache.headerLine, into: &headBuffer)
        let body = includeBody ? response.body : []
        if connection.outbound.isEmpty {
            let written = writeDirectly(connection, body)
            if written < headBuffer.count {
                connection.outbound.append(Array(headBuffer[written...]))
                connection.outbound.append(body)
            } else {
                connection.outbound.append(body, from: written - headBuffer.count)
            }
        } else {
            connection.outbound.append(headBuffer)
            connection.outbound.append(body)
        }
        if !connection.outbound.isEmpty { connection.lastWriteProgress = now }
        return includeBody ? body.count : 0
    }

    /// One writev of head and body; returns bytes written (0 on would-block or error).
    func writeDirectly(_ connection: Connection, _ body: [UInt8]) -> Int {
        headBuffer.withUnsafeBytes { head in
            body.withUnsafeBytes { content in
                var vectors = (
                    iovec(iov_base: UnsafeMutableRawPointer(mutating: head.baseAddress), iov_len: head.count),
                    iovec(iov_base: UnsafeMutableRawPointer(mutating: content.baseAddress), iov_len: content.count)
                )
                let count: Int32 = content.isEmpty ? 1 : 2
                return withUnsafePointer(to: &vectors) { pointer in
                    pointer.withMemoryRebound(to: iovec.self, capacity: 2) { vector in
                        do {
                            if case .processed(let written) = try connection.transport.send(vector, count: count) {
                                return written
                            }
                        } catch {
                            connection.broken = true
                        }
                        return 0
                    }
                }
            }
        }
    }

    // MARK: writing and closing

    func handleWritable(_ connection: Connection) {
        if connection.phase == .handshake {
            continueHandshake(connection)
            return
        }
        flush(connection)
        guard connections[Int(connection.fd)] != nil else { return }
        if connection.outbound.isEmpty {
            if connection.closeWhenDone {
                finish(connection)
                return
            }
            // The idle period starts when the last response has left, not when it was queued.
            if connection.phase == .idle { connection.phaseStarted = now }
            if connection.readsPaused {
                connection.readsPaused = false
                if !connection.inbound.isEmpty {
                    process(connection, UnsafeRawBufferPointer(start: nil, count: 0))
                    return
                }
            }
        }
        updateInterest(connection)
    }

    func flush(_ connection: Connection) {
        do {
            let before = connection.outbound.pendingBytes
            _ = try connection.outbound.flush(&connection.transport)
            if connection.outbound.pendingBytes != before { connection.lastWriteProgress = now }
        } catch {
            connection.broken = true
        }
    }

    /// Ends a connection after its final response: once the output drains, shut down our
    /// side and discard input until the peer closes (a lingering close, so the client reads
    /// the response before any reset).
    func finish(_ connection: Connection) {
        if connection.broken || connection.peerClosed && connection.outbound.isEmpty {
            close(connection)
            return
        }
        connection.closeWhenDone = true
        connection.inbound = []
        guard connection.outbound.isEmpty else {
            updateInterest(connection)
            return
        }
        if connection.phase != .lingering {
            connection.transport.tls?.shutdown()
            shutdown(connection.fd, Int32(SHUT_WR))
            // Only the peer's FIN is awaited now: the slot is free for a new client.
            if connection.counted {
                connection.counted = false
                server.releaseConnection()
            }
            lingeringCount += 1
            connection.phase = .lingering
            connection.phaseStarted = now
            connection.readsPaused = false
            updateInterest(connection)
        }
    }

    func discardInput(_ connection: Connection) {
        while true {
            let result = try? connection.transport.receive(into: readBuffer)
            switch result {
            case .wouldBlock?:
                return
            case .processed(let count)? where count > 0:
                continue
            default:
                close(connection)
                return
            }
        }
    }

    func updateInterest(_ connection: Connection) {
        let desired = connection.desiredEvents
        guard desired != connection.registeredEvents else { return }
        connection.registeredEvents = desired
        do {
            try epoll.modify(connection.fd, events: desired)
        } catch {
            close(connection)
        }
    }

    func close(_ connection: Connection) {
        let fd = connection.fd
        guard Int(fd) < connections.count, connections[Int(fd)] === connection else { return }
        connections[Int(fd)] = nil
        connectionCount -= 1
        if connection.phase != .lingering { connection.transport.tls?.shutdown() }
        if connection.phase == .lingering { lingeringCount -= 1 }
        epoll.remove(fd)
        Syscall.close(fd)
        if connection.counted { server.releaseConnection() }
    }
}
