/// What `resolve(name:)` tries when no id, name or alias matches exactly, in order; each step
/// answers only when exactly one entity fits, so a vague name stays unresolved rather than
/// wrong:
/// 1. a title before a name is set aside ("President Trump", "Chancellor Merz");
/// 2. a role and who it is held for ("NATO chief", "Kremlin spokesperson", "US president",
///    "Russian President"): people whose description names the role (not as "vice", "former"
///    or "deputy") and who act for the holder (country, affiliation, or the description);
/// 3. part of one entity's name or alias ("Donetsk", "Security Council"; for a person, the
///    surname: "Kelley", never "Vladimir");
/// 4. another spelling of the given name before one person's surname ("Andrii Yermak").
extension KnowledgeBase {
    static let titleWords: Set<String> = [
        "president", "mr", "mrs", "ms", "dr", "chancellor", "prime", "minister", "secretary", "general", "envoy", "senator",
        "premier", "ambassador", "special", "foreign", "defence", "defense", "spokesman", "spokeswoman", "spokesperson",
        "sir", "dame", "king", "queen", "pope", "commissioner",
    ]

    /// Role words, by the form a description uses.
    static let roles: [String: [String]] = [
        "president": ["president"], "chancellor": ["chancellor"], "prime minister": ["prime minister", "premier", "pm"],
        "foreign minister": ["foreign minister", "top diplomat"], "secretary-general": ["secretary-general", "secretary general", "chief", "head", "boss"],
        "spokesperson": ["spokesperson", "spokesman", "spokeswoman"], "envoy": ["envoy", "special envoy"],
        "aide": ["aide", "adviser", "advisor"], "representative": ["representative", "ambassador"],
    ]

    static let notTheHolder: Set<String> = ["vice", "former", "deputy", "ex"]

    func resolveLoosely(_ name: String) -> EntityMatch? {
        let words = Self.words(name)
        guard !words.isEmpty else { return nil }
        // 1. A title before a name.
        var rest = words[...]
        while rest.count > 1, let first = rest.first, Self.titleWords.contains(first) { rest = rest.dropFirst() }
        if rest.count < words.count, let entity = lookupExactly(rest.joined(separator: " ")), entity.kind == .person {
            return EntityMatch(entity: entity, matched: entity.name, source: .title)
        }
        if let entity = byRole(words) { return EntityMatch(entity: entity, matched: entity.description ?? entity.name, source: .role) }
        if let (entity, form) = byPart(words) { return EntityMatch(entity: entity, matched: form, source: .partial) }
        if let (entity, form) = byVariant(words) { return EntityMatch(entity: entity, matched: form, source: .variant) }
        return nil
    }

    /// "NATO chief", "Germany's foreign minister", "Kremlin spokesperson", "US president".
    func byRole(_ words: [String]) -> Entity? {
        for (role, forms) in Self.roles.sorted(by: { $0.key < $1.key }) {
            for form in forms.map({ $0.split(separator: " ").map(String.init) }) {
                guard let at = Self.index(of: form, in: words) else { continue }
                let holderWords = (words[..<at] + words[(at + form.count)...]).map { word in
                    word.hasSuffix("'s") || word.hasSuffix("’s") ? String(word.dropLast(2)) : word
                }
                guard !holderWords.isEmpty, let holder = holder(holderWords) else { continue }
                let holderNames = holder.allNames.map { Self.words($0.text) }
                let fits = entities.filter { person in
                    guard person.kind == .person, let description = person.description else { return false }
                    let described = Self.words(description)
                    let named = Self.roles[role, default: []].contains { roleForm in
                        guard let position = Self.index(of: roleForm.split(separator: " ").map(String.init), in: described) else { return false }
                        return position == 0 || !Self.notTheHolder.contains(described[position - 1])
                    }
                    let actsFor = person.country == holder.id || person.affiliation == holder.id
                        || holderNames.contains { Self.index(of: $0, in: described) != nil }
                    return named && actsFor
                }
                if fits.count == 1 { return fits[0] }
            }
        }
        return nil
    }

    /// Who a role is held for: an entity's name, or a country's demonym ("Russian").
    func holder(_ words: [String]) -> Entity? {
        let text = words.joined(separator: " ")
        if let entity = lookupExactly(text) { return entity }
        return entities.first { entity in entity.demonyms.contains { Self.words($0) == words } }
    }

    /// Folded words without periods ("U.S." and "US" are one word).
    static func words(_ text: String) -> [String] {
        NameIndex.plain(NameIndex.fold(text)).split(separator: " ").map(String.init)
    }

    /// Where `needle` starts as a run of words in `haystack`.
    static func index(of needle: [String], in haystack: [String]) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        return (0...(haystack.count - needle.count)).first { Array(haystack[$0..<$0 + needle.count]) == needle }
    }

    /// The words are a run of exactly one entity's name or alias words.
    /// Only the forms containing the first word are read (``NameIndex/forms(containing:)``).
    func byPart(_ words: [String]) -> (Entity, String)? {
        guard words.joined().count >= 3, let first = words.first else { return nil }
        var found: (Entity, String)?
        for form in names.forms(containing: first) {
            let entity = entities[form.entity]
            guard form.words.count > words.count, let at = Self.index(of: words, in: form.words) else { continue }
            // A person by the surname ("Kelley"), never by a given name alone ("Vladimir").
            if entity.kind == .person && at + words.count != form.words.count { continue }
            if let found, found.0.id != entity.id { return nil }
            found = (entity, entity.allNames[form.name].text)
        }
        return found
    }

    /// "Andrii Yermak" for "Andriy Yermak": the same surname, given names sharing four letters.
    func byVariant(_ words: [String]) -> (Entity, String)? {
        guard words.count >= 2, let surname = words.last, let given = words.first else { return nil }
        var found: (Entity, String)?
        for form in names.forms(containing: surname) where entities[form.entity].kind == .person {
            let entity = entities[form.entity]
            guard form.words.count >= 2, form.words.last == surname, let other = form.words.first, other != given,
                  other.prefix(4) == given.prefix(4), min(other.count, given.count) >= 4 else { continue }
            if let found, found.0.id != entity.id { return nil }
            found = (entity, entity.allNames[form.name].text)
        }
        return found
    }
}
