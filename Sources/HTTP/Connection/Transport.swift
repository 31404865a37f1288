#if canImport(Glibc)
import Glibc
#endif

/// How a connection moves bytes: plain socket calls, or through its TLS session.
/// The rest of the engine only sees `receive` and `send`.
struct Transport {
    let fd: Int32
    /// Set once the first byte shows a TLS ClientHello on a TLS listener.
    var tls: TLSSession?
    /// A send failed (reset, EPIPE): the connection is reported to its state machine as failed.
    var failed = false

    mutating func receive(into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> IOResult {
        if let tls { return try tls.read(into: buffer) }
        return try Syscall.read(fd, into: buffer)
    }

    mutating func send(_ vectors: UnsafePointer<iovec>, count: Int32) throws(SystemError) -> IOResult {
        if let tls { return try tls.write(vectors, count: count) }
        return try Syscall.writev(fd, vectors, count: count)
    }
}
