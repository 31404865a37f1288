/// Entities found in the articles' text by ``EntityPatternFinder``, and dateline places: they
/// join the catalog marked `extracted` before mentions are detected, so every later mention
/// (a surname alone, "Vladivostok" in the body) links to them. The load report lists each with
/// the rule and the sentence that produced it.
extension SeedAssembler {
    mutating func extractEntities() {
        let finder = EntityPatternFinder(entities: entities)
        var created: [String: Int] = [:]
        // Each surname's count of extracted people, and the last of them (a scan of the catalog
        // per surname was quadratic in an article naming thousands of people).
        var surnames: [String: (count: Int, index: Int)] = [:]
        // Finding is per article and pure (on every core); adding stays in article order.
        let findings = Concurrently.map(articles) { article in
            article.paragraphs.filter { $0.kind == .body }.flatMap { finder.findings(in: $0.text, article: article.id) }
        }
        for (article, articleFindings) in zip(articles, findings) {
            for finding in articleFindings {
                let key = UnicodeMatching.key(finding.name)
                guard created[key] == nil else { continue }
                let index = addExtractedEntity(finding)
                created[key] = index
                if finding.kind == .person, let surname = finding.name.split(separator: " ").last.map(String.init) {
                    surnames[surname] = ((surnames[surname]?.count ?? 0) + 1, index)
                }
            }
            if let place = article.metadata.datelinePlace {
                let name = Self.titleCased(place)
                let key = UnicodeMatching.key(name)
                if created[key] == nil, !finder.known.contains(key), let paragraph = article.paragraphs.first(where: { $0.text.hasPrefix(place) }) {
                    let quote = String(paragraph.text.prefix(place.count + 40))
                    created[key] = addExtractedEntity(EntityPatternFinder.Finding(
                        kind: .place, name: name, title: nil, rule: "dateline-place", article: article.id, quote: quote))
                }
            }
        }
        // A surname alone names the person when exactly one extracted person has it and no
        // other entity claims it ("Zakharova").
        for (surname, owner) in surnames where owner.count == 1 && surname.count >= 3 {
            let key = UnicodeMatching.key(surname)
            guard !finder.known.contains(key), created[key] == nil else { continue }
            let index = owner.index
            let person = entities[index]
            entities[index] = Entity(
                id: person.id, kind: person.kind, name: person.name,
                aliases: person.aliases + [Alias(text: surname, kind: .shortForm)], description: person.description,
                wikidata: nil, coordinates: nil, country: nil, enrichment: [], origin: .extracted
            )
        }
    }

    /// Adds one extracted entity; returns its index.
    @discardableResult
    mutating func addExtractedEntity(_ finding: EntityPatternFinder.Finding) -> Int {
        var id = Self.slug(finding.name)
        var suffix = 2
        while entityIndex[id] != nil {
            id = Self.slug(finding.name) + "-\(suffix)"
            suffix += 1
        }
        let description = finding.title.map { "introduced in the text as \"\($0) \(finding.name)\"" }
        entityIndex[id] = entities.count
        aliasLocations[id] = []
        entities.append(Entity(
            id: id, kind: finding.kind, name: finding.name, aliases: [], description: description, wikidata: nil,
            coordinates: nil, country: nil, enrichment: [], origin: .extracted
        ))
        report.extractedEntities.append(LoadReport.ExtractedEntity(
            id: id, name: finding.name, kind: finding.kind, rule: finding.rule, article: finding.article, quote: finding.quote
        ))
        return entities.count - 1
    }

    /// "VLADIVOSTOK" → "Vladivostok", "NEW YORK" → "New York", "PORT-AU-PRINCE" → "Port-Au-Prince".
    static func titleCased(_ text: String) -> String {
        var result = ""
        var startOfWord = true
        for character in text {
            result += startOfWord ? character.uppercased() : character.lowercased()
            startOfWord = !character.isLetter
        }
        return result
    }

    /// A lowercase slug: letters and digits, folded to their base letters (marks stripped, and
    /// "ł" as "l": "Władysław" is "wladyslaw", not "w-adys-aw"), other runs become one "-".
    static func slug(_ name: String) -> String {
        var slug = ""
        // Read by character, as a folded letter may be several scalars; ASCII (most names, and
        // every extracted event's "kind name date") byte by byte, with the same outcome.
        let folded = DiacriticFolding.fold(name)
        if folded.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in folded.utf8 {
                if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) {
                    slug.unicodeScalars.append(Unicode.Scalar(byte))
                } else if !slug.isEmpty && slug.utf8.last != UInt8(ascii: "-") {
                    slug.unicodeScalars.append("-")
                }
            }
            while slug.utf8.last == UInt8(ascii: "-") { slug.removeLast() }
            return slug.isEmpty ? "entity" : slug
        }
        for character in folded {
            if character.isASCII && (character.isLetter || character.isNumber) {
                slug.append(character)
            } else if !slug.isEmpty && slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        return slug.isEmpty ? "entity" : slug
    }
}
