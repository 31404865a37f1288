/// FNV-1a over bytes, for the open-addressed tables keyed by words and forms (``WordTable``,
/// ``FoldedTermNumbers``): one multiply per byte, where `Hasher`'s SipHash was a third of
/// extraction. The high bits are folded into the low ones, which pick a table's slot.
enum FNV1a {
    /// The folded hash of `bytes`, and every byte OR-ed together (0x80 set: not all ASCII).
    @inline(__always)
    static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> (hash: UInt64, bits: UInt8) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var bits: UInt8 = 0
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            bits |= byte
        }
        return (hash ^ (hash >> 29), bits)
    }
}
