import API
import Testing

/// The dataset-version digest against FIPS 180-2 test vectors, and its two entry
/// points (one buffer, several parts; contiguous and not) against each other.
@Suite("SHA-256")
struct SHA256Tests {
    @Test func knownVectors() {
        #expect(SHA256.hex(SHA256.digest([UInt8]())) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(SHA256.digest(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let twoBlocks = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hex(SHA256.digest(twoBlocks)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hex(SHA256.digest(million)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func partsAndViewsAgreeWithOneBuffer() {
        let text = Array("Security guarantees for Ukraine were discussed in Paris on 6 January 2026.".utf8)
        let whole = SHA256.digest(text)
        #expect(SHA256.digest(parts: [Array(text[..<10]), [], Array(text[10...])]) == whole)
        #expect(SHA256.digest(text[...]) == whole)  // an ArraySlice, hashed in place
        #expect(SHA256.digest(String(decoding: text, as: UTF8.self).utf8) == whole)
        #expect(SHA256.digest(text.lazy.map { $0 }) == whole)  // not contiguous: copied first
        #expect(SHA256.digest(parts: []) == SHA256.digest([UInt8]()))
    }
}
