/// Rule-based stance extraction (no HTTP here): from a sentence where an actor supports, backs,
/// pledges, opposes, rejects or rules out something, a position on a proposal topic.
///
/// - The cue (``StanceLexicon/cues``) gives the stance; a negator just before it turns it
///   ("did not support" is oppose, "did not rule out" is conditional).
/// - The topic is the proposal term nearest after the cue (its object), else nearest before it
///   ("any Western troops … would be legitimate targets").
/// - The actor is the speaker when a person or organisation is reported speaking ("Putin said");
///   else the subject: the mentions before the cue that no preposition governs, joined by "and";
///   else the one "from" whom the cue comes ("resistance from Russia"). A capital is its
///   country's government ("Moscow has rejected"); the subject of a relative clause holds what
///   the clause says ("a ceasefire, which Moscow rejected", "a demand Kyiv has refused").
/// - The date is the one the sentence gives for the statement when it is not after publication,
///   else the publication date. The sentence is the verbatim evidence.
public struct StanceExtractor: Sendable {
    public struct Candidate: Sendable, Hashable {
        /// The same statement with another stance and the rule that set it.
        func with(stance: Position.Stance, rule: String) -> Candidate {
            Candidate(entity: entity, stance: stance, topic: topic, kind: kind, date: date, article: article, paragraph: paragraph,
                      quote: quote, start: start, end: end, rule: rule, confidence: confidence, copyKey: copyKey)
        }

        /// Entity id of the actor.
        public let entity: String
        public let stance: Position.Stance
        public let topic: String
        public let kind: Proposal.Kind
        public let date: DatePoint?
        public let article: String
        public let paragraph: Int
        public let quote: String
        public let start: Int
        public let end: Int
        /// "stance:ruled out/troops": the cue and the term.
        public let rule: String
        public let confidence: Double
        /// The sentence as ``EventExtractor/sentenceKey(_:)``, computed where the stance is read
        /// (on every core) for the merge, which finds a syndicated copy of a stance by it.
        let copyKey: String
    }

    let base: KnowledgeBase

    public init(knowledgeBase: KnowledgeBase) {
        self.base = knowledgeBase
    }

