import Testing
@testable import Store

@Suite struct JSONDocumentTests {
    func parse(_ text: String) throws(JSONError) -> LocatedJSON {
        try JSONDocument.parse(text: text, file: "t.json")
    }

    @Test func valuesKnowTheirLocationAndPath() throws {
        let root = try parse("{\n  \"entities\": [\n    {\"id\": \"kyiv\", \"n\": -1.5e2, \"ok\": true, \"x\": null}\n  ]\n}")
        let record = try root.object().required("entities").array()[0].object()
        let id = try record.required("id")
        #expect(try id.string() == "kyiv")
        #expect(id.location == SourceLocation(file: "t.json", line: 3, column: 12))
        #expect(id.path == "entities[0].id")
        #expect(try record.required("n").double() == -150)
        #expect(try record.required("ok").bool())
        #expect(record.optional("x") == nil)
        #expect(record["x"]?.isNull == true)
    }

    @Test func stringsDecodeEscapesAndUnicode() throws {
        let value = try parse(#"["a\"b\\c\/d\n", "\u00e9\ud83d\ude00", "Zelenskyy’s"]"#).array()
        #expect(try value[0].string() == "a\"b\\c/d\n")
        #expect(try value[1].string() == "é😀")
        #expect(try value[2].string() == "Zelenskyy’s")
    }

    @Test func columnsCountScalarsNotBytes() throws {
        let root = try parse("{\"é\": \"ü\", \"k\": 1}")
        #expect(try root.object().required("k").location.column == 17)
    }

    @Test func byteOrderMarkIsAccepted() throws {
        let value = try JSONDocument.parse(bytes: [0xEF, 0xBB, 0xBF] + Array("[1]".utf8), file: "b.json")
        #expect(try value.array()[0].int() == 1)
    }

    @Test(arguments: [
        ("", 1, 1, "unexpected end of input"),
        ("{\"a\": 1,}", 1, 9, "expected a quoted field name"),
        ("{\"a\" 1}", 1, 6, "expected ':'"),
        ("[1, 2", 1, 6, "expected ',' or ']'"),
        ("{\n  \"a\": tru\n}", 2, 8, "invalid literal"),
        ("[01]", 1, 2, "leading zero"),
        ("[1.]", 1, 2, "digit expected"),
        ("\"abc", 1, 1, "unterminated string"),
        ("[\"a\nb\"]", 1, 4, "unterminated string"),
        ("[\"\\x\"]", 1, 3, "invalid escape"),
        ("[\"\\ud800\"]", 1, 3, "surrogate"),
        ("{\"a\": 1, \"a\": 2}", 1, 10, "duplicate field 'a'"),
        ("[1] [2]", 1, 5, "after the end of the document"),
        ("{\"a\": [1, 2,\n  3}", 2, 4, "expected ',' or ']'"),
    ])
    func syntaxErrorsNameLineAndColumn(text: String, line: Int, column: Int, message: String) {
        do {
            _ = try parse(text)
            Issue.record("accepted invalid JSON: \(text)")
        } catch {
            guard case .syntax(let location, let reason) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(location.line == line && location.column == column, "\(error)")
            #expect(reason.contains(message), "\(error)")
            #expect(error.description.hasPrefix("t.json:\(line):\(column): invalid JSON"))
        }
    }

    @Test func invalidUTF8IsASyntaxErrorAtItsPosition() {
        #expect(throws: JSONError.syntax(SourceLocation(file: "u.json", line: 2, column: 3), message: "invalid UTF-8 at byte offset 4")) {
            _ = try JSONDocument.parse(bytes: Array("[\n\"a".utf8) + [0xFF, 0x22, 0x5D], file: "u.json")
        }
    }

    @Test func deepNestingIsRejected() {
        let text = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(throws: JSONError.self) { _ = try parse(text) }
    }

    @Test func typedAccessorsReportWrongTypes() throws {
        let record = try parse("{\"id\": 5, \"kind\": \"tank\", \"n\": 1.5}").object()
        #expect(throws: JSONError.wrongType(SourceLocation(file: "t.json", line: 1, column: 8), path: "id", expected: "a string", found: "number")) {
            _ = try record.required("id").string()
        }
        #expect(throws: JSONError.badEnumValue(SourceLocation(file: "t.json", line: 1, column: 19), path: "kind", value: "tank",
                                               allowed: ["day", "week", "month", "year"])) {
            _ = try record.required("kind").enumeration(DatePoint.Precision.self)
        }
        #expect(throws: JSONError.self) { _ = try record.required("n").int() }
        #expect(throws: JSONError.missingField(SourceLocation(file: "t.json", line: 1, column: 1), field: "name", path: "")) {
            _ = try record.required("name")
        }
    }

    @Test func unknownFieldsAreAllListed() throws {
        let record = try parse("{\"id\": \"a\", \"nmae\": \"x\", \"typo\": 1}").object()
        let errors = record.unknownFields(allowed: ["id", "name"])
        #expect(errors.count == 2)
        #expect(errors[0].description == "t.json:1:13: unknown field 'nmae' in the document; allowed: id, name")
    }

    @Test func longSingleLineDocumentParsesWithColumns() throws {
        let element = "{\"id\": \"x\", \"n\": 1},"
        let text = "[" + String(repeating: element, count: 20_000) + "{}]"
        let value = try parse(text)
        #expect(try value.array().count == 20_001)
        #expect(try value.array()[20_000].location.column == 1 + 20_000 * element.count + 1)
    }
}
