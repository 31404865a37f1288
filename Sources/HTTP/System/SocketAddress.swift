#if canImport(Glibc)
import Glibc
import CSystem
#endif

/// Formatting and resolution of IPv4/IPv6 socket addresses.
enum SocketAddress {
    /// "1.2.3.4" / "::1" and the port of a `sockaddr_storage`.
    static func describe(_ storage: UnsafePointer<sockaddr_storage>) -> (address: String, port: Int) {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        switch Int32(storage.pointee.ss_family) {
        case AF_INET:
            return storage.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { address in
                var inAddress = address.pointee.sin_addr
                inet_ntop(AF_INET, &inAddress, &text, socklen_t(text.count))
                return (stringFrom(text), Int(UInt16(bigEndian: address.pointee.sin_port)))
            }
        case AF_INET6:
            return storage.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { address in
                var inAddress = address.pointee.sin6_addr
                inet_ntop(AF_INET6, &inAddress, &text, socklen_t(text.count))
                var result = stringFrom(text)
                // Show IPv4 clients of a dual-stack socket as plain IPv4.
                if result.hasPrefix("::ffff:") && result.contains(".") { result.removeFirst(7) }
                return (result, Int(UInt16(bigEndian: address.pointee.sin6_port)))
            }
        default:
            return ("unknown", 0)
        }
    }

    static func stringFrom(_ text: [CChar]) -> String {
        let bytes = text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// "host:port", bracketing IPv6 addresses.
    static func join(_ address: String, _ port: Int) -> String {
        address.contains(":") ? "[\(address)]:\(port)" : "\(address):\(port)"
    }
}