    static let topicsByID = Dictionary(StanceLexicon.topics.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    static func topic(_ id: String) -> StanceLexicon.Topic? { topicsByID[id] }

    /// Lookup keys, tokenised as sentences are: phrase → value.
    static func keyed<Value>(_ pairs: [(String, Value)]) -> [String: Value] {
        var table: [String: Value] = [:]
        for (phrase, value) in pairs { table[key(TemporalTokens(phrase).tokens.map(\.text))] = value }
        return table
    }

    static func key<S: Sequence>(_ words: S) -> String where S.Element == String {
        words.map(normalized).joined(separator: " ")
    }

    static let cueTable = keyed(StanceLexicon.cues.map { ($0.key, $0.value) })
    static let termTable = keyed(StanceLexicon.topics.flatMap { topic in topic.terms.map { ($0, topic.id) } })
    static let cueLengths = PhraseLengths.byFirstWord(cueTable.keys)
    static let termLengths = PhraseLengths.byFirstWord(termTable.keys)

    /// Every stance in `article` (or in every article).
    public func candidates(inArticle articleID: String? = nil) -> [Candidate] {
        var found: [Candidate] = []
        NewsSentences(base: base).forEach(inArticle: articleID) { item in
            found += extract(item)
        }
        return found
    }

    struct Match {
        let text: String
        let first: Int
        let last: Int
        /// Code-point offsets in the sentence.
        let start: Int
        let end: Int
    }

    /// Longest-first phrase matches of `table` over the tokens.
    /// A word as the tables spell it (a typographic apostrophe as `'`).
    static func normalized(_ word: String) -> String {
        // Most words are ASCII: only one with a multi-byte character is read by character.
        guard word.utf8.contains(where: { $0 >= 0x80 }), word.contains("’") else { return word }
        return String(word.map { $0 == "’" ? "'" : $0 })
    }

    /// The longest table phrase at each place, left to right, by word positions (`words`
    /// already ``normalized(_:)``; `lengths` is the table's ``PhraseLengths``); where
    /// they lie in the sentence is worked out only for a sentence that has both a cue and a term
    /// (most have neither).
    static func phrases<Value>(
        _ table: [String: Value], _ lengths: WordTable<[Int]>, _ words: [String]
    ) -> [(text: String, first: Int, last: Int, value: Value)] {
        var found: [(text: String, first: Int, last: Int, value: Value)] = []
        var index = 0
        while index < words.count {
            guard let candidates = lengths[words[index]] else {
                index += 1
                continue
            }
            var matched = false
            for length in candidates where length <= words.count - index {
                let phrase = length == 1 ? words[index] : words[index..<index + length].joined(separator: " ")
                guard let value = table[phrase] else { continue }
                found.append((phrase, index, index + length - 1, value))
                index += length
                matched = true
                break
            }
            if !matched { index += 1 }
        }
        return found
    }

    func extract(_ item: NewsSentences.Item) -> [Candidate] {
        let (sentence, paragraph, article, mentions, resolver, tokens) = (item.sentence, item.paragraph, item.article, item.mentions, item.resolver, item.tokens)
        let words = tokens.map { Self.normalized($0.text) }
        let cueWords = Self.phrases(Self.cueTable, Self.cueLengths, words)
        guard !cueWords.isEmpty else { return [] }
        let termWords = Self.phrases(Self.termTable, Self.termLengths, words)
        guard !termWords.isEmpty else { return [] }
        let offsets = Self.scalarOffsets(of: tokens, in: sentence.text)
        let located = { (phrase: (text: String, first: Int, last: Int)) in
            Match(text: phrase.text, first: phrase.first, last: phrase.last, start: offsets[phrase.first].0, end: offsets[phrase.last].1)
        }
        let cues = cueWords.map { (located(($0.text, $0.first, $0.last)), $0.value) }
        let terms = termWords.filter { !Self.isSetting($0.first, topic: $0.value, words) }.map { (located(($0.text, $0.first, $0.last)), $0.value) }
        let scalars = sentence.text.scalarArray
        // Who each name stands for (``Entity/actor``): "Moscow has rejected" is Russia's stance; a
        // news outlet reports or interviews ("told Fox News"), and holds none.
        let inSentence = mentions.filter { $0.start >= sentence.start && $0.end <= sentence.end }.compactMap { mention -> (Mention, Entity)? in
            guard let named = base.entity(id: mention.entity) else { return nil }
            // A capital acts only with its verb or possessive after it ("Moscow has rejected",
            // "Moscow's memorandum"): "Paris (EFE).- Russia rejected …" is a dateline.
            if named.capitalOf != nil, !Self.verbFollows(offset: mention.end - sentence.start, in: scalars) { return nil }
            return named.actor.flatMap(base.entity(id:)).map { (mention, $0) }
        }
        .filter { mention, _ in
            !EventExtractor.isCredit(start: mention.start - sentence.start, end: mention.end - sentence.start, in: scalars)
        }
        let speakers = inSentence.filter { mention, entity in
            entity.kind != .country
                && (EventLexicon.speech.contains(EventExtractor.wordAfter(offset: mention.end - sentence.start, in: scalars))
                    || EventLexicon.speech.contains(EventExtractor.wordBefore(offset: mention.start - sentence.start, in: scalars)))
        }
        // Where a contrasting clause starts (", while Merz said …"): a speaker past it speaks there.
        // One inside a quotation does not part the quotation from its speaker ("'…, but it must
        // be the final point,' Peskov said"); the quotations are read only when a speaker
        // follows a joint (few sentences).
        let joints = words.indices.filter { EventExtractor.isClauseJoint(words, at: $0) }.map { offsets[$0].0 }
        var quotations: Quotations?
        func partsClause(_ joint: Int) -> Bool {
            let found = quotations ?? Quotations(sentence.text)
            quotations = found
            return !found.contains(scalarOffset: joint)
        }
        var results: [Candidate] = []
        var taken: [String: Int] = [:]
        var clauseStart = 0
        // Read once, and only for a sentence that yields a stance.
        var statedDate: DatePoint??
        var copyKey: String?
        for (cue, stance) in cues {
            // Each cue reads its own clause: from the cue before it to the one after it.
            defer { clauseStart = cue.end }
            if StanceLexicon.intentOnly.contains(cue.text) {
                guard cue.first > 0, StanceLexicon.intentMarkers.contains(words[cue.first - 1])
                        || StanceLexicon.negators.contains(words[cue.first - 1]) else { continue }
            }
            // "if Putin fails to commit to a meeting": a condition states no stance.
            guard !Self.isOpenQuestion(cue, words), !EventExtractor.isConditional(words, before: cue.first),
                  let term = Self.object(of: cue, in: terms, words), !Self.isReported(between: cue, term.0, words) else { continue }
            let clause = inSentence.filter { $0.0.start - sentence.start >= clauseStart }
            let ownSpeakers = speakers.filter { mention, _ in
                let start = mention.start - sentence.start
                return start <= cue.start || !joints.contains { $0 > cue.end && $0 < start && partsClause($0) }
            }
            var actors = actors(cue: cue, term: term.0, mentions: clause, speakers: ownSpeakers, sentence: sentence, scalars: scalars)
            // "He added that a ceasefire could only come after a settlement": no name in the
            // sentence holds it, so the speaker is the person the sentence before named.
            if actors.isEmpty, let person = item.previousPerson, Self.pronounSpeaks(words) { actors = [person] }
            guard !actors.isEmpty else { continue }
            var finalStance = stance
            if Self.isNegated(cue, words) {
                finalStance = stance == .support ? .oppose : .conditional
            } else if stance == .support, Self.isReversed(cue, words) {
                finalStance = .oppose
            }
            guard let topic = Self.topic(term.1) else { continue }
            var confidence = 0.55
            if abs(term.0.first - cue.last) <= 8 || abs(cue.first - term.0.last) <= 8 { confidence += 0.15 }
            if actors.count == 1 { confidence += 0.1 }
            if statedDate == nil { statedDate = .some(resolver.matches(in: sentence.text, tokens: tokens).compactMap(\.date).first) }
            let date = Self.statementDate(statedDate ?? nil, published: article.published)
            let key = copyKey ?? EventExtractor.sentenceKey(sentence.text)
            copyKey = key
            for actor in actors {
                // "would accept a ceasefire only if …": the condition qualifies the cue before it.
                if let earlier = taken[actor + "/" + topic.id] {
                    if finalStance == .conditional, results[earlier].stance == .support {
                        results[earlier] = results[earlier].with(stance: .conditional, rule: "stance:\(cue.text)/\(term.0.text)")
                    }
                    continue
                }
                taken[actor + "/" + topic.id] = results.count
                results.append(Candidate(
                    entity: actor, stance: finalStance, topic: topic.id, kind: topic.kind, date: date, article: article.id,
                    paragraph: paragraph.index, quote: sentence.text, start: sentence.start, end: sentence.end,
                    rule: "stance:\(cue.text)/\(term.0.text)", confidence: (min(0.9, confidence) * 100).rounded() / 100,
                    copyKey: key
                ))
            }
        }
        return results
    }

    /// The term at `first` names a setting, for a topic whose terms may ("during a summit",
    /// "at an emergency U.N. Security Council meeting", "after meeting with Putin"): a setting
    /// preposition within the words before it, with no cue between.
    static func isSetting(_ first: Int, topic id: String, _ words: [String]) -> Bool {
        guard topic(id)?.namesSettings == true else { return false }
        for position in stride(from: first - 1, through: max(0, first - StanceLexicon.settingReach), by: -1) {
            let word = words[position]
            if word == "," || cueTable[word] != nil { return false }
            if StanceLexicon.settingPrepositions.contains(word) { return true }
        }
        return false
    }

    /// A negator just before the cue, or before one adverb before it ("did not fully support").
    static func isNegated(_ cue: Match, _ words: [String]) -> Bool {
        guard cue.first > 0 else { return false }
        if StanceLexicon.negators.contains(words[cue.first - 1]) { return true }
        if cue.first > 1 && StanceLexicon.negatedAdverbs.contains(words[cue.first - 1])
            && StanceLexicon.negators.contains(words[cue.first - 2]) {
            return true
        }
        // "not planning to send", "has no plans to deploy": a negated intention before "to".
        guard cue.first > 2, words[cue.first - 1] == "to", StanceLexicon.intentions.contains(words[cue.first - 2]) else { return false }
        return StanceLexicon.negators.contains(words[cue.first - 3])
            || cue.first > 3 && StanceLexicon.negators.contains(words[cue.first - 4])
    }

    /// "has not said whether it would accept a ceasefire": a cue inside an open question states nothing.
    static func isOpenQuestion(_ cue: Match, _ words: [String]) -> Bool {
        words[max(0, cue.first - 4)..<cue.first].contains("whether")
    }

    /// The term is inside what a claim or report says ("rejected claims that the summit was a
    /// win"): the cue is about the claim.
    static func isReported(between cue: Match, _ term: Match, _ words: [String]) -> Bool {
        guard term.first > cue.last + 1 else { return false }
        let gap = words[(cue.last + 1)..<term.first]
        return zip(gap, gap.dropFirst()).contains { StanceLexicon.claims.contains($0) && $1 == "that" }
    }

    /// A reversal just before the cue, or before a determiner before it ("dropped his call for").
    static func isReversed(_ cue: Match, _ words: [String]) -> Bool {
        guard cue.first > 0 else { return false }
        if StanceLexicon.reversals.contains(words[cue.first - 1]) { return true }
        return cue.first > 1 && StanceLexicon.determiners.contains(words[cue.first - 1])
            && StanceLexicon.reversals.contains(words[cue.first - 2])
    }

    /// The term a cue is about: the nearest after it, else the nearest before it (the nearest
    /// before first for a cue that follows its object, ``StanceLexicon/objectBefore``).
    static func object(of cue: Match, in terms: [(Match, String)], _ words: [String]) -> (Match, String)? {
        if StanceLexicon.objectBefore.contains(cue.text),
           let before = terms.filter({ $0.0.last < cue.first && reaches($0.0.last, cue.first, words) }).max(by: { $0.0.last < $1.0.last }) {
            return before
        }
        if let after = terms.filter({ $0.0.first > cue.last && reaches(cue.last, $0.0.first, words) }).min(by: { $0.0.first < $1.0.first }) {
            return after
        }
        return terms.filter { $0.0.last < cue.first && reaches($0.0.last, cue.first, words) }.max { $0.0.last < $1.0.last }
    }

    /// The word at `to` is within ``reach`` words of the one at `from`: a hyphen inside a
    /// compound is no word ("an immediate and unconditional 30-day ceasefire").
    static func reaches(_ from: Int, _ to: Int, _ words: [String]) -> Bool {
        let distance = to - from
        guard distance > reach else { return true }
        return distance - words[(from + 1)..<to].count { $0 == "-" } <= reach
    }

    /// The sentence is attributed to "he" or "she": it opens with them and a verb of speech ("He
    /// said", "He also said", "She added"), or a quotation ends with them (", he said."). Not "an
    /// official said he opposed …", where "he" is the official.
    static func pronounSpeaks(_ words: [String]) -> Bool {
        for position in words.indices where words[position] == "he" || words[position] == "she" {
            guard position == 0 || words[position - 1] == "," else { continue }
            // Past an adverb or an auxiliary ("He also said", "she has repeatedly said").
            var verb = position + 1
            while verb < words.count, verb - position <= 2, EventLexicon.beforeSpeech.contains(words[verb]) { verb += 1 }
            if verb < words.count, EventLexicon.speech.contains(words[verb]) { return true }
        }
        return false
    }

    /// How many words a cue reaches for its object: further away is another clause's.
    static let reach = 12

    /// Words a subject may follow at the start of its clause ("Meanwhile, Putin", "French president Macron",
    /// "reported that Merz"), a relative clause's among them ("a ceasefire, which Moscow has
    /// rejected", "a demand Kyiv has refused").
    static let subjectOpeners: Set<String> = [
        "", "and", "the", "but", "while", "as", "when", "meanwhile", "also", "that", "president", "minister", "chancellor",
        "secretary", "leader", "spokesman", "spokeswoman", "spokesperson", "envoy", "prime", "foreign", "defence", "defense",
        "which", "demand", "demands", "proposal", "proposals", "plan", "idea", "offer", "condition", "conditions",
    ]

    /// The speaker, else the subject before the cue, else "from" whom the cue comes.
    func actors(
        cue: Match, term: Match, mentions: [(Mention, Entity)], speakers: [(Mention, Entity)], sentence: Sentences.Sentence,
        scalars: [Unicode.Scalar]
    ) -> [String] {
        // A passive cue, a participle after "was" ("the plan Russia proposed was rejected by
        // Ukraine"): the one after "by" acts, and no subject before the cue does.
        if cue.text.hasSuffix("ed"), StanceLexicon.passiveAuxiliaries.contains(EventExtractor.wordBefore(offset: cue.start, in: scalars)) {
            let agent = mentions.first { mention, _ in
                mention.start - sentence.start > cue.end && EventExtractor.wordBefore(offset: mention.start - sentence.start, in: scalars) == "by"
            }
            return agent.map { [$0.1.id] } ?? []
        }
        if let speaker = speakers.first {
            // "Lavrov said Putin was ready to meet", "Merz told reporters that Putin had agreed to":
            // the person the reported words are about holds the stance, not the one reporting it.
            let reported = mentions.first { mention, entity in
                let start = mention.start - sentence.start, end = mention.end - sentence.start
                guard entity.kind == .person, entity.id != speaker.1.id, mention.start >= speaker.0.end, end <= cue.start,
                      !(start < term.end && end > term.start) else { return false }
                let before = EventExtractor.wordBefore(offset: start, in: scalars)
                return before == "that" || EventLexicon.speech.contains(before)
            }
            return [(reported ?? speaker).1.id]
        }
        var subject: [String] = []
        var subjectEnd = 0
        for (mention, entity) in mentions {
            let start = mention.start - sentence.start
            let end = mention.end - sentence.start
            guard end <= cue.start else { break }
            // Inside the term ("troops from NATO countries") or governed by a preposition: not the actor.
            if start < term.end && end > term.start { continue }
            let before = EventExtractor.wordBefore(offset: start, in: scalars)
            // "The leaders of France, Germany and Poland called on …": those they lead act.
            let ledBy = before == "of" && StanceLexicon.leaders.contains(
                EventExtractor.wordBefore(offset: start - 3, in: scalars))
            if StanceLexicon.prepositions.contains(before) && !ledBy { continue }
            // The first actor opens its clause: after a verb ("back up Zelensky") it is an object.
            if subject.isEmpty, !ledBy, !Self.subjectOpeners.contains(before), !Self.capitalisedWord(endingBefore: start, in: scalars) { continue }
            // Later actors join the subject only through "and", commas and titles ("Merz and French President Macron").
            if !subject.isEmpty {
                let gap = ShadowText.makeString(scalars[subjectEnd..<start])
                guard Self.joinsSubject(gap) else { continue }
                // "Ukraine's President Zelensky", "NATO's Secretary-General, Mark Rutte": the person acts.
                if gap.hasPrefix("’s") || gap.hasPrefix("'s") { subject.removeLast() }
            }
            if !subject.contains(entity.id) { subject.append(entity.id) }
            subjectEnd = end
        }
        if !subject.isEmpty { return Array(subject.prefix(3)) }
        for (mention, entity) in mentions where mention.start - sentence.start > cue.end {
            if EventExtractor.wordBefore(offset: mention.start - sentence.start, in: scalars) == "from" { return [entity.id] }
        }
        return []
    }

    /// After `offset`, past spaces, a lowercase word or an apostrophe: a verb or a possessive,
    /// not a dateline's bracket, comma or dash.
    static func verbFollows(offset: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var index = offset
        while index < scalars.count, scalars[index] == " " { index += 1 }
        guard index < scalars.count else { return false }
        return scalars[index].properties.isLowercase || scalars[index] == "'" || scalars[index] == "\u{2019}"
    }

    /// The word before `offset` starts with a capital ("NATO's Secretary-General, Mark Rutte").
    static func capitalisedWord(endingBefore offset: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var end = min(offset, scalars.count)
        while end > 0, scalars[end - 1] == " " || scalars[end - 1] == "," { end -= 1 }
        var start = end
        while start > 0, WordScalar.isAlphabetic(scalars[start - 1]) || scalars[start - 1] == "-" { start -= 1 }
        return start < end && scalars[start].properties.isUppercase
    }

    /// Between two actors of one subject: "and", commas, possessives and capitalised title words.
    static func joinsSubject(_ gap: String) -> Bool {
        let words = gap.split { $0 == " " || $0 == "," }
        return words.allSatisfy { word in
            word == "and" || word == "the" || word == "’s" || word == "'s" || (word.first?.isUppercase ?? false)
        }
    }

    /// The date the sentence gives when it is not after publication ("said on Friday"), else the publication date.
    static func statementDate(_ stated: DatePoint?, published: DatePoint?) -> DatePoint? {
        if let stated, let published, stated.date <= published.date { return stated }
        guard let published else { return stated }
        return DatePoint(date: published.date, precision: published.precision, reason: "the publication date of the article that reports it")
    }

    /// Each token's start and end as code-point offsets in `text`, in one walk (tokens come in order).
    static func scalarOffsets(of tokens: [TemporalTokens.Token], in text: String) -> [(Int, Int)] {
        // Counted in the UTF-8, one lead byte per scalar (token ranges are on scalar boundaries):
        // stepping the scalar view validated every index.
        var text = text
        text.makeContiguousUTF8()
        let utf8 = text.utf8
        return utf8.withContiguousStorageIfAvailable { bytes in
            var position = 0
            var count = 0
            func offset(_ target: String.Index) -> Int {
                let end = min(utf8.distance(from: utf8.startIndex, to: target), bytes.count)
                while position < end {
                    if bytes[position] & 0xC0 != 0x80 { count += 1 }
                    position += 1
                }
                return count
            }
            return tokens.map { (offset($0.range.lowerBound), offset($0.range.upperBound)) }
        } ?? []
    }
}
