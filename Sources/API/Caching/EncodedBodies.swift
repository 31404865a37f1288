import HTTP
import Locking

/// What one cached representation is sent as, made on first demand and kept with it: its
/// compressed forms (each encoding computed once per representation, not once per request),
/// and the serialised header fields of each way it is sent.
///
/// Thread contract: shared by every loop that serves the entry; both are made under the lock
/// (a second request for the same form waits for the first, then reuses it).
final class EncodedBodies: Sendable {
    /// One coding's bytes and strong ETag; `nil` bytes: not worth sending (too small, incompressible).
    struct Form: Sendable {
        let shared: SharedBody
        let etag: String
    }

    /// A way of sending the representation that changes its header fields: the content coding
    /// sent, and whether its links followed a proxy's headers (which changes `Vary`).
    struct Variant: Sendable {
        let coding: ContentCoding
        let forwarded: Bool

        /// Its place in `State.heads`.
        var slot: Int { coding.ordinal * 2 + (forwarded ? 1 : 0) }
    }

    /// Fixed slots rather than dictionaries: a hit looks one up on every request, and hashing
    /// the key cost more than the rest of the lookup.
    struct State {
        /// By `ContentCoding.ordinal`: nil, not made yet; `.some(nil)`, not worth sending.
        var forms = [Form??](repeating: nil, count: ContentCoding.allCases.count)
        /// By `Variant.slot`.
        var heads = [(cacheControl: String, prepared: PreparedHeaders)?](repeating: nil, count: ContentCoding.allCases.count * 2)
    }

    private let state = Locked(State())

    /// `coding`'s form of `body`, or nil when identity should be sent instead.
    func form(_ coding: ContentCoding, of body: [UInt8], etag: String, contentType: String) -> Form? {
        guard coding != .identity, body.count >= Compression.minimumBytes, Self.isCompressible(contentType) else { return nil }
        return state.withLock { state in
            if let known = state.forms[coding.ordinal] { return known }
            let compressed = coding == .gzip ? Compression.gzip(body) : Compression.brotli(body)
            var made: Form?
            if let compressed, compressed.count < body.count - body.count / 20 {
                // A distinct strong ETag per coding (RFC 9110 §8.8.3): "<digest>" -> "<digest>.gz".
                let tag = String(etag.dropLast()) + (coding == .gzip ? ".gz\"" : ".br\"")
                made = Form(shared: SharedBody(compressed), etag: tag)
            }
            state.forms[coding.ordinal] = made
            return made
        }
    }

    /// The header fields for `variant`, serialised by `make` the first time. A different
    /// `cacheControl` than the one they were made with (one entry served by two routes, which no
    /// route does) gets fresh fields, not the kept ones.
    func prepared(_ variant: Variant, cacheControl: String, make: () -> HTTPHeaders) -> PreparedHeaders {
        state.withLock { state in
            if let known = state.heads[variant.slot] {
                if known.cacheControl == cacheControl { return known.prepared }
                return PreparedHeaders(make())
            }
            let prepared = PreparedHeaders(make())
            state.heads[variant.slot] = (cacheControl, prepared)
            return prepared
        }
    }

    /// Text formats compress; images other than SVG are already compressed.
    static func isCompressible(_ contentType: String) -> Bool {
        contentType.hasPrefix("text/") || contentType.hasPrefix("application/") || contentType.hasPrefix("image/svg")
    }
}
