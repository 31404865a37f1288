#if canImport(Glibc)
import Glibc
import CSystem
#endif

/// How a connection moves bytes: plain socket calls, or (with TLS) through an SSL session.
/// The rest of the engine only sees `receive` and `send`.
struct Transport {
    let fd: Int32

    mutating func receive(into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> IOResult {
        try Syscall.read(fd, into: buffer)
    }

    mutating func send(_ vectors: UnsafePointer<iovec>, count: Int32) throws(SystemError) -> IOResult {
        try Syscall.writev(fd, vectors, count: count)
    }
}
