import HTTP

extension ConfigurationSetting {
    /// Every setting Accord has, in the order the README documents them.
    static let all: [ConfigurationSetting] = [
        text("host", "Address to bind (0.0.0.0, ::, 127.0.0.1, a host name).") { $0.server.host = $1 },
        integer("port", 0...65535, "TCP port (0 picks a free one).") { $0.server.port = $1 },
        integer("threads", 0...256, "Event loops; 0 = one per usable CPU (affinity mask, cgroup CPU quota).") { $0.threads = $1 },
        Self(path: "publicUrl", kind: .url,
             help: "The URL clients use (https://api.example.org/accord): every link is built from it alone.") { config, value in
            if case .text(let text) = value { config.server.publicURL = PublicURL(text) }
        },
        text("seeds", "Seeds directory (default: the repository's or the installed seeds/).") { $0.seeds = $1 },
        boolean("strict", "Refuse to start if any article file cannot be read.") { $0.strict = $1 },
        integer("limits.maxRequestLineBytes", 64...1_048_576, "Longest request line (414 beyond).") { $0.server.limits.maxRequestLineBytes = $1 },
        integer("limits.maxHeaderBytes", 256...1_048_576, "Largest header section (431 beyond).") { $0.server.limits.maxHeaderBytes = $1 },
        integer("limits.maxHeaderFields", 1...10_000, "Most header fields (431 beyond).") { $0.server.limits.maxHeaderFields = $1 },
        integer("limits.maxBodyBytes", 0...1_073_741_824, "Largest request body (413 beyond).") { $0.server.limits.maxBodyBytes = $1 },
        integer("limits.maxArticleBytes", 1024...1_073_741_824, "Largest article file loaded; a larger one is skipped with an error naming it.") {
            $0.maxArticleBytes = $1
        },
        integer("limits.maxResponseBytes", 65_536...4_294_967_296, "Largest representation built; a request for more gets 422 (page or include less).") {
            $0.maxResponseBytes = $1
        },
        integer("limits.maxConnections", 1...1_000_000, "Open connections (503 beyond).") { $0.server.maxConnections = $1 },
        integer("limits.maxConnectionsPerClient", 1...1_000_000,
                "Open connections from one client address (IPv6: its /64; behind trustedProxies, the forwarded one); 503 beyond.") {
            $0.server.maxConnectionsPerClient = $1
        },
        integer("limits.maxRequestsPerConnection", 1...100_000_000, "Requests before a keep-alive connection is closed.") {
            $0.server.maxRequestsPerConnection = $1
        },
        integer("limits.maxPendingWriteBytes", 4096...1_073_741_824, "Unsent response bytes server-wide past which a large response is answered 503.") {
            $0.server.maxPendingWriteBytes = $1
        },
        integer("limits.maxPendingReadBytes", 4096...1_073_741_824,
                "Bytes of unfinished requests server-wide before a body still arriving is refused (503).") {
            $0.server.maxPendingReadBytes = $1
        },
        seconds("timeouts.header", "From a request's first byte to the end of its headers (slowloris).") { $0.server.timeouts.header = $1 },
        seconds("timeouts.body", "From the end of the headers to the end of the body.") { $0.server.timeouts.body = $1 },
        seconds("timeouts.idle", "Keep-alive connection with no request in progress.") { $0.server.timeouts.idle = $1 },
        seconds("timeouts.write", "A response the client does not read.") { $0.server.timeouts.write = $1 },
        seconds("timeouts.handshake", "TLS handshake.") { $0.server.timeouts.handshake = $1 },
        seconds("timeouts.drain", "Graceful shutdown: time allowed for in-flight requests.") { $0.server.drainSeconds = $1 },
        Self(path: "timeouts.shutdownDelay", kind: .seconds(0...3_600),
             help: "On SIGTERM: seconds of /readyz 503 while still serving, before draining.") { config, value in
            if case .seconds(let seconds) = value { config.shutdownDelay = seconds }
        },
        Self(path: "cors.allowedOrigins", kind: .origins, help: "Origins allowed to read responses; [\"*\"] allows all.") { config, value in
            if case .list(let items) = value { config.corsOrigins = items }
        },
        Self(path: "cors.allowedHeaders", kind: .headerNames,
             help: "Request headers a cross-origin page may send (preflight reflects those asked for and listed).") { config, value in
            if case .list(let items) = value { config.corsHeaders = items }
        },
        Self(path: "trustedProxies", kind: .cidrs, help: "CIDRs whose X-Forwarded-*/Forwarded headers are honoured.") { config, value in
            if case .list(let items) = value { config.server.trustedProxies = items.compactMap(CIDR.init) }
        },
        text("tls.certificate", "PEM certificate (chain); with tls.key turns on HTTPS.") { config, path in
            config.server.tls = TLSConfiguration(certificatePath: path, keyPath: config.server.tls?.keyPath ?? "")
        },
        text("tls.key", "PEM private key.") { config, path in
            config.server.tls = TLSConfiguration(certificatePath: config.server.tls?.certificatePath ?? "", keyPath: path)
        },
        choice("log.level", AccordConfiguration.logLevels, "Diagnostics level (stderr).") { $0.logLevel = $1 },
        choice("log.format", AccordConfiguration.logFormats, "Diagnostics format (stderr).") { $0.logFormat = $1 },
        boolean("log.access", "One JSON line per request on stdout.") { $0.server.accessLogEnabled = $1 },
    ]

    static func named(_ path: String) -> ConfigurationSetting? { all.first { $0.path == path } }

    static func text(_ path: String, _ help: String, _ set: @escaping @Sendable (inout AccordConfiguration, String) -> Void) -> Self {
        Self(path: path, kind: .text, help: help) { config, value in if case .text(let text) = value { set(&config, text) } }
    }

    static func choice(_ path: String, _ choices: [String], _ help: String,
                       _ set: @escaping @Sendable (inout AccordConfiguration, String) -> Void) -> Self {
        Self(path: path, kind: .choice(choices), help: help) { config, value in if case .text(let text) = value { set(&config, text) } }
    }

    static func integer(_ path: String, _ range: ClosedRange<Int>, _ help: String,
                        _ set: @escaping @Sendable (inout AccordConfiguration, Int) -> Void) -> Self {
        Self(path: path, kind: .integer(range), help: help) { config, value in if case .integer(let number) = value { set(&config, number) } }
    }

    static func seconds(_ path: String, _ help: String, _ set: @escaping @Sendable (inout AccordConfiguration, Double) -> Void) -> Self {
        Self(path: path, kind: .seconds(0.001...86_400), help: help) { config, value in if case .seconds(let number) = value { set(&config, number) } }
    }

    static func boolean(_ path: String, _ help: String, _ set: @escaping @Sendable (inout AccordConfiguration, Bool) -> Void) -> Self {
        Self(path: path, kind: .boolean, help: help) { config, value in if case .boolean(let flag) = value { set(&config, flag) } }
    }

    static func list(_ path: String, _ help: String, _ set: @escaping @Sendable (inout AccordConfiguration, [String]) -> Void) -> Self {
        Self(path: path, kind: .list, help: help) { config, value in if case .list(let items) = value { set(&config, items) } }
    }
}
