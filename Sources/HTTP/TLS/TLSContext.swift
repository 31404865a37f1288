#if canImport(Glibc)
import Glibc
#endif
import COpenSSL

/// A server-side OpenSSL context: certificate chain and key loaded and checked, TLS 1.2
/// minimum, ALPN `http/1.1`, no compression or renegotiation, server cipher preference.
///
/// Created once at startup; shared read-only by every loop (OpenSSL contexts are thread-safe
/// once configured).
public final class TLSContext: @unchecked Sendable {
    // @unchecked Sendable: the SSL_CTX is configured in init and never mutated afterwards.
    let context: OpaquePointer
    /// What an operator should fix that does not stop the context: an expired or not yet valid
    /// certificate, a key file others may read. Logged at start-up and on each reload.
    public let warnings: [String]

    /// Why a context could not be built; always names the file involved.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let file: String
        public let reason: String
        public var description: String { "\(file): \(reason)" }
    }

    public init(configuration: TLSConfiguration) throws(Failure) {
        for path in [configuration.certificatePath, configuration.keyPath] where access(path, R_OK) != 0 {
            throw Failure(file: path, reason: "cannot read the file (\(String(cString: strerror(errno))))")
        }
        guard let method = TLS_server_method(), let context = SSL_CTX_new(method) else {
            throw Failure(file: configuration.certificatePath, reason: "cannot create an OpenSSL context: \(Self.lastError())")
        }
        self.context = context
        _ = accord_SSL_CTX_set_min_proto_version(context, accord_TLS1_2_VERSION())
        _ = accord_SSL_CTX_set_options(context, accord_SSL_OP_defaults())
        _ = accord_SSL_CTX_set_mode(context, accord_SSL_MODE_defaults())
        // TLS 1.2 suites: forward secrecy and AEAD only. TLS 1.3 suites are OpenSSL's defaults.
        _ = SSL_CTX_set_cipher_list(context, "ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL:!eNULL:!MD5:!RC4:!3DES")
        accord_SSL_CTX_use_alpn_http11(context)
        accord_SSL_CTX_never_prompt(context)
        guard SSL_CTX_use_certificate_chain_file(context, configuration.certificatePath) == 1 else {
            throw Failure(file: configuration.certificatePath, reason: "not a usable PEM certificate: \(Self.lastError())")
        }
        guard SSL_CTX_use_PrivateKey_file(context, configuration.keyPath, SSL_FILETYPE_PEM) == 1 else {
            let error = Self.lastError()
            // OpenSSL checks the pair while loading the key and reports "key values mismatch".
            if error.contains("mismatch") {
                throw Failure(file: configuration.keyPath, reason: "the key does not match the certificate \(configuration.certificatePath)")
            }
            if Self.isEncrypted(configuration.keyPath) {
                throw Failure(file: configuration.keyPath, reason: "the key is encrypted with a passphrase, and Accord never asks for one: "
                    + "give it the key decrypted (openssl pkey -in KEY -out PLAIN), readable only by its user")
            }
            throw Failure(file: configuration.keyPath, reason: "not a usable PEM private key: \(error)")
        }
        guard SSL_CTX_check_private_key(context) == 1 else {
            throw Failure(file: configuration.keyPath, reason: "the key does not match the certificate \(configuration.certificatePath)")
        }
        var warnings: [String] = []
        switch accord_SSL_CTX_certificate_validity(context) {
        case -1: warnings.append("\(configuration.certificatePath): the certificate has expired; clients will refuse it")
        case 1: warnings.append("\(configuration.certificatePath): the certificate is not valid yet; clients will refuse it")
        default: break
        }
        var status = stat()
        if stat(configuration.keyPath, &status) == 0, status.st_mode & S_IROTH != 0 {
            warnings.append("\(configuration.keyPath): the private key is readable by every user (chmod o-r)")
        }
        self.warnings = warnings
    }

    /// A PEM key written encrypted ("ENCRYPTED PRIVATE KEY", or "Proc-Type: 4,ENCRYPTED").
    static func isEncrypted(_ path: String) -> Bool {
        guard let file = fopen(path, "r") else { return false }
        defer { fclose(file) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = fread(&buffer, 1, buffer.count, file)
        return String(decoding: buffer[..<count], as: UTF8.self).contains("ENCRYPTED")
    }

    deinit { SSL_CTX_free(context) }

    /// A new server session on `fd`, in accept state.
    func session(fd: Int32) -> TLSSession? {
        guard let ssl = SSL_new(context) else { return nil }
        SSL_set_fd(ssl, fd)
        SSL_set_accept_state(ssl)
        return TLSSession(ssl: ssl)
    }

    static func lastError() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        accord_ERR_text(&buffer, buffer.count)
        let text = SocketAddress.stringFrom(buffer)
        return text.isEmpty ? "unknown OpenSSL error" : text
    }
}
