#if canImport(Glibc)
import Glibc
import CSystem
#endif

/// The outcome of a non-blocking I/O call.
enum IOResult: Equatable {
    case processed(Int)
    case wouldBlock
}

/// Thin wrappers for every system call the engine makes.
///
/// Each retries on EINTR, reports EAGAIN/EWOULDBLOCK as `.wouldBlock`, treats EBADF and
/// EFAULT as our own bug (precondition), and throws ``SystemError`` for anything else.
enum Syscall {
    @inline(__always)
    static func check(_ call: String, _ code: Int32 = errno) {
        precondition(code != EBADF && code != EFAULT, "\(call): \(SystemError(call: call, code: code)) — an engine bug")
    }

    /// Runs a non-blocking transfer call: retried on EINTR, EAGAIN/EWOULDBLOCK as `.wouldBlock`,
    /// other failures thrown. The one loop behind `read`, `writev`, `sendmsg` and `sendfile`.
    @inline(__always)
    static func transfer(_ call: String, _ body: () -> Int) throws(SystemError) -> IOResult {
        while true {
            let count = body()
            if count >= 0 { return .processed(count) }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK { return .wouldBlock }
            check(call, code)
            throw SystemError(call: call, code: code)
        }
    }

    static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> IOResult {
        try transfer("read") { Glibc.read(fd, buffer.baseAddress, buffer.count) }
    }

    static func writev(_ fd: Int32, _ vectors: UnsafePointer<iovec>, count: Int32) throws(SystemError) -> IOResult {
        try transfer("writev") { Glibc.writev(fd, vectors, count) }
    }

    /// `writev` with flags (`MSG_MORE`: more of this response follows at once, so the kernel
    /// may hold a short head for the body's first segment).
    static func sendmsg(_ fd: Int32, _ vectors: UnsafePointer<iovec>, count: Int32, flags: Int32) throws(SystemError) -> IOResult {
        var message = msghdr()
        message.msg_iov = UnsafeMutablePointer(mutating: vectors)
        message.msg_iovlen = Int(count)
        return try transfer("sendmsg") { Glibc.sendmsg(fd, &message, flags | Int32(MSG_NOSIGNAL)) }
    }

    /// Sends `count` bytes of `file` from `offset` (the file's own position is untouched, so
    /// loops may share it). A file shorter than asked is an error, not a zero-byte success.
    static func sendFile(_ socket: Int32, _ file: Int32, offset: Int, count: Int) throws(SystemError) -> IOResult {
        var position = off_t(offset)
        let result = try transfer("sendfile") { sendfile(socket, file, &position, count) }
        if result == .processed(0) && count > 0 { throw SystemError(call: "sendfile", code: EIO) }
        return result
    }

    /// Accepts one connection as non-blocking and close-on-exec; nil when none is pending.
    static func accept(_ fd: Int32, address: UnsafeMutablePointer<sockaddr_storage>) throws(SystemError) -> Int32? {
        while true {
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let client = address.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                accord_accept4(fd, $0, &length, Int32(SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue))
            }
            if client >= 0 { return client }
            let code = errno
            // ECONNABORTED: the peer gave up before we accepted; try the next one.
            if code == EINTR || code == ECONNABORTED { continue }
            if code == EAGAIN || code == EWOULDBLOCK { return nil }
            check("accept4", code)
            throw SystemError(call: "accept4", code: code)
        }
    }

    static func close(_ fd: Int32) {
        // Linux releases the descriptor even when close reports EINTR: never retry.
        _ = Glibc.close(fd)
    }

    /// Reads and drops what a socket has received and not been read (at most `rounds` buffers),
    /// without waiting. A socket closed with unread input sends a reset instead of a FIN, and the
    /// reset discards the response still in the send queue before its client reads it (a
    /// pipelined or next request that arrives as the connection ends).
    static func discardUnread(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, rounds: Int = 4) {
        var round = 0
        while round < rounds, recv(fd, buffer.baseAddress, buffer.count, Int32(MSG_DONTWAIT)) > 0 { round += 1 }
    }

    static func setOption(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: Int32) throws(SystemError) {
        var value = value
        if setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size)) != 0 {
            throw SystemError(call: "setsockopt(\(name))")
        }
    }

    /// Monotonic time in nanoseconds (vDSO, no system call on Linux).
    @inline(__always)
    static func monotonicNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
    }

    /// Gives free heap pages back to the system (`malloc_trim`).
    static func trimHeap() {
        _ = accord_malloc_trim()
    }

    /// The soft open-file limit; nil if it cannot be read.
    static func openFileLimit() -> Int? {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return nil }
        return Int(clamping: limit.rlim_cur)
    }

    /// Raises the soft open-file limit to the hard limit; returns the new soft limit.
    @discardableResult
    static func raiseOpenFileLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1024 }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        return Int(clamping: limit.rlim_cur)
    }
}
