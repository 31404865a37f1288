#if canImport(Glibc)
import Glibc
import CSystem
#endif

/// The loop performs what each connection's ``ConnectionStateMachine`` decides. Every
/// lifecycle decision (when to parse, keep alive, linger, close, which deadline) is the
/// machine's; this file only moves bytes and reports what happened.
extension EventLoop {
    // MARK: performing actions

    /// Carries out `action` and whatever the machine asks for next, until it waits.
    func perform(_ connection: Connection, _ action: ConnectionStateMachine.Action) {
        switch action {
        case .parse:
            parseBuffered(connection)
        case .respond:
            // Only produced while parsing, where the request is at hand (`parseRequests`).
            preconditionFailure("respond outside parsing")
        case .sendContinue:
            connection.outbound.append(Self.continueLine)
            flushOutput(connection)
            updateInterest(connection)
        case .rejectTimeout(let timer):
            let detail = timer == .body
                ? "The request body was not received in time."
                : "The request header section was not received in time."
            perform(connection, reject(connection, Problem(status: .requestTimeout, detail: detail)))
        case .wait:
            updateInterest(connection)
        case .discardInput:
            discardInput(connection)
        case .startLingering:
            linger(connection)
        case .close:
            close(connection)
        }
    }

    static let continueLine = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// Over the unsent budget, a response body larger than this is answered 503 instead (with
    /// `Retry-After: 1`, closing): health checks, errors, 304s and small pages still go out.
    static let overloadResponseBytes = 16 * 1024

    // MARK: reading

    func handleReadable(_ connection: Connection) {
        switch connection.machine.state {
        case .lingering:
            discardInput(connection)
            return
        case .handshaking:
            continueHandshake(connection)
            return
        default:
            break
        }
        readOnce(connection)
        // OpenSSL may hold decrypted bytes that epoll cannot report: drain them now.
        while let tls = connection.transport.tls, tls.hasBufferedInput, isOpen(connection), connection.machine.mayParse {
            readOnce(connection)
        }
        guard isOpen(connection), !connection.lingering else { return }
        syncInput(connection)
        // No route reads a body beyond its limit, but each connection may hold one that large
        // until the body timeout: past the server-wide total, a body still arriving is refused.
        if connection.parser.isAwaitingBody && server.inputBudgetSpent {
            server.statistics.refusedOverInputBudget.add(1, ordering: .relaxed)
            // To the machine, a request that cannot be read to its end, as a framing error is.
            _ = connection.machine.parsed(.invalid, now: now)
            perform(connection, reject(connection, Problem(
                status: .serviceUnavailable, detail: "The server holds too many unfinished requests; retry shortly.",
                headers: ["Retry-After": "1"]
            )))
        }
    }

    /// Brings the connection's share of the server-wide unfinished input (`inbound` and the
    /// parser's body so far) up to date.
    func syncInput(_ connection: Connection) {
        let held = connection.inbound.count + connection.parser.heldBodyBytes
        guard held != connection.accountedInput else { return }
        server.noteInput(held - connection.accountedInput)
        connection.accountedInput = held
    }

    /// Takes the connection's unfinished input out of the server-wide total (it is dropped).
    func releaseInput(_ connection: Connection) {
        guard connection.accountedInput != 0 else { return }
        server.noteInput(-connection.accountedInput)
        connection.accountedInput = 0
    }

    func isOpen(_ connection: Connection) -> Bool {
        Int(connection.fd) < connections.count && connections[Int(connection.fd)] === connection
    }

    func readOnce(_ connection: Connection) {
        let result: IOResult
        do {
            result = try connection.transport.receive(into: readBuffer)
        } catch {
            perform(connection, connection.machine.readCompleted(.failed, now: now))
            return
        }
        switch result {
        case .wouldBlock:
            return
        case .processed(0):
            perform(connection, connection.machine.readCompleted(.endOfInput, now: now))
        case .processed(let count):
            let bytes = UnsafeRawBufferPointer(rebasing: readBuffer[0..<count])
            let action = connection.machine.readCompleted(.bytes, now: now)
            if action == .parse && connection.inbound.isEmpty {
                // The common case: parse straight from the read buffer, keep only a remainder.
                let (consumed, next) = parseRequests(connection, bytes)
                if consumed < count && !connection.machine.discardsInput {
                    connection.inbound.append(contentsOf: bytes[consumed...])
                }
                perform(connection, next)
            } else {
                if !connection.machine.discardsInput { connection.inbound.append(contentsOf: bytes) }
                perform(connection, action)
            }
        }
    }

