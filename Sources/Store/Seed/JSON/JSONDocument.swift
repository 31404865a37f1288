/// A small strict JSON (RFC 8259) parser that records source locations.
///
/// `parse(bytes:file:)` accepts one UTF-8 document (an optional byte order
/// mark is skipped) and returns its `LocatedJSON` tree, or throws
/// `JSONError.syntax` at the line and column of the first problem: invalid
/// UTF-8, a bad token, an unterminated string, a duplicate key, trailing
/// characters or nesting deeper than `maximumDepth`. Linear in the input.
public enum JSONDocument {
    public static func parse(bytes: [UInt8], file: String, maximumDepth: Int = 128) throws(JSONError) -> LocatedJSON {
        if let bad = UTF8Validator.firstInvalidOffset(bytes) {
            throw .syntax(SourceLocation.of(offset: bad, in: bytes, file: file), message: "invalid UTF-8 at byte offset \(bad)")
        }
        var parser = JSONParser(bytes: bytes, file: file, maximumDepth: maximumDepth)
        return try parser.parseDocument()
    }

    /// Convenience for documents held as text.
    public static func parse(text: String, file: String) throws(JSONError) -> LocatedJSON {
        try parse(bytes: Array(text.utf8), file: file)
    }
}
