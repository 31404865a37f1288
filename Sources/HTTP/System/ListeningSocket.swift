#if canImport(Glibc)
import Glibc
import CSystem
#endif

/// A non-blocking listening TCP socket.
///
/// Every event loop gets its own socket bound to the same address with `SO_REUSEPORT`,
/// so the kernel spreads incoming connections across loops without a shared accept lock.
struct ListeningSocket {
    let fd: Int32
    let port: Int

    /// Binds `host:port` (port 0 picks an ephemeral port; pass the chosen port to the next
    /// loops). `::` listens dual-stack on IPv6 and IPv4.
    static func bind(host: String, port: Int, backlog: Int32 = 4096) throws(SystemError) -> ListeningSocket {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw SystemError(call: "getaddrinfo(\(host)): \(String(cString: gai_strerror(status)))", code: EINVAL)
        }
        defer { freeaddrinfo(list) }
        let info = first.pointee
        let fd = socket(info.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SystemError(call: "socket") }
        do throws(SystemError) {
            try Syscall.setOption(fd, SOL_SOCKET, SO_REUSEADDR, 1)
            try Syscall.setOption(fd, SOL_SOCKET, SO_REUSEPORT, 1)
            if info.ai_family == AF_INET6 {
                try Syscall.setOption(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, 0)
            }
            // Accepted sockets inherit TCP_NODELAY: responses go out in one segment, no Nagle delay.
            try Syscall.setOption(fd, Int32(IPPROTO_TCP), TCP_NODELAY, 1)
            guard Glibc.bind(fd, info.ai_addr, info.ai_addrlen) == 0 else {
                throw SystemError(call: "bind(\(SocketAddress.join(host, port)))")
            }
            guard listen(fd, backlog) == 0 else { throw SystemError(call: "listen") }
            var storage = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            _ = withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
            }
            let bound = withUnsafePointer(to: &storage) { SocketAddress.describe($0) }
            return ListeningSocket(fd: fd, port: bound.port)
        } catch {
            Syscall.close(fd)
            throw error
        }
    }
}
