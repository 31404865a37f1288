/// RFC 4180 CSV from a list of JSON records.
///
/// Columns are the union of the records' keys in first-seen order; nested objects become
/// dotted columns (`start.date`), arrays of scalars are joined with "; ", and arrays of
/// objects use their `id`/`name`/`entity.id` when they have one, else compact JSON.
///
/// A text cell (from a string, never a number or boolean) that a spreadsheet would read as a
/// formula, starting with `=`, `+`, `-`, `@`, a tab or a CR, gets a leading `'` (OWASP's CSV
/// injection advice): article text and records are quoted from the news, and a quote can start
/// with anything. JSON and the other formats carry the text unchanged.
///
/// With no records, the columns are `template`'s (a record of the same kind), so a filter that
/// matches nothing still gives a header a CSV reader can bind to.
enum CSVEncoder {
    static func encode(_ records: [JSON], template: JSON? = nil) -> [UInt8] {
        var columns: [String] = []
        var seen: Set<String> = []
        let shapes = records.isEmpty ? template.map { [$0] } ?? [] : records
        let rows: [[(String, String)]] = shapes.map { record in
            var cells: [(String, String)] = []
            flatten(record, prefix: "", into: &cells)
            for (column, _) in cells where !seen.contains(column) {
                seen.insert(column)
                columns.append(column)
            }
            return cells
        }
        var out = columns.map(quote).joined(separator: ",") + "\r\n"
        for row in rows where !records.isEmpty {
            let values = Dictionary(row, uniquingKeysWith: { first, _ in first })
            out += columns.map { quote(values[$0] ?? "") }.joined(separator: ",") + "\r\n"
        }
        return Array(out.utf8)
    }

    static func flatten(_ value: JSON, prefix: String, into cells: inout [(String, String)]) {
        switch value {
        case .object(let members):
            // An object whose keys vary from record to record fills its known columns on every
            // row (empty where absent), so every page has the same header.
            if let keys = fixedShapes[String(prefix.split(separator: ".").last ?? "")] {
                for key in keys {
                    cells.append(("\(prefix).\(key)", members.first { $0.0 == key }.map { neutralized(scalarText($0.1)) } ?? ""))
                }
                for (key, member) in members where !keys.contains(key) {
                    flatten(member, prefix: "\(prefix).\(key)", into: &cells)
                }
                return
            }
            for (key, member) in members where key != "links" {
                flatten(member, prefix: prefix.isEmpty ? key : "\(prefix).\(key)", into: &cells)
            }
        case .array(let elements):
            cells.append((prefix, neutralized(elements.map(scalarText).joined(separator: "; "))))
        case .null:
            // A missing nested object still fills its columns, so every page has the same header.
            if let keys = nullShapes[String(prefix.split(separator: ".").last ?? "")] {
                for key in keys { cells.append(("\(prefix).\(key)", "")) }
            } else {
                cells.append((prefix, ""))
            }
        case .int, .double, .bool:
            cells.append((prefix, scalarText(value)))
        case .string, .raw:
            cells.append((prefix, neutralized(scalarText(value))))
        }
    }

    /// Text a spreadsheet would evaluate, with a leading `'` so it reads as text.
    static func neutralized(_ text: String) -> String {
        guard let first = text.utf8.first, formulaStarts.contains(first) else { return text }
        return "'" + text
    }

    static let formulaStarts: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D]

    /// The members of the objects whose keys vary by record, by field name: an article's
    /// `metadata.inferred` names only the fields inferred from its text.
    static let fixedShapes: [String: [String]] = ["inferred": ["outlet", "published", "title"]]

    /// The members of the nested objects that may be null, by field name.
    static let nullShapes: [String: [String]] = {
        let date = ["date", "precision", "reason"]
        let reference = ["id", "name", "type"]
        return [
            "start": date, "end": date, "published": date, "firstSeen": date, "lastSeen": date,
            "firstReported": date, "date": date,
            "location": reference, "country": reference, "affiliation": reference, "beneficiary": reference,
            "coordinates": ["lat", "lon"],
        ]
    }()

    static func scalarText(_ value: JSON) -> String {
        switch value {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return ""
        case .object:
            if case .string(let id)? = value["id"] { return id }
            if case .object? = value["entity"], case .string(let id)? = value["entity"]?["id"] {
                if case .string(let role)? = value["role"] { return "\(id) (\(role))" }
                if case .string(let stance)? = value["stance"] { return "\(id) (\(stance))" }
                return id
            }
            if case .string(let quote)? = value["quote"], case .string(let article)? = value["article"] { return "\(article): \(quote)" }
            if case .string(let text)? = value["text"] { return text }
            return value.text
        case .array(let elements):
            return elements.map(scalarText).joined(separator: "; ")
        case .raw(let bytes):
            // Records are pre-serialized only for compact JSON bodies, never for CSV; as text if ever.
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Quotes a field when it holds a comma, quote or line break (RFC 4180 §2).
    /// Read as bytes, not `Character`s: "\r\n" is one Character equal to neither "\r" nor "\n",
    /// and a quote followed by a combining mark is another; either left a field unquoted (a
    /// record's text could start rows of its own).
    static func quote(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else {
            return field
        }
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        bytes.reserveCapacity(field.utf8.count + 8)
        for byte in field.utf8 {
            bytes.append(byte)
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
        }
        bytes.append(UInt8(ascii: "\""))
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
