#if canImport(Glibc)
import Glibc
#endif

/// How a connection moves bytes: plain socket calls, or through its TLS session.
/// The rest of the engine only sees `receive`, `send` and `sendFile`.
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

    /// `more`: the next bytes of this response follow at once (from ``sendFile(_:offset:count:)``).
    mutating func send(_ vectors: UnsafePointer<iovec>, count: Int32, more: Bool = false) throws(SystemError) -> IOResult {
        if let tls { return try tls.write(vectors, count: count) }
        if more { return try Syscall.sendmsg(fd, vectors, count: count, flags: Int32(MSG_MORE)) }
        return try Syscall.writev(fd, vectors, count: count)
    }

    /// Sends part of a memory file without copying it through user memory; plain sockets only
    /// (a TLS connection is never given a file chunk).
    func sendFile(_ descriptor: Int32, offset: Int, count: Int) throws(SystemError) -> IOResult {
        precondition(tls == nil, "sendfile on a TLS connection")
        return try Syscall.sendFile(fd, descriptor, offset: offset, count: count)
    }
}
