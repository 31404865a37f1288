/// The parser's cursor. Columns are computed incrementally per line so a
/// long single-line document stays linear.
struct JSONParser {
    let bytes: [UInt8]
    let file: String
    let maximumDepth: Int
    var position = 0
    var line = 1
    var lineStart = 0
    var columnCacheOffset = 0
    var columnCacheValue = 1

    init(bytes: [UInt8], file: String, maximumDepth: Int) {
        self.bytes = bytes
        self.file = file
        self.maximumDepth = maximumDepth
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            position = 3
            lineStart = 3
            columnCacheOffset = 3
        }
    }

    mutating func parseDocument() throws(JSONError) -> LocatedJSON {
        skipWhitespace()
        let value = try parseValue(path: "", depth: 0)
        skipWhitespace()
        if position < bytes.count {
            throw error("unexpected \(describeCurrent()) after the end of the document")
        }
        return value
    }

    mutating func location(at offset: Int) -> SourceLocation {
        if columnCacheOffset < lineStart || columnCacheOffset > offset {
            columnCacheOffset = lineStart
            columnCacheValue = 1
        }
        var index = columnCacheOffset
        var column = columnCacheValue
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        columnCacheOffset = offset
        columnCacheValue = column
        return SourceLocation(file: file, line: line, column: column)
    }

    mutating func error(_ message: String, at offset: Int? = nil) -> JSONError {
        .syntax(location(at: offset ?? position), message: message)
    }

    func describeCurrent() -> String {
        guard position < bytes.count else { return "end of input" }
        let byte = bytes[position]
        if byte >= 0x21 && byte < 0x7F { return "character '\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0D:
                position += 1
            case 0x0A:
                position += 1
                line += 1
                lineStart = position
            default:
                return
            }
        }
    }

    mutating func parseValue(path: String, depth: Int) throws(JSONError) -> LocatedJSON {
        guard position < bytes.count else { throw error("unexpected end of input, expected a value") }
        let start = location(at: position)
        switch bytes[position] {
        case UInt8(ascii: "{"):
            return LocatedJSON(value: try parseObject(path: path, depth: depth + 1), location: start, path: path)
        case UInt8(ascii: "["):
            return LocatedJSON(value: try parseArray(path: path, depth: depth + 1), location: start, path: path)
        case UInt8(ascii: "\""):
            return LocatedJSON(value: .string(try parseString()), location: start, path: path)
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return LocatedJSON(value: .bool(true), location: start, path: path)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return LocatedJSON(value: .bool(false), location: start, path: path)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return LocatedJSON(value: .null, location: start, path: path)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return LocatedJSON(value: .number(try parseNumber()), location: start, path: path)
        default:
            throw error("unexpected \(describeCurrent()), expected a value")
        }
    }

    mutating func expectLiteral(_ literal: String) throws(JSONError) {
        let start = position
        for expected in literal.utf8 {
            guard position < bytes.count, bytes[position] == expected else {
                throw error("invalid literal, expected '\(literal)'", at: start)
            }
            position += 1
        }
    }

    mutating func parseObject(path: String, depth: Int) throws(JSONError) -> LocatedJSON.Value {
        guard depth <= maximumDepth else { throw error("nesting deeper than \(maximumDepth) levels") }
        position += 1
        var members: [LocatedJSON.Member] = []
        var seen: Set<String> = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw error("unexpected \(describeCurrent()), expected a quoted field name")
            }
            let keyLocation = location(at: position)
            let key = try parseString()
            guard seen.insert(key).inserted else {
                throw .syntax(keyLocation, message: "duplicate field '\(key)'")
            }
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw error("unexpected \(describeCurrent()), expected ':' after field name")
            }
            position += 1
            skipWhitespace()
            let value = try parseValue(path: LocatedJSON.memberPath(path, key), depth: depth)
            members.append(LocatedJSON.Member(key: key, keyLocation: keyLocation, value: value))
            skipWhitespace()
            guard position < bytes.count else { throw error("unexpected end of input, expected ',' or '}'") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            if bytes[position] == UInt8(ascii: "}") {
                position += 1
                return .object(members)
            }
            throw error("unexpected \(describeCurrent()), expected ',' or '}'")
        }
    }

    mutating func parseArray(path: String, depth: Int) throws(JSONError) -> LocatedJSON.Value {
        guard depth <= maximumDepth else { throw error("nesting deeper than \(maximumDepth) levels") }
        position += 1
        var elements: [LocatedJSON] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(path: LocatedJSON.elementPath(path, elements.count), depth: depth))
            skipWhitespace()
            guard position < bytes.count else { throw error("unexpected end of input, expected ',' or ']'") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            if bytes[position] == UInt8(ascii: "]") {
                position += 1
                return .array(elements)
            }
            throw error("unexpected \(describeCurrent()), expected ',' or ']'")
        }
    }
}
