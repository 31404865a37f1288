/// Finds people and organisations an article names that the catalog does not know, by two
/// patterns (as data in ``EntityPatternLexicon``), in the manner of spaCy's `Matcher`:
///
/// - `person-after-title`: a title directly before a capitalised name of two or three words
///   ("Spokeswoman Maria Zakharova", "Kremlin foreign policy aide Yuri Ushakov",
///   "Chancellor Friedrich Merz"). The person also gets their surname as an alias when no
///   other entity claims it, so a later "Zakharova" links to them.
/// - `named-organisation`: "the" and a capitalised name (with "of", "the", "for", "on" inside) containing an
///   organisation word ("the Coalition of the Willing", "the Eastern Economic Forum",
///   "the President's Office").
///
/// Each finding keeps the rule that produced it and the sentence it came from. Names the
/// catalog already has are never re-created; single words and noise (months, "Office",
/// "Peace") never become entities.
struct EntityPatternFinder {
    struct Finding: Sendable, Hashable {
        let kind: Entity.Kind
        let name: String
        /// The title before a person's name, as written ("foreign policy aide").
        let title: String?
        let rule: String
        let article: String
        let quote: String
    }

    /// Every name already in the catalog (any alias), in matching form.
    let known: Set<String>

    init(entities: [Entity]) {
        var known: Set<String> = []
        for entity in entities {
            for alias in entity.allNames { known.insert(UnicodeMatching.key(alias.text)) }
        }
        self.known = known
    }

    func findings(in paragraph: String, article: String) -> [Finding] {
        let tokens = TemporalTokens(paragraph).tokens
        var found: [Finding] = []
        // Split once, on the first finding: a sentence looked up per finding over the whole
        // paragraph was quadratic in a paragraph of thousands of names.
        var sentences: ParagraphSentences?
        let quote = { (range: Range<String.Index>) -> String in
            let split = sentences ?? ParagraphSentences(paragraph)
            sentences = split
            return split.sentence(around: range.lowerBound)
        }
        var index = 0
        while index < tokens.count {
            if let (finding, next) = person(tokens, at: index, in: paragraph, article: article, quote: quote)
                ?? organisation(tokens, at: index, in: paragraph, article: article, quote: quote) {
                found.append(finding)
                index = next
            } else {
                index += 1
            }
        }
        return found
    }

    typealias Token = TemporalTokens.Token

    /// A title (longest lexicon phrase) then a 2–3 word capitalised name.
    func person(
        _ tokens: [Token], at index: Int, in text: String, article: String, quote: (Range<String.Index>) -> String
    ) -> (Finding, Int)? {
        guard EntityPatternLexicon.titleFirstWords.contains(tokens[index].text) else { return nil }
        var titleEnd: Int?
        for length in stride(from: 4, through: 1, by: -1) where index + length <= tokens.count {
            let phrase = tokens[index..<index + length].map(\.text).joined(separator: " ")
            if EntityPatternLexicon.titles.contains(phrase) {
                titleEnd = index + length
                break
            }
        }
        guard let titleEnd else { return nil }
        var cursor = titleEnd
        // "Prime Minister Sir Keir Starmer": an honorific is part of neither the title nor the name.
        while cursor < tokens.count, tokens[cursor].capitalized, EntityPatternLexicon.honorifics.contains(tokens[cursor].text) {
            cursor += 1
        }
        var nameTokens: [Token] = []
        var nameEnd: String.Index?
        while cursor < tokens.count, nameTokens.count < 3 {
            let token = tokens[cursor]
            guard token.capitalized, token.text.count >= 2, token.startsWithLetter,
                  !EntityPatternLexicon.notNames.contains(token.text), !token.abbreviated || token.text.count <= 2 else { break }
            nameTokens.append(token)
            nameEnd = token.range.upperBound
            cursor += 1
            // "aide Vladimir Medinsky. Turkish Foreign Minister …": a name ends with its sentence.
            if Self.endsSentence(token, in: text) { break }
            // "Jean-Noel": a hyphen between two capitalised words joins them; so does one before a
            // short lowercase syllable of a Korean given name ("Kim Jong-un"), which ends the name.
            if cursor + 1 < tokens.count, tokens[cursor].text == "-", tokens[cursor].range.lowerBound == token.range.upperBound {
                let next = tokens[cursor + 1]
                if next.capitalized {
                    cursor += 1
                } else if next.startsWithLetter, next.text.count <= 3, next.range.lowerBound == tokens[cursor].range.upperBound {
                    nameEnd = next.range.upperBound
                    cursor += 2
                    break
                }
            }
        }
        guard nameTokens.count >= 2, let first = nameTokens.first, let nameEnd else { return nil }
        let name = String(text[first.range.lowerBound..<nameEnd]).withoutPossessive().withPlainSpaces()
        guard !known.contains(UnicodeMatching.key(name)) else { return nil }
        // A known entity inside the name ("President Donald Trump" when Trump is known) is not new.
        if nameTokens.contains(where: { known.contains(UnicodeMatching.key(String(text[$0.range]).withoutPossessive())) }) { return nil }
        let title = String(text[tokens[index].range.lowerBound..<tokens[titleEnd - 1].range.upperBound]).withPlainSpaces()
        return (Finding(kind: .person, name: name, title: title, rule: "person-after-title", article: article,
                        quote: quote(first.range)), cursor)
    }