    /// Parses what `inbound` holds and answers what is complete.
    func parseBuffered(_ connection: Connection) {
        let (consumed, next) = connection.inbound.withUnsafeBytes { parseRequests(connection, $0) }
        if connection.machine.discardsInput || consumed >= connection.inbound.count {
            connection.inbound = []
        } else if consumed > 0 {
            connection.inbound.removeFirst(consumed)
        }
        syncInput(connection)
        perform(connection, next)
    }

    /// Parses and answers requests from `buffer` while the machine allows; returns how many
    /// bytes were used and the machine's next action. Must not touch `connection.inbound`
    /// (the caller may be reading it).
    func parseRequests(_ connection: Connection, _ buffer: UnsafeRawBufferPointer) -> (Int, ConnectionStateMachine.Action) {
        var offset = 0
        while connection.machine.mayParse {
            if mustWait(connection) {
                enqueueWaiting(connection)
                return (offset, connection.machine.budgetExhausted(holdsInput: offset < buffer.count))
            }
            switch connection.parser.parse(UnsafeRawBufferPointer(rebasing: buffer[offset...])) {
            case .complete(let request, let consumed):
                offset += consumed
                guard connection.machine.parsed(.request, now: now) == .respond else { return (offset, .wait) }
                let next = answer(connection, request)
                if next != .parse { return (offset, next) }
            case .needMoreData:
                let outcome = ConnectionStateMachine.ParseOutcome.needMoreData(
                    atRequestStart: offset == buffer.count && connection.parser.isAtRequestStart,
                    awaitingBody: connection.parser.isAwaitingBody,
                    expectsContinue: connection.parser.expectsContinue
                )
                let action = connection.machine.parsed(outcome, now: now)
                // Expect: 100-continue for a request no body can make acceptable: the final answer instead.
                if action == .sendContinue, let refusal = refusalBeforeBody(connection) {
                    _ = connection.machine.parsed(.invalid, now: now)
                    return (buffer.count, reject(connection, refusal.response, status: refusal.status))
                }
                return (offset, action)
            case .invalid(let error):
                _ = connection.machine.parsed(.invalid, now: now)
                return (buffer.count, reject(connection, Problem(status: error.status, detail: error.detail)))
            }
        }
        return (offset, .wait)
    }

    // MARK: answering

    /// Routes `parsed`, sends the response, and returns the machine's next action.
    func answer(_ connection: Connection, _ parsed: HTTPRequest) -> ConnectionStateMachine.Action {
        // Timed for the access log only (the responder's own time is measured below either way).
        let started = server.accessLog == nil ? 0 : Syscall.monotonicNanoseconds()
        var request = parsed
        let clientID = request.headers["x-request-id"]
        let requestID = clientID.flatMap { RequestIDGenerator.isWellFormed($0) ? $0 : nil } ?? requestIDs.next()
        request.context = RequestContext(
            peer: connection.peer, peerAddress: connection.peerAddress, requestID: requestID,
            isSecure: connection.transport.tls != nil
        )
        connection.requestsServed += 1

        var response: HTTPResponse
        var responded: UInt64 = 0
        do {
            let target = try RequestTarget.parse(request.target, method: request.method)
            request.path = target.path
            request.pathSegments = target.segments
            request.query = target.query.map { (name: $0.name, value: $0.value) }
            server.forwarding.apply(to: &request, targetAuthority: target.authority)
            if let refusal = admitForwardedClient(connection, request.context.clientAddress) {
                response = unrouted(refusal, request, requestID: requestID)
            } else {
                let responding = Syscall.monotonicNanoseconds()
                response = server.responder.respond(to: request)
                // The responder's time alone (not the write) says whether the request was expensive.
                responded = Syscall.monotonicNanoseconds()
                refuseIfOverloaded(&response, request, requestID: requestID)
                chargeWork(connection, nanoseconds: responded &- responding)
                server.responder.responded(to: request, with: response, nanoseconds: responded &- responding)
            }
        } catch {
            response = unrouted(Problem(status: error.status, detail: error.detail), request, requestID: requestID)
        }
        var keepAlive = connection.machine.keepAlive(requested: request.keepAlive) && !lameDuck
            && connection.requestsServed < server.configuration.maxRequestsPerConnection
        if response.preparedHeaders?.closesConnection ?? ResponseHead.closesConnection(response.headers) {
            keepAlive = false
        }
        let bytes = send(connection, response, method: request.method, version: request.version,
                         keepAlive: keepAlive, requestID: requestID)
        // An expensive request's write (a large body copied into the socket) is loop time too.
        if connection.heavy, responded != 0 {
            fairness.spend(Syscall.monotonicNanoseconds() &- responded, now: now)
        }
        if server.accessLog != nil {
            let elapsed = Syscall.monotonicNanoseconds() &- started
            accessLogBuffer.append(
                time: logClock.now(), method: request.methodName, target: request.target,
                status: response.status.code, bodyBytes: bytes, micros: elapsed / 1000, peer: connection.peer,
                client: request.context.clientAddress, requestID: requestID
            )
            if accessLogBuffer.bytes.count >= 32 * 1024 { flushAccessLog() }
        }
        return queued(connection, keepAlive: keepAlive)
    }

