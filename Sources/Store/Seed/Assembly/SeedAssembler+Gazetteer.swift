/// `gazetteer/*.json`: world knowledge kept apart from the curated catalog (countries with their
/// capitals and demonyms, international organisations, news outlets), each with its Wikidata
/// QID where one is sourced (see `gazetteer/SOURCES.md`). Every gazetteer entity is enrichment:
/// it is in the catalog so that articles naming it are linked, but nothing about it is claimed
/// to come from the text. A curated entity with the same id or QID wins, and its aliases are
/// matched first; aliases marked `ambiguous` are left out (a name is always kept).
extension SeedAssembler {
    static let gazetteerFiles: [(path: String, key: String, kind: Entity.Kind)] = [
        ("gazetteer/countries.json", "countries", .country),
        ("gazetteer/organisations.json", "organisations", .organisation),
        ("gazetteer/outlets.json", "outlets", .organisation),
    ]

    mutating func loadGazetteer(_ files: [String: SeedFile]) {
        var curatedQIDs = Set(entities.compactMap(\.wikidata))
        for (path, key, kind) in SeedAssembler.gazetteerFiles {
            guard let file = files[path] else { continue }
            loadedFiles.append(file)
            let name = label(path)
            guard let root = capture({ () throws(JSONError) -> LocatedJSON in try JSONDocument.parse(bytes: file.bytes, file: name) }),
                  case .object(let members) = root.value,
                  let list = members.first(where: { $0.key == key })?.value, case .array(let records) = list.value else {
                record(.unreadable(path: name, reason: "expected an object with a \"\(key)\" array"))
                continue
            }
            for record in records {
                guard case .object(let fields) = record.value else { continue }
                addGazetteerEntity(fields, kind: kind, country: nil, isNewsOutlet: key == "outlets", qids: &curatedQIDs)
                if kind == .country, let capital = fields.first(where: { $0.key == "capital" })?.value,
                   case .object(let capitalFields) = capital.value {
                    addGazetteerEntity(capitalFields, kind: .place, country: Self.text(fields, "id"), isNewsOutlet: false, qids: &curatedQIDs)
                    markCapital(capitalFields, of: Self.text(fields, "id"))
                }
            }
        }
    }

    /// The capital's entity (the gazetteer's, or the curated one with its id) stands for the
    /// country's government. A curated place that is not in the country (an id reused for
    /// another place) is left alone.
    private mutating func markCapital(_ fields: [LocatedJSON.Member], of country: String?) {
        guard let country, entityIndex[country] != nil, let id = Self.text(fields, "id"), let index = entityIndex[id],
              entities[index].kind == .place, entities[index].country == nil || entities[index].country == country else { return }
        entities[index].capitalOf = country
    }

    private mutating func addGazetteerEntity(
        _ fields: [LocatedJSON.Member], kind: Entity.Kind, country: String?, isNewsOutlet: Bool, qids: inout Set<String>
    ) {
        guard let id = Self.text(fields, "id"), let name = Self.text(fields, "name") else { return }
        let demonyms = Self.strings(fields, "demonyms").filter { SeedAssembler.visibleCharacterCount($0) >= 2 }
        if let curated = entityIndex[id] {
            // The curated entity wins; its gazetteer demonyms serve name resolution only
            // ("Russian President"), never mention detection, which stays as curated.
            entities[curated].demonyms = demonyms
            if isNewsOutlet { entities[curated].isNewsOutlet = true }
            return
        }
        let wikidata = Self.text(fields, "wikidata")
        if let wikidata {
            guard !qids.contains(wikidata) else { return }
            qids.insert(wikidata)
        }
        var aliases: [Alias] = []
        if let list = fields.first(where: { $0.key == "aliases" })?.value, case .array(let items) = list.value {
            for item in items {
                guard case .object(let alias) = item.value, let text = Self.text(alias, "text"),
                      Self.flag(alias, "ambiguous") != true, SeedAssembler.visibleCharacterCount(text) >= 2 else { continue }
                aliases.append(Alias(text: text, kind: Self.aliasKind(Self.text(alias, "kind"))))
            }
        }
        aliases += demonyms.map { Alias(text: $0, kind: .demonym) }
        var enrichment = ["name", "aliases"]
        if wikidata != nil { enrichment.append("wikidata") }
        let owner = country ?? Self.text(fields, "country").flatMap { entityIndex[$0] != nil ? $0 : nil }
        if owner != nil { enrichment.append("country") }
        entityIndex[id] = entities.count
        aliasLocations[id] = []
        var entity = Entity(
            id: id, kind: kind, name: name, aliases: aliases, description: nil, wikidata: wikidata,
            coordinates: nil, country: owner, enrichment: enrichment, origin: .gazetteer
        )
        entity.isNewsOutlet = isNewsOutlet
        entities.append(entity)
    }

    static func strings(_ fields: [LocatedJSON.Member], _ key: String) -> [String] {
        guard let list = fields.first(where: { $0.key == key })?.value, case .array(let items) = list.value else { return [] }
        return items.compactMap { item in
            if case .string(let text) = item.value { return text }
            return nil
        }
    }

    static func text(_ fields: [LocatedJSON.Member], _ key: String) -> String? {
        guard let value = fields.first(where: { $0.key == key })?.value, case .string(let text) = value.value, !text.isEmpty else {
            return nil
        }
        return text
    }

    static func flag(_ fields: [LocatedJSON.Member], _ key: String) -> Bool? {
        guard let value = fields.first(where: { $0.key == key })?.value, case .bool(let flag) = value.value else { return nil }
        return flag
    }

    static func aliasKind(_ text: String?) -> Alias.Kind {
        switch text {
        case "acronym": return .acronym
        case "short-form", "official-name": return .shortForm
        case "transliteration": return .transliteration
        case "demonym": return .demonym
        case "spelling-variant", "former-name": return .spellingVariant
        default: return .other
        }
    }
}
