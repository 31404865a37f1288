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
}
