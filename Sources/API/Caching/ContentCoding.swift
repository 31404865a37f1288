/// A content coding Accord can send (RFC 9110 §8.4): the body as is, gzip, or Brotli.
enum ContentCoding: String, Sendable, CaseIterable {
    case identity, gzip, br

    /// The coding to send for `Accept-Encoding` (RFC 9110 §12.5.3), or nil when the client
    /// refuses identity (`identity;q=0`, or `*;q=0` without identity) and accepts neither gzip
    /// nor br, which is a 406. With no header, or an empty one, identity. Among acceptable
    /// compressed codings the higher q wins, then Brotli (smaller); a compressed coding is
    /// preferred to identity whenever one is acceptable.
    static func negotiate(_ header: String?) -> ContentCoding? {
        guard let header, !header.allSatisfy({ $0 == " " || $0 == "\t" }) else { return .identity }
        var qualities: [String: Double] = [:]
        for element in header.split(separator: ",") {
            let parts = element.split(separator: ";")
            guard let name = parts.first?.trimmingSpaces().lowercased(), !name.isEmpty else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.trimmingSpaces()
                if pair.lowercased().hasPrefix("q=") { quality = Double(pair.dropFirst(2)) ?? 0 }
            }
            qualities[name == "x-gzip" ? "gzip" : name] = max(0, min(1, quality))
        }
        let wildcard = qualities["*"]
        func quality(_ coding: ContentCoding) -> Double {
            if let explicit = qualities[coding.rawValue] { return explicit }
            if coding == .identity { return wildcard == 0 ? 0 : 1 }
            return wildcard ?? 0
        }
        let compressed = [ContentCoding.br, .gzip].filter { quality($0) > 0 }
        if let best = compressed.max(by: { quality($0) < quality($1) || (quality($0) == quality($1) && $0 == .gzip) }) {
            return best
        }
        return quality(.identity) > 0 ? .identity : nil
    }
}
