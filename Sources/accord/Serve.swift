import API
import ArgumentParser
import Dispatch
import HTTP
import Logging
import Store

/// `accord serve`: load the seeds, start the engine, serve until SIGTERM/SIGINT; SIGHUP reloads.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the API (defaults < --config file < ACCORD_* environment < flags)."
    )

    @Option(help: "Address to bind: 0.0.0.0 (IPv4), :: (IPv6 and IPv4), 127.0.0.1 ... (default 0.0.0.0)")
    var host: String?

    @Option(help: "TCP port; 0 picks a free one (default 8080).")
    var port: String?

    @Option(help: "Seeds directory (default: the seeds/ beside the binary).")
    var seeds: String?

    @Option(name: .customLong("public-url"), help: "The URL clients use (https://api.example.org/accord); all links are built from it.")
    var publicURL: String?

    @Option(help: "Serve the explorer from this directory (a development copy) instead of the web/ beside the binary.")
    var web: String?

    @Option(help: "JSON configuration file (see config/accord.json).")
    var config: String?

    @Option(help: "Event-loop threads; 0 = one per usable CPU: affinity mask and cgroup quota (default 0).")
    var threads: String?

    @Option(name: .customLong("tls-cert"), help: "PEM certificate: serve HTTPS (with --tls-key).")
    var tlsCertificate: String?

    @Option(name: .customLong("tls-key"), help: "PEM private key for --tls-cert.")
    var tlsKey: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error, critical (default info).")
    var logLevel: String?

    @Option(name: .customLong("log-format"), help: "Diagnostics on stderr as json or text (default json).")
    var logFormat: String?

    @Flag(name: .customLong("no-access-log"), help: "Do not write the per-request JSON access log to stdout.")
    var noAccessLog = false

    @Flag(help: "Refuse to start if any article file cannot be read.")
    var strict = false

    func run() throws {
        // A reader that stops reading our logs must never stop the server (or its signals).
        StandardStreams.makeNonBlocking()
        let configuration: AccordConfiguration
        do throws(ConfigurationError) {
            configuration = try ConfigurationLoader.load(
                file: config, environment: ProcessEnvironment.variables(), flags: flags()
            )
        } catch {
            UTCTimestamp.writeToStandardError("accord: configuration error: \(error)")
            throw ExitCode(2)
        }
        DiagnosticsLog.bootstrap(level: configuration.logLevel, format: configuration.logFormat)
        let logger = Logger(label: "accord")
        for warning in configuration.warnings { logger.warning("\(warning)") }
        if !configuration.ignoredEnvironment.isEmpty {
            logger.info("ignored Kubernetes service-link variables (set enableServiceLinks: false to drop them)",
                        metadata: ["variables": "\(configuration.ignoredEnvironment.joined(separator: ","))"])
        }
        let runner = ServerRunner(configuration: configuration, logger: logger, webDirectory: web)
        try runner.run()
    }

    /// Flags given on the command line, as settings paths, so they validate like every other source.
    func flags() -> [ConfigurationLoader.Flag] {
        var flags: [ConfigurationLoader.Flag] = []
        func add(_ flag: String, _ path: String, _ value: String?) {
            if let value { flags.append((flag, path, value)) }
        }
        add("--host", "host", host)
        add("--port", "port", port)
        add("--seeds", "seeds", seeds)
        add("--public-url", "publicUrl", publicURL)
        add("--threads", "threads", threads)
        add("--tls-cert", "tls.certificate", tlsCertificate)
        add("--tls-key", "tls.key", tlsKey)
        add("--log-level", "log.level", logLevel)
        add("--log-format", "log.format", logFormat)
        if noAccessLog { add("--no-access-log", "log.access", "false") }
        if strict { add("--strict", "strict", "true") }
        return flags
    }
}
