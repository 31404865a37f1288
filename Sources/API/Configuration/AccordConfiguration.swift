import HTTP
import Store

/// Everything `accord serve` can be told. Built from four sources, later ones winning:
/// built-in defaults < config file (`--config`) < environment (`ACCORD_*`) < flags.
/// The defaults here are the ones `config/accord.json` documents (a test keeps them equal).
public struct AccordConfiguration: Sendable {
    public var server = ServerConfiguration()
    /// Seeds directory; nil means "find the default" (see `ResourceLocator` in the accord target).
    public var seeds: String?
    /// Fail at startup on any unreadable article instead of skipping it.
    public var strict = false
    /// Article files larger than this are skipped with an error naming the file and the limit.
    public var maxArticleBytes = SeedLoader.defaultMaxArticleBytes
    /// No representation larger than this is built (422 instead): 32 MiB.
    public var maxResponseBytes = Application.defaultMaxResponseBytes
    public var corsOrigins = ["*"]
    public var corsHeaders = CORSPolicy.defaultAllowedHeaders
    public var logLevel = "info"
    public var logFormat = "json"
    /// Threads: 0 means one per usable CPU (affinity mask, cgroup CPU quota).
    public var threads = 0
    /// On SIGTERM, how long `/readyz` answers 503 while everything is still served, so load
    /// balancers stop sending before the server stops accepting.
    public var shutdownDelay: Double = 0
    /// Kubernetes service-link variables that were recognised and ignored (`serve` logs them).
    public var ignoredEnvironment: [String] = []

    public init() {}

    public static let logLevels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
    public static let logFormats = ["json", "text"]

    /// Settings that are valid but probably a mistake; `serve` logs each at start-up.
    public var warnings: [String] {
        var warnings: [String] = []
        for proxy in server.trustedProxies where proxy.isCatchAll {
            warnings.append("trustedProxies contains \(proxy), which trusts every client: any client can then set its own "
                + "address, host and scheme through Forwarded/X-Forwarded-* headers. List only your proxies' addresses.")
        }
        return warnings
    }

    /// Checks that concern more than one setting.
    public func validated() throws(ConfigurationError) -> AccordConfiguration {
        var result = self
        if threads > 0 { result.server.threads = threads }
        let hasCertificate = server.tls?.certificatePath.isEmpty == false
        let hasKey = server.tls?.keyPath.isEmpty == false
        if hasCertificate != hasKey {
            throw ConfigurationError(source: "tls", message: "tls.certificate and tls.key must be given together.")
        }
        if !hasCertificate { result.server.tls = nil }
        return result
    }
}

/// A configuration problem, naming where it came from (file:line:column, variable or flag).
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public let source: String
    public let message: String

    public init(source: String, message: String) {
        self.source = source
        self.message = message
    }

    public var description: String { "\(source): \(message)" }
}
