#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
import COpenSSL
@testable import HTTP
import TestSupport

/// A throwaway self-signed certificate for localhost/127.0.0.1, made with the openssl CLI. A test
/// removes it when done (`defer { certificate.remove() }`).
struct ThrowawayCertificate {
    let directory: String
    var certificate: String { directory + "/cert.pem" }
    var key: String { directory + "/key.pem" }

    init() throws {
        directory = NSTemporaryDirectory() + "accord-tls-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let status = try run("/usr/bin/openssl", [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", directory + "/key.pem", "-out", directory + "/cert.pem", "-days", "1",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
        ]).status
        guard status == 0 else {
            try? FileManager.default.removeItem(atPath: directory)
            throw RawClient.Failure(description: "openssl req failed")
        }
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }
}

/// Runs a program; returns its exit status and standard output.
@discardableResult
func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

@Suite("TLS through OpenSSL", .serialized)
struct TLSTests {
    func startTLSServer(
        _ certificate: ThrowawayCertificate, configure: (inout ServerConfiguration) -> Void = { _ in },
        responder: any HTTPResponder = TestServer.echo
    ) throws -> TestServer {
        let context = try TLSContext(configuration: TLSConfiguration(certificatePath: certificate.certificate, keyPath: certificate.key))
        return try TestServer(configure: configure, responder: responder, tls: context)
    }

    @Test func curlSpeaksHTTPSWithKeepAliveAndHead() throws {
        let certificate = try ThrowawayCertificate()
        defer { certificate.remove() }
        let server = try startTLSServer(certificate)
        let base = "https://localhost:\(server.port)"
        let twice = try run("/usr/bin/curl", [
            "-sS", "--cacert", certificate.certificate, "-w", "%{http_code} %{num_connects}\n",
            "\(base)/one", "-o", "/dev/null", "\(base)/two", "-o", "/dev/null",
        ])
        #expect(twice.status == 0)
        // Two 200s over one TLS connection: the second reused it (0 new connects).
        #expect(twice.output == "200 1\n200 0\n")
        let body = try run("/usr/bin/curl", ["-sS", "--cacert", certificate.certificate, "\(base)/path?x=1"])
        #expect(body.output.contains("\"path\":\"/path\""))
        let head = try run("/usr/bin/curl", ["-sS", "-I", "--cacert", certificate.certificate, "\(base)/head"])
        #expect(head.output.hasPrefix("HTTP/1.1 200"))
        #expect(head.output.lowercased().contains("content-length:"))
        let tls10 = try run("/usr/bin/curl", ["-sS", "--cacert", certificate.certificate, "--tls-max", "1.1", "\(base)/"])
        #expect(tls10.status != 0, "TLS 1.1 must be refused")
    }

