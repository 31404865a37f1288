/// `chunk-size [ chunk-ext ]` (RFC 9112 §7.1), read strictly; extensions are checked and
/// ignored:
///
///     chunk-ext     = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )
///     chunk-ext-val = token / quoted-string
///
/// Whitespace is allowed only around an extension's ";" and "=", so "5 " and "5;" are refused,
/// as "5;=b" is: a proxy in front that read such a line differently would frame other chunks.
enum ChunkSizeLine {
    static func parse(_ buffer: UnsafeRawBufferPointer, _ line: Range<Int>) -> Int? {
        var size = 0
        var digits = 0
        var offset = line.lowerBound
        while offset < line.upperBound, let value = ASCII.hexValue(buffer[offset]) {
            // 15 hex digits stay below Int.max: larger sizes are refused, not wrapped.
            guard digits < 15 else { return nil }
            size = size << 4 | Int(value)
            digits += 1
            offset += 1
        }
        guard digits > 0 else { return nil }
        func skipWhitespace() {
            while offset < line.upperBound && (buffer[offset] == ASCII.space || buffer[offset] == ASCII.tab) { offset += 1 }
        }
        /// One token or more; false when none is there.
        func token() -> Bool {
            let start = offset
            while offset < line.upperBound && ASCII.isToken(buffer[offset]) { offset += 1 }
            return offset > start
        }
        while offset < line.upperBound {
            skipWhitespace()
            guard offset < line.upperBound, buffer[offset] == ASCII.semicolon else { return nil }
            offset += 1
            skipWhitespace()
            guard token() else { return nil }
            let afterName = offset
            skipWhitespace()
            guard offset < line.upperBound, buffer[offset] == ASCII.equals else {
                // No value: whitespace after the name only before the next ";".
                if offset == line.upperBound && offset > afterName { return nil }
                continue
            }
            offset += 1
            skipWhitespace()
            guard offset < line.upperBound else { return nil }
            if buffer[offset] == ASCII.quote {
                guard quotedString(buffer, line, &offset) else { return nil }
            } else if !token() {
                return nil
            }
        }
        return size
    }

    /// `quoted-string` (RFC 9110 §5.6.4) from the opening quote at `offset`; `offset` ends past
    /// the closing one.
    static func quotedString(_ buffer: UnsafeRawBufferPointer, _ line: Range<Int>, _ offset: inout Int) -> Bool {
        offset += 1
        while offset < line.upperBound {
            let byte = buffer[offset]
            if byte == ASCII.quote {
                offset += 1
                return true
            }
            if byte == ASCII.backslash {
                // quoted-pair: HTAB, SP, VCHAR or obs-text.
                guard offset + 1 < line.upperBound, ASCII.isFieldValueByte(buffer[offset + 1]) else { return false }
                offset += 2
                continue
            }
            // qdtext: HTAB, SP, VCHAR except '"' and '\\', obs-text.
            guard ASCII.isFieldValueByte(byte) else { return false }
            offset += 1
        }
        return false
    }
}
