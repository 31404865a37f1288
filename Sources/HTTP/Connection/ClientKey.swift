/// Who counts as one client for `maxConnectionsPerClient`: an IPv4 address, or the /64
/// network of an IPv6 address (one subscriber usually holds a whole /64, so counting single
/// IPv6 addresses would let one client take every slot). IPv4-mapped IPv6 counts as IPv4.
enum ClientKey {
    static func of(_ address: String) -> String {
        guard let bytes = CIDR.parseAddress(address) else { return address }
        if bytes.count == 4 { return address }
        if bytes.prefix(12) == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF] {
            return bytes.suffix(4).map(String.init).joined(separator: ".")
        }
        var key = ""
        for index in stride(from: 0, to: 8, by: 2) {
            let group = UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
            key += String(group, radix: 16) + ":"
        }
        return key + ":/64"
    }
}
