#if canImport(Glibc)
import Glibc
#endif
import API
import ArgumentParser
import COpenSSL
import HTTP

/// `accord healthcheck`: for container HEALTHCHECKs without curl. Sends `GET /healthz` to the
/// local server and exits 0 on a 200, 1 otherwise. It reads the same configuration as `serve`
/// (file, `ACCORD_*`), so it asks the port the server listens on and speaks TLS when the server
/// does; a configuration `serve` would refuse (a malformed `ACCORD_PORT`) is refused here too (2).
struct Healthcheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Exit 0 if the local server answers GET /healthz with 200 (for container health checks)."
    )

    @Option(help: "Host to ask.")
    var host = "127.0.0.1"

    @Option(help: "Port to ask (default: the configured port: --config, ACCORD_PORT, or 8080).")
    var port: Int?

    @Option(help: "JSON configuration file, as given to serve.")
    var config: String?

    @Flag(inversion: .prefixedNo, help: "Speak TLS (default: when the configuration has a certificate).")
    var tls: Bool?

    @Option(help: "Path to request.")
    var path = "/healthz"

    @Option(help: "Seconds to wait for the answer.")
    var timeout: Double = 2

    func run() throws {
        let settings: AccordConfiguration
        do throws(ConfigurationError) {
            settings = try ConfigurationLoader.load(file: config, environment: ProcessEnvironment.variables(), flags: [])
        } catch {
            UTCTimestamp.writeToStandardError("accord healthcheck: configuration error: \(error)")
            throw ExitCode(2)
        }
        let target = port ?? settings.server.port
        let secure = tls ?? (settings.server.tls != nil)
        let status = HealthProbe.status(host: host, port: target, path: path, timeout: timeout, tls: secure)
        guard status == 200 else {
            UTCTimestamp.writeToStandardError(
                "unhealthy: \(status.map { "status \($0)" } ?? "no answer") from \(secure ? "https" : "http")://\(host):\(target)\(path)")
            throw ExitCode(1)
        }
        print("healthy")
    }
}

enum HealthProbe {
    /// The status code of `GET path`, or nil if there was no well-formed answer in time.
    /// Over TLS the certificate is not verified: the probe asks its own server on loopback
    /// and wants to know that it answers, not who it is.
    static func status(host: String, port: Int, path: String, timeout: Double, tls: Bool = false) -> Int? {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let info = list?.pointee else { return nil }
        defer { freeaddrinfo(list) }
        let fd = socket(info.ai_family, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var interval = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        guard connect(fd, info.ai_addr, info.ai_addrlen) == 0 else { return nil }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: \(host.contains(":") ? "[\(host)]" : host)\r\nConnection: close\r\n\r\n".utf8)
        var buffer = [UInt8](repeating: 0, count: 64)
        let count: Int
        if tls {
            guard let context = SSL_CTX_new(TLS_client_method()) else { return nil }
            defer { SSL_CTX_free(context) }
            SSL_CTX_set_verify(context, SSL_VERIFY_NONE, nil)
            guard let session = SSL_new(context) else { return nil }
            defer { SSL_free(session) }
            guard SSL_set_fd(session, fd) == 1, SSL_connect(session) == 1 else { return nil }
            guard request.withUnsafeBytes({ SSL_write(session, $0.baseAddress, Int32($0.count)) }) == Int32(request.count) else { return nil }
            count = Int(buffer.withUnsafeMutableBytes { SSL_read(session, $0.baseAddress, Int32($0.count)) })
        } else {
            guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == request.count else { return nil }
            count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        }
        guard count >= 12 else { return nil }
        let line = String(decoding: buffer[0..<count], as: UTF8.self)
        guard line.hasPrefix("HTTP/1.") else { return nil }
        return Int(line.dropFirst(9).prefix(3))
    }
}