    @Test func aCachedBodyIsEncryptedFromItsBytesNeverSentFromItsMemoryFile() throws {
        let shared = SharedBody((0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 % 251) })
        let certificate = try ThrowawayCertificate()
        defer { certificate.remove() }
        let server = try startTLSServer(certificate, responder: ClosureResponder { _ in HTTPResponse(shared: shared) })
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("accord-tls-body-\(server.port)")
        defer { try? FileManager.default.removeItem(at: output) }
        let fetched = try run("/usr/bin/curl", [
            "-sS", "--cacert", certificate.certificate, "https://localhost:\(server.port)/a", "-o", "/dev/null",
            "https://localhost:\(server.port)/b", "-o", output.path,
        ])
        #expect(fetched.status == 0)
        #expect(try Data(contentsOf: output) == Data(shared.bytes))
        #expect(!shared.hasFile, "sendfile cannot carry TLS records: the bytes are encrypted instead")
    }

    @Test func plainHTTPToTheTLSPortIsRejectedCleanly() throws {
        let certificate = try ThrowawayCertificate()
        defer { certificate.remove() }
        let server = try startTLSServer(certificate)
        let client = try server.client()
        try client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 400)
        #expect(response.text.contains("HTTPS"))
        #expect(client.isClosedByPeer())
    }

    /// A client that ends its side of TCP after its request, without close_notify (as HTTP/1.0
    /// style clients and some scripts do), gets the response and then a clean TLS close, not a
    /// fatal alert after it (OpenSSL 3 treats such an EOF as an error unless told otherwise).
    @Test func aClientHalfClosingAfterItsRequestGetsItsResponseThenACleanClose() throws {
        let certificate = try ThrowawayCertificate()
        defer { certificate.remove() }
        let server = try startTLSServer(certificate)
        let client = try server.client()
        let context = try #require(SSL_CTX_new(TLS_client_method()))
        defer { SSL_CTX_free(context) }
        let ssl = try #require(SSL_new(context))
        defer { SSL_free(ssl) }
        SSL_set_fd(ssl, client.fd)
        try #require(SSL_connect(ssl) == 1)
        let request = Array("GET /half HTTP/1.1\r\nHost: t\r\n\r\n".utf8)
        #expect(SSL_write(ssl, request, Int32(request.count)) == Int32(request.count))
        _ = Glibc.shutdown(client.fd, Int32(SHUT_WR))
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        var ending: Int32 = 0
        while true {
            let count = SSL_read(ssl, &buffer, Int32(buffer.count))
            guard count > 0 else {
                ending = SSL_get_error(ssl, count)
                break
            }
            received += buffer[..<Int(count)]
        }
        #expect(String(decoding: received, as: UTF8.self).hasPrefix("HTTP/1.1 200"))
        #expect(String(decoding: received, as: UTF8.self).contains("\"path\":\"/half\""))
        #expect(ending == SSL_ERROR_ZERO_RETURN, "the server's close_notify ends the stream, not an alert")
    }

    @Test func aStalledHandshakeDoesNotBlockOthersAndTimesOut() throws {
        let certificate = try ThrowawayCertificate()
        defer { certificate.remove() }
        let server = try startTLSServer(certificate) {
            $0.timeouts.handshake = 2
            $0.threads = 1
        }
        let stalled = try server.client(timeout: 3)
        try stalled.send([0x16, 0x03, 0x01])  // the start of a ClientHello, then silence
        let started = Date()
        let other = try run("/usr/bin/curl", ["-sS", "--cacert", certificate.certificate, "-o", "/dev/null",
                                              "-w", "%{http_code}", "https://localhost:\(server.port)/"])
        #expect(other.output == "200")
        // Served while the staller still holds its handshake (timeout 2 s).
        #expect(Date().timeIntervalSince(started) < 1.5)
        #expect(stalled.isClosedByPeer())
    }

    @Test func badFilesAreErrorsNamingTheFile() throws {
        let certificate = try ThrowawayCertificate()
        defer { certificate.remove() }
        let other = try ThrowawayCertificate()
        defer { other.remove() }
        #expect(throws: TLSContext.Failure.self) {
            try TLSContext(configuration: TLSConfiguration(certificatePath: "/nonexistent.pem", keyPath: certificate.key))
        }
        do {
            _ = try TLSContext(configuration: TLSConfiguration(certificatePath: certificate.certificate, keyPath: other.key))
            Issue.record("a key that does not match must be refused")
        } catch {
            #expect(error.file == other.key)
            #expect(error.reason.contains("does not match"))
        }
        do {
            _ = try TLSContext(configuration: TLSConfiguration(certificatePath: certificate.key, keyPath: certificate.key))
            Issue.record("a key is not a certificate")
        } catch {
            #expect(error.file == certificate.key)
        }
    }

    /// An encrypted key is refused with the reason, never by prompting for a passphrase (which
    /// blocked start-up, or a SIGHUP reload, reading standard input); a key every user can read
    /// is a warning.
    @Test func anEncryptedKeyIsRefusedAndAnOpenKeyIsAWarning() throws {
        let certificate = try ThrowawayCertificate()
        defer { certificate.remove() }
        let encrypted = certificate.directory + "/encrypted.pem"
        #expect(try run("/usr/bin/openssl", ["pkey", "-in", certificate.key, "-aes128", "-passout", "pass:secret", "-out", encrypted]).status == 0)
        do {
            _ = try TLSContext(configuration: TLSConfiguration(certificatePath: certificate.certificate, keyPath: encrypted))
            Issue.record("an encrypted key must be refused")
        } catch {
            #expect(error.file == encrypted)
            #expect(error.reason.contains("encrypted with a passphrase"))
        }
        chmod(certificate.key, 0o600)
        #expect(try TLSContext(configuration: TLSConfiguration(certificatePath: certificate.certificate, keyPath: certificate.key)).warnings.isEmpty)
        chmod(certificate.key, 0o644)
        let warnings = try TLSContext(configuration: TLSConfiguration(certificatePath: certificate.certificate, keyPath: certificate.key)).warnings
        #expect(warnings == ["\(certificate.key): the private key is readable by every user (chmod o-r)"])
    }

    /// Certificate rotation without a restart: a good new pair serves new connections; a bad
    /// one is refused and the old pair keeps serving.
    @Test func reloadingTheCertificateSwapsItForNewConnectionsAndRefusesABadPair() throws {
        let first = try ThrowawayCertificate()
        defer { first.remove() }
        let second = try ThrowawayCertificate()
        defer { second.remove() }
        let server = try startTLSServer(first)
        let base = "https://localhost:\(server.port)/rotated"
        #expect(try run("/usr/bin/curl", ["-sS", "-o", "/dev/null", "--cacert", first.certificate, base]).status == 0)
        try server.server.reloadTLS(TLSConfiguration(certificatePath: second.certificate, keyPath: second.key))
        #expect(try run("/usr/bin/curl", ["-sS", "-o", "/dev/null", "--cacert", second.certificate, base]).status == 0)
        #expect(try run("/usr/bin/curl", ["-sS", "-o", "/dev/null", "--cacert", first.certificate, base]).status != 0)
        // A key that does not belong to the certificate: refused, and the second pair stays.
        #expect(throws: TLSContext.Failure.self) {
            try server.server.reloadTLS(TLSConfiguration(certificatePath: second.certificate, keyPath: first.key))
        }
        #expect(try run("/usr/bin/curl", ["-sS", "-o", "/dev/null", "--cacert", second.certificate, base]).status == 0)
    }
}
