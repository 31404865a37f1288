@testable import API
import Testing

/// The body ETag: XXH64 against the reference implementation's outputs (python-xxhash 4.1.0,
/// seeds 0 and 1), covering every tail path (under 32 bytes, the 32-byte lanes, then 8-, 4-
/// and 1-byte steps), and the tag's shape.
@Suite("Entity tags")
struct EntityTagTests {
    @Test func xxh64MatchesTheReferenceVectors() {
        let spam = Array("Nobody inspects the spammish repetition".utf8)
        let long = (0..<3).flatMap { _ in (0...255).map { UInt8($0) } } + Array("xyz12".utf8)
        let cases: [([UInt8], UInt64, UInt64)] = [
            ([], 0xEF46_DB37_51D8_E999, 0xD5AF_BA13_36A3_BE4B),
            (Array("a".utf8), 0xD24E_C4F1_A98C_6E5B, 0xDEC2_BC81_C3CD_46C6),
            (Array("abc".utf8), 0x44BC_2CF5_AD77_0999, 0xBEA9_CA81_9932_8908),
            (spam, 0xFBCE_A83C_8A37_8BF1, 0x43F4_2544_8D95_4DB6),
            (long, 0x9B7D_50C0_4781_8B1B, 0x1777_3A91_4328_0EAB),
        ]
        for (input, seed0, seed1) in cases {
            #expect(input.withUnsafeBytes { XXH64.hash($0) } == seed0, "\(input.count) bytes")
            #expect(input.withUnsafeBytes { XXH64.hash($0, seed: 1) } == seed1, "\(input.count) bytes, seed 1")
        }
    }

    @Test func theTagIsTheQuotedDigestAndLength() {
        let long = (0..<3).flatMap { _ in (0...255).map { UInt8($0) } } + Array("xyz12".utf8)
        #expect(EntityTag.strong(for: long) == "\"9b7d50c047818b1b-305\"")
        #expect(EntityTag.strong(for: []) == "\"ef46db3751d8e999-0\"")
        // One changed byte changes the tag.
        var changed = long
        changed[400] ^= 1
        #expect(EntityTag.strong(for: changed) != EntityTag.strong(for: long))
    }
}
