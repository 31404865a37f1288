/// Serialises a status line and header section into a reusable byte buffer.
///
/// The engine adds `Date`, `Content-Length`, `Connection` and `X-Request-ID` itself so that a
/// handler cannot get framing wrong; handler-supplied copies of those are dropped.
enum ResponseHead {
    /// Status lines indexed by code (100...599), built once.
    static let statusLines: [[UInt8]] = (0..<600).map { code in
        code < 100 ? [] : Array("HTTP/1.1 \(code) \(HTTPStatus(code).reasonPhrase)\r\n".utf8)
    }

    static let engineOwned = ["date", "content-length", "connection", "x-request-id", "transfer-encoding"]

    static func write(
        _ response: HTTPResponse, contentLength: Int, keepAlive: Bool, version: HTTPVersion,
        requestID: String, date: [UInt8], into out: inout [UInt8]
    ) {
        let status = response.status
        if (100..<600).contains(status.code) {
            out.append(contentsOf: statusLines[status.code])
        } else {
            out.append(contentsOf: "HTTP/1.1 \(status.code) \(status.reasonPhrase)\r\n".utf8)
        }
        out.append(contentsOf: date)
        let hasContentType: Bool
        if let prepared = response.preparedHeaders {
            out.append(contentsOf: prepared.bytes)
            hasContentType = prepared.hasContentType
        } else {
            writeFields(response.headers, into: &out)
            hasContentType = response.headers.contains("content-type")
        }
        if status.code != 204 && status.code != 304 && status.code >= 200 {
            if !hasContentType && contentLength > 0 {
                out.append(contentsOf: "Content-Type: application/octet-stream\r\n".utf8)
            }
            out.append(contentsOf: "Content-Length: ".utf8)
            DecimalDigits.append(contentLength, to: &out)
            out.append(ASCII.cr)
            out.append(ASCII.lf)
        }
        if !keepAlive {
            out.append(contentsOf: "Connection: close\r\n".utf8)
        } else if version == .http10 {
            out.append(contentsOf: "Connection: keep-alive\r\n".utf8)
        }
        out.append(contentsOf: "X-Request-ID: ".utf8)
        out.append(contentsOf: requestID.utf8)
        out.append(contentsOf: "\r\n\r\n".utf8)
    }

    /// True when a handler's fields say `Connection: close`.
    static func closesConnection(_ headers: HTTPHeaders) -> Bool {
        headers["connection"].map { HTTPHeaders.equalsIgnoringCase($0, "close") } ?? false
    }

    /// `Name: value\r\n` for every field but the engine's own.
    static func writeFields(_ headers: HTTPHeaders, into out: inout [UInt8]) {
        for (name, value) in headers where !isEngineOwned(name) {
            out.append(contentsOf: name.utf8)
            out.append(ASCII.colon)
            out.append(ASCII.space)
            out.append(contentsOf: value.utf8)
            out.append(ASCII.cr)
            out.append(ASCII.lf)
        }
    }

    @inline(__always)
    static func isEngineOwned(_ name: String) -> Bool {
        // Fast path: handler headers rarely start with these letters.
        guard let first = name.utf8.first.map(ASCII.lowercased) else { return false }
        guard first == UInt8(ascii: "d") || first == UInt8(ascii: "c") || first == UInt8(ascii: "x")
                || first == UInt8(ascii: "t") else { return false }
        return engineOwned.contains { HTTPHeaders.equalsIgnoringCase($0, name) }
    }
}
