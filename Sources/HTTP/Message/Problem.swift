/// An RFC 9457 problem detail, rendered as `application/problem+json`.
///
/// The engine uses it for requests it rejects before routing; the API layer uses it
/// for every error it maps. Extra members (e.g. `parameter`, `allowed`) go in `extensions`
/// as pre-encoded JSON values.
public struct Problem: Error, Sendable {
    public var status: HTTPStatus
    public var title: String
    public var detail: String
    public var type: String
    public var extensions: [(name: String, json: String)]
    /// Extra response headers, e.g. `Allow` for 405.
    public var headers: HTTPHeaders

    public init(
        status: HTTPStatus, title: String? = nil, detail: String, type: String = "about:blank",
        extensions: [(name: String, json: String)] = [], headers: HTTPHeaders = HTTPHeaders()
    ) {
        self.status = status
        self.title = title ?? status.reasonPhrase
        self.detail = detail
        self.type = type
        self.extensions = extensions
        self.headers = headers
    }

    /// The problem as a complete response.
    public func response(requestID: String? = nil) -> HTTPResponse {
        var json = "{\"type\":\(JSONString.quote(type)),\"title\":\(JSONString.quote(title)),"
        json += "\"status\":\(status.code),\"detail\":\(JSONString.quote(detail))"
        if let requestID { json += ",\"requestId\":\(JSONString.quote(requestID))" }
        for (name, value) in extensions {
            json += ",\(JSONString.quote(name)):\(value)"
        }
        json += "}"
        var headers = self.headers
        headers.set("Content-Type", "application/problem+json")
        // An error names its request (requestId) and may stop being true (a reload adds the
        // record a 404 asked for): no cache keeps it, which also leaves `Vary` moot.
        if headers["cache-control"] == nil { headers.set("Cache-Control", "no-store") }
        return HTTPResponse(status: status, headers: headers, body: Array(json.utf8))
    }
}

/// Minimal JSON string escaping (RFC 8259 §7), shared by the engine's own bodies and logs.
public enum JSONString {
    /// `value` as a quoted JSON string.
    public static func quote(_ value: String) -> String {
        var out = "\""
        escape(value, into: &out)
        out += "\""
        return out
    }

    public static func escape(_ value: String, into out: inout String) {
        var bytes: [UInt8] = []
        escape(value, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Escapes `value`'s UTF-8 into a byte buffer: quotes, backslashes and control characters.
    /// Runs of bytes that need no escape are copied in bulk.
    public static func escape(_ value: String, into out: inout [UInt8]) {
        var value = value
        value.withUTF8 { escape($0, into: &out) }
    }

    public static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var runStart = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F else {
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            runStart = index + 1
            out.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
            case 0x0A: out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "t"))
            default:
                out.append(contentsOf: "u00".utf8)
                out.append(ASCII.hexDigits[Int(byte >> 4)])
                out.append(ASCII.hexDigits[Int(byte & 0xF)])
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }
}
