/// Reading collection files and locating evidence quotes.
extension SeedAssembler {
    /// The records array of `{"<key>": [...]}` in `file`, or nil when the
    /// file is broken. A missing file is an empty collection with a warning.
    mutating func collection(_ file: SeedFile?, path: String, key: String) -> [LocatedJSON]? {
        guard let file else {
            warn(.missingCollection(path: label(path)))
            return []
        }
        loadedFiles.append(file)
        let name = label(path)
        guard let root = capture({ () throws(JSONError) -> LocatedJSON in
            try JSONDocument.parse(bytes: file.bytes, file: name)
        }) else { return nil }
        guard let object = self.object(root, allowed: [key]) else { return nil }
        return required(object, key) { value throws(JSONError) in try value.array() }
    }

    /// An `evidence` array: every quote located in its article's cleaned text.
    mutating func evidence(_ object: JSONObject, record: String, atLeastOne: Bool) -> [Evidence]? {
        guard let value = object["evidence"] else {
            self.record(.missingField(object.location, field: "evidence", path: object.path))
            return nil
        }
        guard let elements = capture({ () throws(JSONError) -> [LocatedJSON] in try value.array() }) else { return nil }
        if atLeastOne && elements.isEmpty {
            self.record(.invalidValue(value.location, path: value.path, reason: "at least one evidence quote is required"))
        }
        var result: [Evidence] = []
        for element in elements {
            if let evidence = self.evidence(element, record: record) { result.append(evidence) }
        }
        return result
    }

    mutating func evidence(_ element: LocatedJSON, record: String) -> Evidence? {
        guard let object = self.object(element, allowed: ["article", "quote"]),
              let article = required(object, "article", { value throws(JSONError) in try value.string() }),
              let quote = required(object, "quote", { value throws(JSONError) in try value.nonEmptyString() }),
              let articleValue = object["article"], let quoteValue = object["quote"] else { return nil }
        guard let text = cleaned[article] else {
            let expected = skippedArticleIDs.contains(article)
                ? "a loaded article (its file was skipped)"
                : "an article in articles/ (ids are file names without .txt, lowercased, '_' as '-')"
            self.record(.danglingReference(articleValue.location, path: articleValue.path, id: article, expected: expected))
            return nil
        }
        let shadows = quotedShadows[article] ?? text.shadows()
        quotedShadows[article] = shadows
        guard let found = EvidenceLocator.locate(quote, in: shadows) else {
            let hint = EvidenceLocator.hint(for: quote, shadows: shadows, stripped: text.stripped)
            self.record(.quoteNotFound(quoteValue.location, record: record, article: article, quote: quote, hint: hint))
            return nil
        }
        // The quote as the article writes it: the curator's may differ in its typography ("'" for
        // "’", spaces), which the match forgives; what is served is verbatim at its offsets.
        let verbatim = text.paragraphs[found.paragraph].excerpt(start: found.start, end: found.end) ?? quote
        return Evidence(article: article, quote: verbatim, paragraph: found.paragraph, start: found.start, end: found.end)
    }

    /// Distinct article ids in first-citation order.
    static func distinctArticles(_ evidence: [Evidence]) -> [String] {
        var seen: Set<String> = []
        return evidence.map(\.article).filter { seen.insert($0).inserted }
    }
}
