extension String {
    /// The string's Unicode scalars in an array, decoded straight from its UTF-8 (valid, being a
    /// `String`'s) into one allocation sized by the byte count. `Array(unicodeScalars)` walked the
    /// scalars twice, once to count them and once to copy them: 4% of a load's CPU, paid for every
    /// paragraph (cleaning, matching forms, mentions) and every candidate sentence.
    var scalarArray: [Unicode.Scalar] {
        var text = self
        return text.withUTF8 { bytes in
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                var offset = 0
                var written = 0
                while offset < bytes.count {
                    let lead = UInt32(bytes[offset])
                    let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                    var value = length == 1 ? lead : lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    var next = offset + 1
                    while next < min(offset + length, bytes.count) {
                        value = value << 6 | UInt32(bytes[next] & 0x3F)
                        next += 1
                    }
                    buffer[written] = Unicode.Scalar(value) ?? "\u{FFFD}"
                    written += 1
                    offset += length
                }
                count = written
            }
        }
    }
}
