#if canImport(Glibc)
import Glibc
import CSystem
#endif
import COpenSSL

/// One connection's TLS state. Owned by its connection, on its loop's thread.
///
/// The handshake runs non-blocking on the same event loop as everything else: each step
/// either finishes or reports whether it waits to read or to write.
final class TLSSession {
    let ssl: OpaquePointer
    private(set) var isEstablished = false
    /// The handshake (or a read) needs the socket to become writable before it can go on.
    private(set) var wantsWrite = false

    enum Progress {
        case done, wantRead, wantWrite
        case failed
    }

    init(ssl: OpaquePointer) { self.ssl = ssl }

    deinit { SSL_free(ssl) }

    func handshake() -> Progress {
        let result = SSL_do_handshake(ssl)
        if result == 1 {
            isEstablished = true
            wantsWrite = false
            return .done
        }
        return progress(for: result)
    }

    func progress(for result: Int32) -> Progress {
        switch SSL_get_error(ssl, result) {
        case SSL_ERROR_WANT_READ:
            wantsWrite = false
            return .wantRead
        case SSL_ERROR_WANT_WRITE:
            wantsWrite = true
            return .wantWrite
        default:
            ERR_clear_error()
            return .failed
        }
    }

    /// Decrypted bytes; `.processed(0)` when the peer closed the TLS session.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> IOResult {
        let count = SSL_read(ssl, buffer.baseAddress, Int32(clamping: buffer.count))
        if count > 0 { return .processed(Int(count)) }
        let code = SSL_get_error(ssl, count)
        switch code {
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
            wantsWrite = code == SSL_ERROR_WANT_WRITE
            return .wouldBlock
        case SSL_ERROR_ZERO_RETURN:
            return .processed(0)
        default:
            ERR_clear_error()
            throw SystemError(call: "SSL_read", code: ECONNRESET)
        }
    }

    /// Encrypts and sends the vectors in order; partial progress is reported as bytes taken.
    func write(_ vectors: UnsafePointer<iovec>, count: Int32) throws(SystemError) -> IOResult {
        var total = 0
        for index in 0..<Int(count) {
            let vector = vectors[index]
            var offset = 0
            while offset < vector.iov_len {
                let pointer = vector.iov_base.map { UnsafeRawPointer($0) + offset }
                let written = SSL_write(ssl, pointer, Int32(clamping: vector.iov_len - offset))
                if written > 0 {
                    offset += Int(written)
                    total += Int(written)
                    continue
                }
                let code = SSL_get_error(ssl, written)
                if code == SSL_ERROR_WANT_WRITE || code == SSL_ERROR_WANT_READ {
                    return total > 0 ? .processed(total) : .wouldBlock
                }
                ERR_clear_error()
                throw SystemError(call: "SSL_write", code: EPIPE)
            }
        }
        return .processed(total)
    }

    /// Decrypted bytes OpenSSL holds that epoll cannot see.
    var hasBufferedInput: Bool { SSL_pending(ssl) > 0 }

    /// Sends close_notify once, without waiting for the peer's (a clean TLS close).
    func shutdown() {
        if isEstablished { _ = SSL_shutdown(ssl) }
        ERR_clear_error()
    }
}