    /// Over the server-wide unsent budget a large answer is not queued: the client is told to
    /// come back (503, `Retry-After: 1`, closing), and everyone else (`/healthz`, errors, 304s,
    /// small pages) is still answered. Waiting for the budget instead held every client's
    /// request behind those that do not read.
    func refuseIfOverloaded(_ response: inout HTTPResponse, _ request: HTTPRequest, requestID: String) {
        guard server.unsentBudgetSpent, request.method != .head, response.body.count > Self.overloadResponseBytes else { return }
        server.statistics.refusedOverUnsentBudget.add(1, ordering: .relaxed)
        response = decorated(Problem(
            status: .serviceUnavailable, detail: "The server has too many responses waiting for their clients; retry shortly.",
            headers: ["Retry-After": "1", "Connection": "close"]
        ), requestID: requestID, origin: request.headers["origin"])
    }

    /// An answer the engine makes itself (`problem`), decorated as the responder decorates a
    /// rejection (CORS for the request's `Origin`): the one way each of the engine's answers is built.
    func decorated(_ problem: Problem, requestID: String, origin: String?) -> HTTPResponse {
        var response = problem.response(requestID: requestID)
        server.responder.decorate(rejection: &response, origin: origin)
        return response
    }

    /// The engine's answer to a request it read but does not route (a target it cannot decode,
    /// a forwarded client over its limit): decorated as a rejection, with the request's
    /// `Origin`, and reported as an unrouted response.
    func unrouted(_ problem: Problem, _ request: HTTPRequest, requestID: String) -> HTTPResponse {
        let response = decorated(problem, requestID: requestID, origin: request.headers["origin"])
        server.responder.responded(to: request, with: response, nanoseconds: 0)
        return response
    }

    /// Answers a request the engine refuses before routing (the connection closes after it);
    /// returns the machine's next action.
    func reject(_ connection: Connection, _ problem: Problem) -> ConnectionStateMachine.Action {
        let requestID = requestIDs.next()
        let response = decorated(problem, requestID: requestID, origin: connection.parser.headers["origin"])
        return reject(connection, response, status: problem.status, requestID: requestID)
    }

    /// Sends `response` and closes: the request cannot be read to its end.
    func reject(
        _ connection: Connection, _ response: HTTPResponse, status: HTTPStatus, requestID: String? = nil
    ) -> ConnectionStateMachine.Action {
        let requestID = requestID ?? response.headers["x-request-id"] ?? requestIDs.next()
        server.responder.rejected(with: response)
        let bytes = send(connection, response, method: .get, version: .http11, keepAlive: false, requestID: requestID)
        if server.accessLog != nil {
            accessLogBuffer.append(
                time: logClock.now(), method: "-", target: "-", status: status.code, bodyBytes: bytes,
                micros: 0, peer: connection.peer, client: connection.peerAddress, requestID: requestID
            )
        }
        return queued(connection, keepAlive: false)
    }

    /// The responder's final answer to a request whose head asks `Expect: 100-continue`, if it
    /// refuses the body (``HTTPResponder/refusesBody(_:)``).
    func refusalBeforeBody(_ connection: Connection) -> (response: HTTPResponse, status: HTTPStatus)? {
        var request = connection.parser.makeRequest()
        guard let target = try? RequestTarget.parse(request.target, method: request.method) else { return nil }
        request.path = target.path
        request.pathSegments = target.segments
        request.query = target.query.map { (name: $0.name, value: $0.value) }
        request.context = RequestContext(
            peer: connection.peer, peerAddress: connection.peerAddress, requestID: requestIDs.next(),
            isSecure: connection.transport.tls != nil
        )
        guard let response = server.responder.refusesBody(request) else { return nil }
        return (response, response.status)
    }

