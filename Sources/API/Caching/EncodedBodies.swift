import HTTP

/// The compressed forms of one cached representation, made on first demand and kept with
/// it: each encoding is computed once per representation, not once per request.
///
/// Thread contract: shared by every loop that serves the entry; the forms are computed
/// under the lock (a second request for the same form waits for the first, then reuses it).
final class EncodedBodies: Sendable {
    /// One coding's bytes and strong ETag; `nil` bytes: not worth sending (too small, incompressible).
    struct Form: Sendable {
        let shared: SharedBody
        let etag: String
    }

    private let forms = Locked<[ContentCoding: Form?]>([:])

    /// `coding`'s form of `body`, or nil when identity should be sent instead.
    func form(_ coding: ContentCoding, of body: [UInt8], etag: String, contentType: String) -> Form? {
        guard coding != .identity, body.count >= Compression.minimumBytes, Self.isCompressible(contentType) else { return nil }
        return forms.withLock { forms in
            if let known = forms[coding] { return known }
            let compressed = coding == .gzip ? Compression.gzip(body) : Compression.brotli(body)
            var made: Form?
            if let compressed, compressed.count < body.count - body.count / 20 {
                // A distinct strong ETag per coding (RFC 9110 §8.8.3): "<digest>" -> "<digest>.gz".
                let tag = String(etag.dropLast()) + (coding == .gzip ? ".gz\"" : ".br\"")
                made = Form(shared: SharedBody(compressed), etag: tag)
            }
            forms[coding] = made
            return made
        }
    }

    /// Text formats compress; images other than SVG are already compressed.
    static func isCompressible(_ contentType: String) -> Bool {
        contentType.hasPrefix("text/") || contentType.hasPrefix("application/") || contentType.hasPrefix("image/svg")
    }
}