    /// "the" + capitalised words (with "of", "the", "for", "and" inside) containing an organisation word.
    func organisation(
        _ tokens: [Token], at index: Int, in text: String, article: String, quote: (Range<String.Index>) -> String
    ) -> (Finding, Int)? {
        guard tokens[index].text == "the", index + 1 < tokens.count, tokens[index + 1].capitalized else { return nil }
        var cursor = index + 1
        var lastCapital = index
        var hasHead = false
        while cursor < tokens.count {
            let token = tokens[cursor]
            if token.capitalized && token.startsWithLetter {
                // "the General Assembly on Wednesday", "the Security Council in September": a
                // day or a month after the name dates it; it is not part of it. A short form counts
                // with its period only ("Sept.", not "the Sun").
                if TemporalLexicon.weekdays[token.text] != nil || TemporalLexicon.months[token.text] != nil,
                   token.abbreviated || !TemporalLexicon.abbreviations.contains(token.text) {
                    break
                }
                let isHead = EntityPatternLexicon.organisationWords.contains(token.text)
                // "the Presidential Office Andriy Yermak": a name directly after the head word, or
                // a name the catalog knows, is the next entity, not part of this one.
                if hasHead, !isHead, lastCapital == cursor - 1, EntityPatternLexicon.organisationWords.contains(tokens[cursor - 1].text) { break }
                if cursor > index + 1, startsKnownName(tokens, at: cursor, in: text) { break }
                lastCapital = cursor
                if isHead { hasHead = true }
                if Self.endsSentence(token, in: text) { break }
            } else if !["of", "the", "for", "on"].contains(token.text) {
                break
            }
            cursor += 1
        }
        guard hasHead, lastCapital >= index + 2 else { return nil }
        let start = tokens[index + 1].range.lowerBound
        let name = String(text[start..<tokens[lastCapital].range.upperBound]).withoutPossessive().withPlainSpaces()
        guard !known.contains(UnicodeMatching.key(name)), !EntityPatternLexicon.organisationWords.contains(name.lowercased()) else { return nil }
        // A known name at its start ("the European Union for …") means the phrase is that entity.
        for end in (index + 1)..<lastCapital {
            let prefix = String(text[start..<tokens[end].range.upperBound])
            if known.contains(UnicodeMatching.key(prefix)) { return nil }
        }
        return (Finding(kind: .organisation, name: name, title: nil, rule: "named-organisation", article: article,
                        quote: quote(tokens[index + 1].range)), lastCapital + 1)
    }

    /// A word of more than two letters written with a period after it ends a sentence; an
    /// initial ("J.") or an abbreviation the tokens keep ("Gen.") does not.
    static func endsSentence(_ token: Token, in text: String) -> Bool {
        guard token.text.count > 2, !token.abbreviated, token.range.upperBound < text.endIndex else { return false }
        return text[token.range.upperBound] == "."
    }

    /// Whether a name the catalog knows, of one to three words, starts at `index`.
    func startsKnownName(_ tokens: [Token], at index: Int, in text: String) -> Bool {
        for length in 1...3 where index + length <= tokens.count {
            let words = tokens[index..<index + length]
            guard words.allSatisfy({ $0.capitalized }), let last = words.last else { break }
            if known.contains(UnicodeMatching.key(String(text[tokens[index].range.lowerBound..<last.range.upperBound]))) { return true }
        }
        return false
    }

    /// A paragraph's sentences as ``Sentences`` splits it (abbreviations and "U.S." do not end
    /// a sentence), found by where a name starts.
    struct ParagraphSentences {
        let text: String
        let sentences: [Sentences.Sentence]
        /// Where each sentence starts and ends in `text`.
        let bounds: [Range<String.Index>]

        init(_ text: String) {
            self.text = text
            sentences = Sentences.split(text)
            let scalars = text.unicodeScalars
            var index = scalars.startIndex
            var offset = 0
            func advance(to target: Int) -> String.Index {
                while offset < target, index < scalars.endIndex {
                    index = scalars.index(after: index)
                    offset += 1
                }
                return index
            }
            bounds = sentences.map { sentence in
                let start = advance(to: sentence.start)
                return start..<advance(to: sentence.end)
            }
        }

        /// The sentence containing `index`, else the whole paragraph.
        func sentence(around index: String.Index) -> String {
            var low = 0
            var high = bounds.count
            while low < high {
                let middle = (low + high) / 2
                if bounds[middle].upperBound <= index { low = middle + 1 } else { high = middle }
            }
            return low < bounds.count && bounds[low].contains(index) ? sentences[low].text : text
        }
    }
}

extension String {
    /// Every run of spaces (a non-breaking space, a tab) as one plain space: a name typed
    /// "Pete\u{A0}Hegseth" is the catalog's "Pete Hegseth", not another entity.
    func withPlainSpaces() -> String {
        guard unicodeScalars.contains(where: { $0 != " " && $0.properties.isWhitespace }) || contains("  ") else { return self }
        return split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Without a trailing "'s" or "’s".
    func withoutPossessive() -> String {
        for suffix in ["'s", "’s"] where hasSuffix(suffix) { return String(dropLast(2)) }
        return self
    }
}
