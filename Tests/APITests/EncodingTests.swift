import Testing
import HTTP
import Store
@testable import API

/// The byte-level writers the responses are built from: JSON strings and numbers, and the
/// percent-encoding of the URLs Accord puts in `links` and `Link` headers.
@Suite struct EncodingTests {
    @Test("JSON strings: quote, backslash and every control character are escaped; the rest is copied")
    func jsonStringEscaping() {
        #expect(String(decoding: JSON.string("plain").serialized(), as: UTF8.self) == #""plain""#)
        #expect(String(decoding: JSON.string("").serialized(), as: UTF8.self) == #""""#)
        #expect(String(decoding: JSON.string("a\"b\\c\nd\re\tf").serialized(), as: UTF8.self) == #""a\"b\\c\nd\re\tf""#)
        #expect(String(decoding: JSON.string("\u{0}\u{1F}\u{7F}").serialized(), as: UTF8.self) == #""\u0000\u001f\u007f""#)
        #expect(String(decoding: JSON.string("Zelenskyy’s 😀 é").serialized(), as: UTF8.self) == "\"Zelenskyy’s 😀 é\"")
        // An escape at the very start and end, with runs in between.
        #expect(String(decoding: JSON.string("\"x\"").serialized(), as: UTF8.self) == #""\"x\"""#)
    }

    @Test("Every string survives a round trip through the seed JSON parser")
    func jsonRoundTrip() throws {
        var all = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }.map(String.init)
        all += ["é", "’", "😀", "\u{2028}", "a\u{0}b", String(repeating: "x\"", count: 100)]
        let document = JSON.object(all.enumerated().map { ("k\($0.offset)\($0.element)", JSON.string($0.element)) })
        let parsed = try JSONDocument.parse(bytes: document.serialized(), file: "roundtrip.json").object()
        for (index, value) in all.enumerated() {
            #expect(try parsed.required("k\(index)\(value)").string() == value)
        }
    }

    @Test("JSON integers, including zero, negatives and the extremes")
    func jsonIntegers() {
        let values = [0, 7, -5, 1_000_000, Int.max, Int.min]
        let text = String(decoding: JSON.array(values.map(JSON.int)).serialized(), as: UTF8.self)
        #expect(text == "[" + values.map { String($0) }.joined(separator: ",") + "]")
    }

    @Test("Percent-encoding keeps RFC 3986 unreserved characters and encodes the rest as UTF-8")
    func urlEncoding() {
        #expect(URLEncoding.encode("zelensky-2025_a.b~c") == "zelensky-2025_a.b~c")
        #expect(URLEncoding.encode("security guarantees") == "security%20guarantees")
        #expect(URLEncoding.encode("a&b=c/d?e#f+") == "a%26b%3Dc%2Fd%3Fe%23f%2B")
        #expect(URLEncoding.encode("Zelenskyy’s é") == "Zelenskyy%E2%80%99s%20%C3%A9")
        #expect(URLEncoding.encode("") == "")
        #expect(URLEncoding.encodePath("/entities/a b") == "/entities/a%20b")
    }

    @Test("CSV: a line break of any kind (CR LF is one Character) or a quote with a mark is quoted; formulas in text are defused, numbers are not")
    func csvQuotingAndFormulas() {
        let records: [JSON] = [
            .object([("id", .string("a")), ("summary", .string("-2+3\r\nSECOND,ROW")), ("lon", .double(-149.49))]),
            .object([("id", .string("=HYPERLINK(\"http://evil.example\")")), ("summary", .string("q\"\u{301} mark")), ("lon", .int(-3))]),
            .object([("id", .string("@SUM(1)")), ("summary", .array([.string("+cmd"), .string("x")])), ("lon", .null)]),
        ]
        let text = String(decoding: CSVEncoder.encode(records), as: UTF8.self)
        #expect(text == "id,summary,lon\r\n"
            + "a,\"'-2+3\r\nSECOND,ROW\",-149.49\r\n"
            + "\"'=HYPERLINK(\"\"http://evil.example\"\")\",\"q\"\"\u{301} mark\",-3\r\n"
            + "'@SUM(1),'+cmd; x,\r\n")
        #expect(CSVEncoder.neutralized("\tx") == "'\tx" && CSVEncoder.neutralized("2025-08-15") == "2025-08-15")
        // An article's inferred fields vary; its columns do not, so pages can be concatenated.
        let curated = JSON.object([("id", .string("a")), ("metadata", .object([("inferred", .object([]))]))])
        let inferred = JSON.object([("id", .string("b")), ("metadata", .object([("inferred", .object([("outlet", .string("from the byline"))]))]))])
        for page in [[curated], [inferred], [curated, inferred]] {
            let header = String(decoding: CSVEncoder.encode(page), as: UTF8.self).components(separatedBy: "\r\n")[0]
            #expect(header == "id,metadata.inferred.outlet,metadata.inferred.published,metadata.inferred.title")
        }
    }

    @Test("iCalendar: every line break becomes one escaped \\n, folding splits between UTF-8 sequences, GEO has no exponent")
    func iCalendarText() {
        #expect(ICalendarEncoder.escape("X\r\nATTENDEE:mailto:evil@example.com") == "X\\nATTENDEE:mailto:evil@example.com")
        #expect(ICalendarEncoder.escape("a\nb\rc;d,e\\") == "a\\nb\\nc\\;d\\,e\\\\")
        let marks = "SUMMARY:Z" + String(repeating: "\u{301}", count: 60)
        let folded = ICalendarEncoder.fold(marks)
        #expect(folded.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        // Unfolded by bytes (a fold's space before a combining mark is one Character with it).
        var unfolded: [UInt8] = []
        let bytes = Array(folded.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index...].starts(with: [13, 10, 32]) { index += 3; continue }
            unfolded.append(bytes[index])
            index += 1
        }
        #expect(unfolded == Array(marks.utf8))
        #expect(ICalendarEncoder.geoFloat(0.00001) == "0.00001" && ICalendarEncoder.geoFloat(-179.99999) == "-179.99999")
        #expect(ICalendarEncoder.geoFloat(61.2) == "61.2" && ICalendarEncoder.geoFloat(-0.0000001) == "0" && ICalendarEncoder.geoFloat(50) == "50")
    }
}
