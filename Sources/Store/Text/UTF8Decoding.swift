/// Decoding a `String`'s own UTF-8, which is valid, so nothing is checked: the scalar that starts
/// at a byte offset, and its width. The one decoder the text readers share (`String.scalarArray`,
/// ``TemporalTokens``, ``SearchTokenizer``), each of which reads a string's bytes in place.
enum UTF8Decoding {
    /// The scalar value starting at `index` (a scalar boundary) and its width in bytes.
    @inline(__always)
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, width: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        func continuation(_ offset: Int) -> UInt32 { UInt32(bytes[index + offset] & 0x3F) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | continuation(1), 2) }
        if lead < 0xF0 { return ((lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2), 3) }
        return ((lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3), 4)
    }
}
