import HTTP

extension RouteContext {
    /// The list envelope `{"data", "meta", "links"}` plus an RFC 8288 `Link` header.
    /// `items` must already be in their total, stable order.
    func list<T>(_ items: [T], encode: (T) -> JSON) throws -> Rendered {
        let page = try Page(query)
        let records = page.slice(items).map(encode)
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
            ("meta", .object([("total", .int(items.count)), ("limit", .int(page.limit)), ("offset", .int(page.offset))])),
            ("links", .object(links)),
        ])
        return Rendered(json: json, csvRecords: records, link: header.joined(separator: ", "))
    }

    /// This request's URL with `offset` and `limit` replaced, other parameters kept in order.
    func pageURL(offset: Int, limit: Int) -> String {
        var items = request.query.filter { $0.name != "offset" && $0.name != "limit" }
        items.append((name: "limit", value: String(limit)))
        if offset > 0 { items.append((name: "offset", value: String(offset))) }
        let query = items.map { URLEncoding.encode($0.name) + "=" + URLEncoding.encode($0.value) }.joined(separator: "&")
        return representation.url(URLEncoding.encodePath(request.path) + "?" + query)
    }
}

/// Percent-encoding for the URLs Accord writes (RFC 3986 unreserved characters stay).
enum URLEncoding {
    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            if isUnreserved(byte) {
                out.append(Character(Unicode.Scalar(byte)))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    static func encodePath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { encode(String($0)) }.joined(separator: "/")
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
