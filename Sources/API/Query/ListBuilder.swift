import HTTP

extension RouteContext {
    /// The list envelope `{"data", "meta", "links"}` plus an RFC 8288 `Link` header.
    /// `items` must already be in their total, stable order. Only the page is encoded, so a lazy
    /// collection over an index makes the work proportional to the page, not to the corpus.
    /// `template` is a record of the same kind from outside `items` (the first of the whole
    /// collection): an empty page's CSV still has the header every other page has.
    func list<C: RandomAccessCollection>(
        _ items: C, template: C.Element? = nil, meta extra: [(String, JSON)] = [], encode: (C.Element) -> JSON
    ) throws -> Rendered
    where C.Index == Int {
        let page = try Page(query)
        let records = page.slice(items).map(encode)
        let csvTemplate = records.isEmpty ? (items.first ?? template).map(encode) : nil
        let pageURL = PageURL(self)
        var links: [(String, JSON)] = [("self", .string(pageURL(offset: page.offset, limit: page.limit)))]
        var header: [String] = []
        let lastOffset = items.isEmpty ? 0 : ((items.count - 1) / page.limit) * page.limit
        if page.offset + page.limit < items.count {
            let next = pageURL(offset: page.offset + page.limit, limit: page.limit)
            links.append(("next", .string(next)))
            header.append("<\(next)>; rel=\"next\"")
        } else {
            links.append(("next", .null))
        }
        if page.offset > 0 {
            let prev = pageURL(offset: max(0, min(page.offset - page.limit, lastOffset)), limit: page.limit)
            links.append(("prev", .string(prev)))
            header.append("<\(prev)>; rel=\"prev\"")
        } else {
            links.append(("prev", .null))
        }
        header.append("<\(pageURL(offset: 0, limit: page.limit))>; rel=\"first\"")
        header.append("<\(pageURL(offset: lastOffset, limit: page.limit))>; rel=\"last\"")
        let json = JSON.object([
            ("data", .array(records)),
            ("meta", .object([("total", .int(items.count)), ("limit", .int(page.limit)), ("offset", .int(page.offset))] + extra)),
            ("links", .object(links)),
        ])
        return Rendered(json: json, csvRecords: records, csvTemplate: csvTemplate, link: Self.linkHeader(header))
    }
}

extension RouteContext {
    /// How long the `Link` header may grow: a proxy reads a response's head into one buffer
    /// (nginx's `proxy_buffer_size`, 4 KiB by default), and a head past it is a 502, which nginx
    /// counts against the replica. The body's `links` always have every relation.
    static let linkHeaderBudget = 2_048

    /// The relations in order (next, prev, first, last) while they fit ``linkHeaderBudget``; nil
    /// when not even the first does (a very long query).
    static func linkHeader(_ relations: [String]) -> String? {
        var header = ""
        for relation in relations {
            let added = header.isEmpty ? relation : header + ", " + relation
            guard added.utf8.count <= linkHeaderBudget else { break }
            header = added
        }
        return header.isEmpty ? nil : header
    }
}

/// This request's URL with `offset` and `limit` replaced, other parameters kept in order.
/// The kept part is encoded once per list, not once per link.
struct PageURL {
    private let prefix: String

    init(_ context: RouteContext) {
        var prefix = context.representation.url(URLEncoding.encodePath(context.request.path))
        prefix.append("?")
        for item in context.request.query where item.name != "offset" && item.name != "limit" {
            prefix.append(URLEncoding.encode(item.name))
            prefix.append("=")
            prefix.append(URLEncoding.encode(item.value))
            prefix.append("&")
        }
        self.prefix = prefix
    }

    func callAsFunction(offset: Int, limit: Int) -> String {
        offset > 0 ? "\(prefix)limit=\(limit)&offset=\(offset)" : "\(prefix)limit=\(limit)"
    }
}

/// Percent-encoding for the URLs Accord writes (RFC 3986 unreserved characters stay).
enum URLEncoding {
    private static let upperHex = Array("0123456789ABCDEF".utf8)

    static func encode(_ text: String) -> String {
        let utf8 = text.utf8
        guard !(utf8.withContiguousStorageIfAvailable { $0.allSatisfy(isUnreserved) } ?? utf8.allSatisfy(isUnreserved)) else {
            return text
        }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count * 3)
        for byte in utf8 {
            if isUnreserved(byte) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(upperHex[Int(byte >> 4)])
                out.append(upperHex[Int(byte & 0xF)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func encodePath(_ path: String) -> String {
        let plain = { (byte: UInt8) in isUnreserved(byte) || byte == UInt8(ascii: "/") }
        if path.utf8.withContiguousStorageIfAvailable({ $0.allSatisfy(plain) }) ?? false { return path }
        return path.split(separator: "/", omittingEmptySubsequences: false).map { encode(String($0)) }.joined(separator: "/")
    }

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
        }
    }
}
