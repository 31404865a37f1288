#if canImport(Glibc)
import Glibc
#endif
import API
import Foundation
@testable import HTTP
import Locking
import Testing

@Suite("Configuration sources and errors")
struct ConfigurationTests {
    func write(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "accord-config-\(UUID().uuidString).json"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func theShippedConfigFileEqualsTheBuiltInDefaults() throws {
        let shipped = URL(fileURLWithPath: repositorySeeds).deletingLastPathComponent().appendingPathComponent("config/accord.json").path
        let loaded = try ConfigurationLoader.load(file: shipped, environment: [:], flags: [])
        let defaults = try AccordConfiguration().validated()
        #expect(loaded.server.host == defaults.server.host)
        #expect(loaded.server.port == defaults.server.port)
        #expect(loaded.server.threads == defaults.server.threads)
        #expect(loaded.server.limits == defaults.server.limits)
        #expect(loaded.server.timeouts == defaults.server.timeouts)
        #expect(loaded.server.maxConnections == defaults.server.maxConnections)
        #expect(loaded.server.maxConnectionsPerClient == defaults.server.maxConnectionsPerClient)
        #expect(loaded.server.maxRequestsPerConnection == defaults.server.maxRequestsPerConnection)
        #expect(loaded.server.maxPendingWriteBytes == defaults.server.maxPendingWriteBytes)
        #expect(loaded.server.maxPendingReadBytes == defaults.server.maxPendingReadBytes)
        #expect(loaded.maxArticleBytes == defaults.maxArticleBytes && loaded.maxResponseBytes == defaults.maxResponseBytes)
        #expect(loaded.server.drainSeconds == defaults.server.drainSeconds)
        #expect(loaded.server.accessLogEnabled == defaults.server.accessLogEnabled)
        #expect(loaded.corsOrigins == defaults.corsOrigins)
        #expect(loaded.logLevel == defaults.logLevel && loaded.logFormat == defaults.logFormat)
        #expect(loaded.server.tls == nil)
    }

    @Test func laterSourcesWin() throws {
        let file = try write(#"{"port": 9001, "host": "127.0.0.1", "timeouts": {"idle": 5}, "log": {"level": "debug"}}"#)
        defer { unlink(file) }
        let fileOnly = try ConfigurationLoader.load(file: file, environment: [:], flags: [])
        #expect(fileOnly.server.port == 9001 && fileOnly.server.host == "127.0.0.1" && fileOnly.server.timeouts.idle == 5)
        let withEnvironment = try ConfigurationLoader.load(
            file: file, environment: ["ACCORD_PORT": "9002", "ACCORD_TIMEOUTS_IDLE": "7", "PATH": "/bin"], flags: []
        )
        #expect(withEnvironment.server.port == 9002 && withEnvironment.server.timeouts.idle == 7)
        #expect(withEnvironment.server.host == "127.0.0.1")
        let withFlags = try ConfigurationLoader.load(
            file: file, environment: ["ACCORD_PORT": "9002"], flags: [("--port", "port", "9003")]
        )
        #expect(withFlags.server.port == 9003)
        #expect(withFlags.logLevel == "debug")
        let defaults = try ConfigurationLoader.load(file: nil, environment: [:], flags: [])
        #expect(defaults.server.port == 8080)
    }

    @Test func everySettingHasAnEnvironmentVariable() throws {
        let configuration = try ConfigurationLoader.load(file: nil, environment: [
            "ACCORD_LIMITS_MAX_BODY_BYTES": "2048", "ACCORD_CORS_ALLOWED_ORIGINS": "https://a.example, https://b.example",
            "ACCORD_TRUSTED_PROXIES": "10.0.0.0/8,::1", "ACCORD_LOG_ACCESS": "false", "ACCORD_THREADS": "3",
        ], flags: [])
        #expect(configuration.server.limits.maxBodyBytes == 2048)
        #expect(configuration.corsOrigins == ["https://a.example", "https://b.example"])
        #expect(configuration.server.trustedProxies.count == 2)
        #expect(configuration.server.accessLogEnabled == false)
        #expect(configuration.server.threads == 3)
    }

    @Test(arguments: [
        (#"{"port": 8080, "colour": "red"}"#, ":1:16", "unknown key 'colour'"),
        ("{\n  \"limits\": {\n    \"maxBodyBytes\": \"big\"\n  }\n}", ":3:21", "limits.maxBodyBytes must be an integer"),
        ("{\n  \"port\": 70000\n}", ":2:11", "port must be an integer from 0 to 65535"),
        (#"{"timeouts": {"idel": 3}}"#, ":1:15", "unknown key 'timeouts.idel'"),
        (#"{"log": {"level": "loud"}}"#, ":1:19", "log.level must be one of"),
        (#"{"trustedProxies": ["10.0.0.0/33"]}"#, ":1:20", "'10.0.0.0/33' is not an IP address or CIDR"),
        (#"{"port": 80,}"#, ":1:13", "invalid JSON"),
        ("{\"cors\": {\"allowedOrigins\": [\"https://a.example\\r\\nSet-Cookie: x=1\"]}}", ":1:29", "is not an origin"),
        (#"{"cors": {"allowedOrigins": ["https://a.example, https://b.example"]}}"#, ":1:29", "is not an origin"),
        (#"{"cors": {"allowedOrigins": ["a.example"]}}"#, ":1:29", "is not an origin"),
    ])
    func fileErrorsNameTheLineColumnAndProblem(_ text: String, _ position: String, _ message: String) throws {
        let file = try write(text)
        defer { unlink(file) }
        do {
            _ = try ConfigurationLoader.load(file: file, environment: [:], flags: [])
            Issue.record("expected an error for \(text)")
        } catch {
            #expect(error.source.hasPrefix(file + position), "\(error)")
            #expect(error.message.contains(message), "\(error)")
        }
    }

    @Test func headerUnsafeOriginsFromTheEnvironmentAreRefusedAndCatchAllProxiesWarned() throws {
        do {
            _ = try ConfigurationLoader.load(file: nil, environment: ["ACCORD_CORS_ALLOWED_ORIGINS": "https://a.example\r\nX-Evil: 1"], flags: [])
            Issue.record("a CR LF in an origin must be refused")
        } catch {
            #expect(error.source == "environment ACCORD_CORS_ALLOWED_ORIGINS")
            #expect(error.message.contains("\\u{d}\\u{a}"), "\(error)")
        }
        let good = try ConfigurationLoader.load(
            file: nil, environment: ["ACCORD_CORS_ALLOWED_ORIGINS": "https://a.example,http://localhost:3000"], flags: [])
        #expect(good.corsOrigins == ["https://a.example", "http://localhost:3000"])
        #expect(good.warnings.isEmpty)
        let open = try ConfigurationLoader.load(file: nil, environment: ["ACCORD_TRUSTED_PROXIES": "10.0.0.0/8,0.0.0.0/0"], flags: [])
        #expect(open.warnings.count == 1)
        #expect(open.warnings.first?.contains("0.0.0.0/0") == true)
        let openV6 = try ConfigurationLoader.load(file: nil, environment: ["ACCORD_TRUSTED_PROXIES": "::/0"], flags: [])
        #expect(openV6.warnings.count == 1)
    }

    @Test func maxConnectionsFitsTheOpenFileLimit() {
        #expect(HTTPServer.connectionsFitting(descriptors: 256) == 176)
        #expect(HTTPServer.connectionsFitting(descriptors: 1024) == 896)
        #expect(HTTPServer.connectionsFitting(descriptors: 64) == 44)
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        var configuration = ServerConfiguration()
        configuration.maxConnections = 1_000_000_000
        let logged = Locked<[String]>([])
        let server = HTTPServer(configuration: configuration, responder: ClosureResponder { _ in HTTPResponse() },
                                diagnostics: { _, message in logged.withLock { $0.append(message) } })
        #expect(server.maxConnections < Int(clamping: limit.rlim_max))
        #expect(logged.withLock { $0 }.contains { $0.contains("maxConnections lowered") })
    }

    @Test func missingFilesUnknownVariablesAndBadFlagsAreErrors() {
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.load(file: "/nonexistent/accord.json", environment: [:], flags: []) }
        do {
            _ = try ConfigurationLoader.load(file: nil, environment: ["ACCORD_PROT": "1"], flags: [])
            Issue.record("an unknown ACCORD_ variable must be refused")
        } catch {
            #expect(error.source == "environment ACCORD_PROT")
        }
        do {
            _ = try ConfigurationLoader.load(file: nil, environment: [:], flags: [("--port", "port", "http")])
            Issue.record("a bad flag value must be refused")
        } catch {
            #expect(error.source == "--port")
        }
        do {
            _ = try ConfigurationLoader.load(file: nil, environment: [:], flags: [("--tls-cert", "tls.certificate", "/tmp/c.pem")])
            Issue.record("a certificate without a key must be refused")
        } catch {
            #expect(error.message.contains("together"))
        }
    }
}
