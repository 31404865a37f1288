/// A response's header fields together with their serialised lines, built once for a
/// representation that is sent many times (a cached page): the engine then appends the bytes
/// instead of walking the fields on every response.
///
/// The fields stay readable (``HTTPResponse/headers``); changing them drops the bytes, so the
/// two can never disagree.
///
/// A class: a response carries it on every cache hit, and as a struct of two arrays each copy
/// and each release of the response counted both.
public final class PreparedHeaders: Sendable {
    public let fields: HTTPHeaders
    /// `Name: value\r\n` for every field the engine does not own (see ``ResponseHead``).
    let bytes: [UInt8]
    let hasContentType: Bool
    /// A `Connection: close` among the fields (the engine then closes after the response).
    let closesConnection: Bool

    public init(_ fields: HTTPHeaders) {
        self.fields = fields
        var bytes = [UInt8]()
        ResponseHead.writeFields(fields, into: &bytes)
        self.bytes = bytes
        self.hasContentType = fields.contains("content-type")
        self.closesConnection = ResponseHead.closesConnection(fields)
    }
}
