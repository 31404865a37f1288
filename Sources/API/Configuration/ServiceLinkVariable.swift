/// The variables Kubernetes injects for every Service in the namespace (unless the pod sets
/// `enableServiceLinks: false`). A Service named `accord` gives `ACCORD_SERVICE_HOST`,
/// `ACCORD_SERVICE_PORT[_NAME]`, `ACCORD_PORT=tcp://10.0.0.11:8080` and
/// `ACCORD_PORT_8080_TCP[_PROTO|_PORT|_ADDR]`; one named `accord-db` gives the same under
/// `ACCORD_DB_`. They share Accord's `ACCORD_` prefix, so they are recognised by their shape
/// and ignored, while a mistyped variable of Accord's own is still an error.
enum ServiceLinkVariable {
    static func matches(name: String, value: String) -> Bool {
        let parts = name.split(separator: "_", omittingEmptySubsequences: false).map(String.init)
        // ..._SERVICE_HOST, ..._SERVICE_PORT, ..._SERVICE_PORT_<PORT NAME>
        if let service = parts.lastIndex(of: "SERVICE"), service >= 1, service + 1 < parts.count {
            let kind = parts[service + 1]
            if kind == "HOST" && service + 2 == parts.count { return true }
            if kind == "PORT" { return true }
        }
        // ..._PORT_<number>_<TCP|UDP|SCTP>[_PROTO|_PORT|_ADDR]
        for index in parts.indices where index >= 1 && parts[index] == "PORT" {
            let rest = Array(parts[(index + 1)...])
            guard rest.count == 2 || rest.count == 3 else { continue }
            let isNumber = !rest[0].isEmpty && rest[0].utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            if isNumber, ["TCP", "UDP", "SCTP"].contains(rest[1]), rest.count == 2 || ["PROTO", "PORT", "ADDR"].contains(rest[2]) {
                return true
            }
        }
        // ..._PORT=tcp://10.0.0.11:8080
        if parts.last == "PORT" {
            for scheme in ["tcp://", "udp://", "sctp://"] where value.hasPrefix(scheme) { return true }
        }
        return false
    }
}