    /// Reports a serialised response to the machine (and its unsent bytes to the budget).
    func queued(_ connection: Connection, keepAlive: Bool) -> ConnectionStateMachine.Action {
        if connection.transport.failed { return connection.machine.failed() }
        account(connection)
        return connection.machine.responseQueued(keepAlive: keepAlive, unsentBytes: connection.outbound.pendingBytes, now: now)
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
        if includeBody, let shared = response.shared, connection.transport.tls == nil,
           let descriptor = shared.fileDescriptor {
            // A cached body with a memory file: the head (held back by MSG_MORE for the file's first
            // segment), then `sendfile` (no copy of the body). Straight from the head buffer when
            // nothing is queued before this response; what the socket does not take is queued.
            guard connection.outbound.isEmpty else {
                connection.outbound.append(headBuffer)
                connection.outbound.append(shared, descriptor: descriptor)
                flushOutput(connection)
                return body.count
            }
            let headWritten = writeDirectly(connection, [], more: true)
            if headWritten < headBuffer.count {
                connection.outbound.append(Array(headBuffer[headWritten...]))
                connection.outbound.append(shared, descriptor: descriptor)
            } else {
                connection.outbound.append(shared, descriptor: descriptor, from: sendFileDirectly(connection, descriptor, count: body.count))
            }
            return body.count
        }
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
        return includeBody ? body.count : 0
    }

    /// One `sendfile` of a memory file from its start; returns bytes sent (0 on would-block or error).
    func sendFileDirectly(_ connection: Connection, _ descriptor: Int32, count: Int) -> Int {
        do {
            if case .processed(let sent) = try connection.transport.sendFile(descriptor, offset: 0, count: count) { return sent }
        } catch {
            connection.transport.failed = true
        }
        return 0
    }

    /// One writev of head and body; returns bytes written (0 on would-block or error).
    /// `more`: the rest of the response follows at once (MSG_MORE).
    func writeDirectly(_ connection: Connection, _ body: [UInt8], more: Bool = false) -> Int {
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
                            if case .processed(let written) = try connection.transport.send(vector, count: count, more: more) {
                                return written
                            }
                        } catch {
                            connection.transport.failed = true
                        }
                        return 0
                    }
                }
            }
        }
    }

    // MARK: writing and closing

    func handleWritable(_ connection: Connection) {
        if connection.machine.state == .handshaking {
            continueHandshake(connection)
            return
        }
        let before = connection.outbound.pendingBytes
        flushOutput(connection)
        if connection.transport.failed {
            perform(connection, connection.machine.failed())
            return
        }
        account(connection)
        let progressed = connection.outbound.pendingBytes != before
        perform(connection, connection.machine.wrote(progressed: progressed, unsentBytes: connection.outbound.pendingBytes, now: now))
    }

    func flushOutput(_ connection: Connection) {
        do {
            _ = try connection.outbound.flush(&connection.transport)
        } catch {
            connection.transport.failed = true
        }
    }

    /// Keeps the server-wide total of unsent bytes equal to the sum of the queues.
    func account(_ connection: Connection) {
        let pending = connection.outbound.pendingBytes
        let delta = pending - connection.accountedBytes
        guard delta != 0 else { return }
        connection.accountedBytes = pending
        server.noteUnsent(delta)
    }

    /// After the final response: shut down our side and discard input until the peer
    /// closes (a lingering close, so the client reads the response before any reset).
    func linger(_ connection: Connection) {
        connection.inbound = []
        connection.parser.reset()
        releaseInput(connection)
        connection.transport.tls?.shutdown()
        shutdown(connection.fd, Int32(SHUT_WR))
        // Only the peer's FIN is awaited now: the slots are free for new clients.
        releaseSlots(connection)
        lingeringCount += 1
        connection.lingering = true
        connection.machine.lingeringStarted(now: now)
        updateInterest(connection)
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
        guard isOpen(connection) else { return }
        var desired = connection.desiredEvents
        // A 100 Continue the socket did not take yet.
        if !connection.outbound.isEmpty { desired |= Epoll.writable }
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
        guard isOpen(connection) else { return }
        connections[Int(fd)] = nil
        connectionCount -= 1
        if connection.lingering {
            lingeringCount -= 1
        } else {
            connection.transport.tls?.shutdown()
        }
        _ = connection.machine.failed()
        epoll.remove(fd)
        Syscall.discardUnread(fd, into: readBuffer)
        Syscall.close(fd)
        releaseSlots(connection)
        if connection.accountedBytes != 0 {
            server.noteUnsent(-connection.accountedBytes)
            connection.accountedBytes = 0
        }
        releaseInput(connection)
    }

    /// Gives back the connection's place under `maxConnections` and the per-client cap.
    func releaseSlots(_ connection: Connection) {
        if connection.counted {
            connection.counted = false
            server.releaseConnection()
        }
        if let key = connection.clientKey {
            connection.clientKey = nil
            server.releaseClient(key)
        }
    }
}
