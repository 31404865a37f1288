
/// Case- and diacritic-insensitive lookup of entities by id, name or alias.
///
/// Keys are folded: canonical decomposition with combining marks removed,
/// a few letters without decomposition mapped (`ł`→`l`, `ß`→`ss` ...),
/// lowercased, curly quotes straightened and whitespace collapsed. The first
/// entity (catalog order) to claim a key keeps it; ids win over names, names
/// over aliases. Immutable after `init`.
struct NameIndex: Sendable {
    struct Entry: Sendable {
        let entity: Int
        let matched: String
        let source: EntityMatch.Source
    }

    let entries: [String: Entry]
    /// The same keys without periods and with hyphens as spaces ("U.S." = "US").
    let plain: [String: Entry]
    /// Every name and alias as the loose rules read it (``KnowledgeBase/words(_:)``), in catalog
    /// order, and the forms each word occurs in: a name no entity has exactly is looked up by its
    /// words, where it scanned and folded every name in the catalog (2–3.5 ms per unknown name,
    /// on every request for it, as a 404 is not cached).
    let forms: [Form]
    let formsByWord: [String: [Int32]]

    struct Form: Sendable {
        let entity: Int
        /// The position of the name in the entity's `allNames` (0: its name).
        let name: Int
        let words: [String]
    }

    init(entities: [Entity]) {
        var entries: [String: Entry] = [:]
        func add(_ text: String, _ entity: Int, _ source: EntityMatch.Source) {
            let key = NameIndex.fold(text)
            if !key.isEmpty && entries[key] == nil { entries[key] = Entry(entity: entity, matched: text, source: source) }
        }
        for (position, entity) in entities.enumerated() { add(entity.id, position, .id) }
        for (position, entity) in entities.enumerated() { add(entity.name, position, .name) }
        for (position, entity) in entities.enumerated() {
            for alias in entity.aliases { add(alias.text, position, .alias) }
        }
        self.entries = entries
        var plain: [String: Entry] = [:]
        for (key, entry) in entries where plain[NameIndex.plain(key)] == nil { plain[NameIndex.plain(key)] = entry }
        self.plain = plain
        var forms: [Form] = []
        var formsByWord: [String: [Int32]] = [:]
        for (position, entity) in entities.enumerated() {
            for (name, alias) in entity.allNames.enumerated() {
                let words = KnowledgeBase.words(alias.text)
                for word in Set(words) { formsByWord[word, default: []].append(Int32(forms.count)) }
                forms.append(Form(entity: position, name: name, words: words))
            }
        }
        self.forms = forms
        self.formsByWord = formsByWord
    }

    /// The tables as they are (``compacted(by:)``).
    init(entries: [String: Entry], plain: [String: Entry], forms: [Form], formsByWord: [String: [Int32]]) {
        self.entries = entries
        self.plain = plain
        self.forms = forms
        self.formsByWord = formsByWord
    }

    /// The forms containing `word`, in catalog order.
    func forms(containing word: String) -> [Form] {
        (formsByWord[word] ?? []).map { forms[Int($0)] }
    }

    static func plain(_ key: String) -> String {
        String(key.compactMap { $0 == "." ? nil : ($0 == "-" ? " " : $0) })
    }

    /// The entry for `query`; retries without a leading "the " and a trailing possessive.
    func lookup(_ query: String) -> Entry? {
        let key = NameIndex.fold(query)
        if let entry = entries[key] { return entry }
        var variants: [String] = []
        if key.hasPrefix("the ") { variants.append(String(key.dropFirst(4))) } else { variants.append("the " + key) }
        for suffix in ["'s", "'"] where key.hasSuffix(suffix) { variants.append(String(key.dropLast(suffix.count))) }
        if let entry = variants.lazy.compactMap({ self.entries[$0] }).first { return entry }
        return ([key] + variants).lazy.compactMap { self.plain[NameIndex.plain($0)] }.first
    }

    static func fold(_ text: String) -> String {
        // Lowercase ASCII letters, digits, '-' and '.' fold to themselves (an id, `zelensky`):
        // the Unicode folding is skipped for them.
        if text.utf8.allSatisfy(isFoldedByte) { return text }
        return DiacriticFolding.fold(ShadowText.normalize(text))
    }

    @inline(__always)
    static func isFoldedByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }
}

extension KnowledgeBase {
    /// Resolves an entity id, name or alias, ignoring case and diacritics
    /// (`Zelenskiy`, `zelensky`, `volodymyr-zelensky` → the same person).
    /// Returns nil when nothing matches.
    public func resolve(name: String) -> EntityMatch? {
        guard let entry = names.lookup(name) else { return resolveLoosely(name) }
        return EntityMatch(entity: entities[entry.entity], matched: entry.matched, source: entry.source)
    }

    /// Every name of the entity `run` names exactly (id, name or alias; periods and hyphens
    /// aside), for search: a query naming an entity by any spelling matches all of them.
    public func searchNames(for run: String) -> [String]? {
        guard let entity = lookupExactly(run) else { return nil }
        return entity.allNames.map(\.text)
    }

    /// The entry for an exact name, id or alias (periods and hyphens aside).
    func lookupExactly(_ name: String) -> Entity? {
        names.lookup(name).map { entities[$0.entity] }
    }
}
