#if canImport(Glibc)
import Glibc
import CSystem
#endif

/// Everything the engine needs to run; the zero-argument initialiser gives working defaults.
public struct ServerConfiguration: Sendable {
    /// Address to bind: "0.0.0.0" (IPv4), "::" (IPv6 and IPv4), "127.0.0.1", a host name.
    public var host = "0.0.0.0"
    /// TCP port; 0 picks an ephemeral port (see ``HTTPServer/port``).
    public var port = 8080
    /// Number of event loops (threads), each with its own epoll and listening socket;
    /// by default one per usable CPU (affinity mask and cgroup CPU quota respected).
    public var threads = CPUCount.usable()
    /// Request size limits (request line 8 KiB, header section 16 KiB / 100 fields, body 1 MiB).
    public var limits = RequestParser.Limits()
    public var timeouts = Timeouts()
    /// Open connections across all loops; the next one is answered 503 and closed.
    public var maxConnections = 16_384
    /// After this many requests a connection is closed (`Connection: close` on the last).
    public var maxRequestsPerConnection = 100_000
    /// Open connections from one client address (an IPv6 client counts by its /64; behind a
    /// trusted proxy, by the forwarded address). The next one is answered 503 with `Retry-After`.
    public var maxConnectionsPerClient = 512
    /// Response bytes waiting for slow clients, server-wide. Each connection holds at most one
    /// unsent response (no request is parsed while one waits); beyond this total no connection
    /// parses a new request until the clients read.
    public var maxPendingWriteBytes = 64 * 1024 * 1024
    /// Bytes of unfinished requests held server-wide (what arrived of a request not yet
    /// complete: its head and its body so far). Past this total, a connection still receiving a
    /// body is answered 503 with `Retry-After` and closed, so many slow bodies (each under
    /// `limits.maxBodyBytes`) cannot fill memory; a request whose head is still arriving is
    /// bounded by the head limits and the header timeout instead.
    public var maxPendingReadBytes = 64 * 1024 * 1024
    /// How long a graceful shutdown waits for in-flight requests before closing everything.
    public var drainSeconds: Double = 10
    /// Write one JSON line per request to standard output.
    public var accessLogEnabled = true
    /// Trusted reverse proxies (CIDRs); forwarded headers are honoured only from these peers.
    public var trustedProxies: [CIDR] = []
    /// The address clients use (`https://api.example.org/accord`); when set, every absolute
    /// URL comes from it and no request header can change one.
    public var publicURL: PublicURL?
    /// TLS certificate and key (PEM); nil serves plain HTTP.
    public var tls: TLSConfiguration?

    public init() {}

    /// Time limits, in seconds. Each protects against a different way of holding a slot.
    public struct Timeouts: Sendable, Equatable {
        /// From the first byte of a request to the end of its header section (slowloris).
        public var header: Double = 10
        /// From the end of the header section to the end of the body.
        public var body: Double = 30
        /// A keep-alive connection with no request in progress.
        public var idle: Double = 75
        /// A response the client does not read makes no progress for this long.
        public var write: Double = 30
        /// TLS handshake.
        public var handshake: Double = 10
        public init() {}
    }
}

/// PEM files for HTTPS.
public struct TLSConfiguration: Sendable, Equatable {
    public var certificatePath: String
    public var keyPath: String
    public init(certificatePath: String, keyPath: String) {
        self.certificatePath = certificatePath
        self.keyPath = keyPath
    }
}
