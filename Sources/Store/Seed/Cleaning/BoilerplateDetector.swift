/// Finds the non-article lines of a news text: related-link sidebars,
/// inline links, comment prompts, source credits, wire trailers and
/// reporting credits.
///
/// Works on the file's lines (blank lines are ignored when following a
/// sidebar). Rules look at the shape of a line, not at any outlet's markup;
/// lines longer than 300 scalars are never boilerplate by themselves, which
/// keeps the pass linear on very long lines.
struct BoilerplateDetector {
    /// What one line is, as far as boilerplate goes.
    enum Role: Equatable {
        case sidebarHeader
        case single(StrippedBlock.Kind)
        case content
    }

    static let sidebarHeaders: Set<String> = [
        "read next", "read more", "read also", "also read", "see also", "related", "related stories",
        "related articles", "related news", "related content", "related coverage", "related posts",
        "more stories", "more news", "you may also like", "you might also like", "you may like",
        "recommended", "recommended stories", "recommended for you", "most read", "most popular",
        "trending", "trending now", "top stories", "more on this story", "don't miss", "editor's picks",
    ]

    static let linkPrefixes = [
        "also read", "read also", "read more", "read next", "see also", "also see", "related",
        "must read", "recommended", "you may also like", "don't miss", "go deeper",
    ]

    static let commentPrompts: Set<String> = [
        "what is your opinion on this topic", "what is your opinion", "what's your opinion",
        "what do you think", "leave the first comment", "leave a comment", "leave your comment",
        "leave a reply", "post a comment", "add a comment", "be the first to comment",
        "comments", "join the conversation", "join the discussion", "share your thoughts",
        "share your opinion", "have your say", "show comments", "view comments", "load comments",
        "tell us what you think", "let us know what you think",
    ]

    static let creditPrefixes = [
        "reporting by", "additional reporting by", "writing by", "editing by", "compiled by",
        "with inputs from", "with input from", "with agency inputs", "inputs from", "edited by",
    ]

    /// The role of a single line out of context.
    static func role(of line: SourceLine) -> Role {
        guard let key = line.ruleKey() else { return .content }
        let bare = trimTrailingPunctuation(key)
        let words = LineShape.wordCount(line.scalars)
        if sidebarHeaders.contains(bare) || (bare.hasPrefix("more from ") && words <= 6) {
            return .sidebarHeader
        }
        if commentPrompts.contains(bare) || isCommentCount(bare) {
            return .single(.commentPrompt)
        }
        if isInlineLink(key) { return .single(.inlineLink) }
        if isSourceCredit(key, line: line, words: words) { return .single(.sourceCredit) }
        if isAgencyTrailer(key, line: line) { return .single(.agencyTrailer) }
        if isSiteNotice(key, bare: bare, words: words) { return .single(.siteNotice) }
        let unparenthesised = key.hasPrefix("(") ? String(key.dropFirst()) : key
        if creditOpenings.contains(where: { unparenthesised.hasPrefix($0) }) {
            return .single(.reportingCredit)
        }
        return .content
    }

    /// Each of ``creditPrefixes`` followed by a space or a colon, made once.
    static let creditOpenings = creditPrefixes.flatMap { [$0 + " ", $0 + ":"] }

    static func trimTrailingPunctuation(_ key: String) -> String {
        // An ASCII key has one character per byte (a line holds no CR LF pair): trimmed byte by byte.
        var ascii = key
        if let end = ascii.withUTF8({ bytes -> Int? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var end = bytes.count
            while end > 0, trailingPunctuation.contains(bytes[end - 1]) { end -= 1 }
            return end
        }) {
            return end == key.utf8.count ? key : String(decoding: key.utf8.prefix(end), as: UTF8.self)
        }
        var result = Substring(key)
        while let last = result.last, last == " " || ".:!?\u{2026}-|".contains(last) { result.removeLast() }
        return String(result)
    }

    /// The ASCII bytes ``trimTrailingPunctuation(_:)`` takes off: space and `.:!?-|`.
    private static let trailingPunctuation: [UInt8] = Array(" .:!?-|".utf8)

    /// `12 comments`, `comments (3)`.
    static func isCommentCount(_ bare: String) -> Bool {
        // Both forms have the word; most lines do not.
        guard UTF8Search.contains(bare, "comment") else { return false }
        // Exactly two words; a third piece of more than spaces rules it out without splitting a paragraph.
        let words = bare.split(separator: " ", maxSplits: 2)
        guard words.count == 2 || (words.count == 3 && words[2].allSatisfy { $0 == " " }) else { return false }
        let (first, second) = (words[0], words[1])
        if first.allSatisfy(\.isNumber), second == "comments" || second == "comment" { return true }
        return first == "comments" && second.hasPrefix("(") && second.hasSuffix(")")
    }

    /// `Also Read: headline`, `Related - headline`, `READ MORE | headline`.
    static func isInlineLink(_ key: String) -> Bool {
        for prefix in linkPrefixes where key.hasPrefix(prefix) {
            let rest = key.dropFirst(prefix.count).drop { $0 == " " }
            guard let separator = rest.first, ":-\u{2013}\u{2014}|\u{00BB}>".contains(separator) else { continue }
            if rest.dropFirst().contains(where: { $0.isLetter || $0.isNumber }) { return true }
        }
        return false
    }

    /// `Source: Reuters`, `(Sources: AP, AFP)`: short, a credit and nothing else.
    /// `words` is the line's ``LineShape/wordCount(_:)``.
    static func isSourceCredit(_ key: String, line: SourceLine, words: Int) -> Bool {
        guard line.scalars.count <= 100, words <= 10 else { return false }
        var body = Substring(key)
        if body.hasPrefix("(") && body.hasSuffix(")") { body = body.dropFirst().dropLast() }
        // "Provided by CNN", "Story from Reuters", "This story was originally published by NPR.": a
        // syndicating site crediting the publisher (a phrase anywhere in the ten words at most).
        if words <= 6, syndicationPrefixes.contains(where: { body.hasPrefix($0) }) { return true }
        if syndicationPhrases.contains(where: { UTF8Search.contains(key, $0) }) { return true }
        for prefix in ["sources", "source"] where body.hasPrefix(prefix) {
            let rest = body.dropFirst(prefix.count).drop { $0 == " " }
            guard let separator = rest.first, ":-\u{2013}\u{2014}|".contains(separator) else { return false }
            return rest.dropFirst().contains { $0.isLetter }
        }
        return isWireCredit(body)
    }

    static let syndicationPrefixes = ["provided by ", "story from ", "originally published by ", "republished from "]
    static let syndicationPhrases = ["originally published by ", "originally appeared on ", "originally appeared in ", "first published by "]

    /// Wire services a site credits beside its own name.
    static let wireServices: Set<String> = [
        "afp", "ap", "reuters", "dpa", "agencies", "agency", "wires", "wire services", "efe", "ansa", "bloomberg",
        "tass", "interfax", "ukrinform", "unian", "xinhua", "kyodo", "yonhap", "pap", "anadolu", "agency reports",
    ]

    /// `Le Monde with AFP`, `(France 24 with AFP and Reuters)`: a name, "with", and wire services.
    static func isWireCredit(_ body: Substring) -> Bool {
        guard let with = body.firstRange(of: " with "), body.split(separator: " ").count <= 10 else { return false }
        let name = body[..<with.lowerBound]
        guard !name.isEmpty, name.split(separator: " ").count <= 4 else { return false }
        let services = body[with.upperBound...]
            .replacing(" and ", with: ",")
            .split(separator: ",")
            .map { $0.trimming(anyOf: " .") }
        return !services.isEmpty && services.allSatisfy { wireServices.contains($0) }
    }

    /// Whole lines that are a site's navigation rather than text.
    static let navigationLines: Set<String> = [
        "advertisement", "advertising", "sponsored", "sponsored content", "skip to content", "skip to main content",
        "skip navigation", "skip next section navigation", "navigation", "menu", "share", "share this article",
        "share this story", "print", "print this article", "listen to this article", "listen", "close",
        "donate", "sections", "subscribe", "sign in", "log in", "sign up", "search", "support us", "newsletters",
        "skip to site index", "share full article", "today's paper",
        // The headings of consent banners.
        "we care about your privacy", "we value your privacy", "your privacy", "your privacy choices", "your privacy matters",
        "privacy settings", "cookie settings", "manage cookies", "manage consent", "manage your privacy",
    ]

    /// Openings of a site's prompts and credits: `Subscribe to our newsletter`, `Photo: AFP`,
    /// `Tags Ukraine Russia`, `Copyright 2025 …`, `© 2025 …`.
    static let noticePrefixes = [
        "subscribe to ", "subscribe now", "subscribers only", "sign up for ", "sign up to ", "support our journalism",
        "photo: ", "photo credit", "photos: ", "photograph: ", "image: ", "main image: ", "tags ", "tags: ", "topics: ",
        "copyright ", "copyright:", "\u{00A9}", "(c) 19", "(c) 20", "listen to this article",
    ]

    /// Where a "Follow us" prompt sends the reader.
    static let socialNetworks = [
        "telegram", " on x", "twitter", "facebook", "instagram", "whatsapp", "youtube", "google news", "threads",
        "bluesky", "linkedin", "tiktok",
    ]

    /// A site's furniture (``StrippedBlock/Kind/siteNotice``), by what it says and how short it is:
    /// a cookie or consent banner, a prompt or a credit opening with ``noticePrefixes``, a rights
    /// or reuse notice ("All rights reserved", "may not be published, broadcast", "hyperlink …
    /// mandatory"), a newsletter or subscription pitch, or a line of ``navigationLines``. A
    /// sentence of the story that merely mentions cookies or subscribers lacks the site's wording.
    /// `bare` is `key` without trailing punctuation, `words` its word count.
    static func isSiteNotice(_ key: String, bare: String, words: Int) -> Bool {
        guard words <= 60 else { return false }
        if words <= 5, navigationLines.contains(bare) { return true }
        if isMenu(key) { return true }
        if words <= 25, noticePrefixes.contains(where: { UTF8Search.hasPrefix(key, $0) }) { return true }
        func has(_ needle: String) -> Bool { UTF8Search.contains(key, needle) }
        if has("cookies"), ["we use", "use cookies", "uses cookies", "our use of", "accept", "agree", "consent",
                            "cookie policy", "cookie settings", "manage", "preferences"].contains(where: has) {
            return true
        }
        if has("all rights reserved") || has("may not be published, broadcast") || has("ctrl+enter") { return true }
        // "A version of this article appears in print on …", "Appeared in the August 29 print edition".
        if words <= 40, has("print edition") || has("appears in print") { return true }
        // "Follow European Pravda on Telegram and X".
        if words <= 15, UTF8Search.hasPrefix(key, "follow "), socialNetworks.contains(where: has) { return true }
        if has("hyperlink"), ["mandatory", "obligatory", "required", "reproduction", "permitted"].contains(where: has) { return true }
        if words <= 40, has("subscription options") || has("newsletter") && (has("sign up") || has("subscribe")) {
            return true
        }
        // "Support Meduza's journalism", "Support Example News — Donate": the outlet's pitch.
        if words <= 12, has("support "), bare.hasSuffix("journalism") || bare.hasSuffix("donate") { return true }
        // "Support UP or become our patron!", "Make a donation".
        if words <= 15, ["become our patron", "become a patron", "make a donation", "donate now"].contains(where: has) { return true }
        // A site's tagline under its name: "The Middle East's leading independent news source since 2012".
        return words <= 15 && !bare.hasSuffix(".") && siteDescriptions.contains(where: has) && taglineWords.contains(where: has)
    }

    /// What a site calls itself in its tagline, and how it praises itself there.
    static let siteDescriptions = ["news source", "news site", "news outlet", "news agency", "media outlet", "source of news",
                                   "news and analysis"]
    static let taglineWords = ["leading", "independent", "trusted", "since 1", "since 2", "award-winning", "premier", "largest", "oldest"]

    /// A menu, a language switch or a breadcrumb: two or more short items (five words at most,
    /// none ending in a period) between spaced separators ("Home | News | Sport", "UA | RU | EN",
    /// "World / Europe", "Share | Save"), with no digit, so a date line ("News · 2:14 pm, August
    /// 22, 2025", "Jo Writer | 07.03.2026") is never one; except one item of a longer menu
    /// without a time or date in it ("Swiss news in 10 languages | Politics | Business | …").
    static func isMenu(_ key: String) -> Bool {
        guard key.unicodeScalars.count <= 160 else { return false }
        let separators = [" | ", " / ", " \u{203A} ", " \u{00BB} ", " \u{00B7} ", " > "]
        guard let separator = separators.first(where: { UTF8Search.contains(key, $0) }) else { return false }
        let items = key.split(separator: separator)
        guard items.count >= 2 else { return false }
        let numbered = items.filter { $0.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } }
        guard numbered.isEmpty || items.count >= 4 && numbered.count == 1
            && !numbered[0].contains(where: { $0 == ":" || $0 == "." || $0 == "/" || $0 == "," })
            && !ArticleMetadataInferrer.containsYear(numbered[0].utf8) && !Self.namesMonth(numbered[0]) else { return false }
        return items.allSatisfy { item in
            let words = item.split(separator: " ").count
            // "U.S." ends in a period and is an item; a sentence is not.
            return (1...5).contains(words) && (!item.hasSuffix(".") || words == 1 && item.count <= 5)
        }
    }

    /// A month's name or abbreviation among `item`'s words ("6 March 2026").
    static func namesMonth(_ item: Substring) -> Bool {
        item.split(separator: " ").contains { TemporalLexicon.months[$0.lowercased()] != nil }
    }

    /// `--Agencies`, `— Reuters`, `- IANS`, `(AFP)`: a dash-led or bracketed wire name.
    static func isAgencyTrailer(_ key: String, line: SourceLine) -> Bool {
        guard line.scalars.count <= 60 else { return false }
        var body = Substring(key)
        if body.hasPrefix("(") && body.hasSuffix(")") {
            body = body.dropFirst().dropLast()
            guard LineShape.wordCount(Array(body.unicodeScalars)) <= 3 else { return false }
        } else {
            let dashes = body.prefix { "-\u{2013}\u{2014}\u{2012}\u{2015}".contains($0) }
            guard (1...3).contains(dashes.count) else { return false }
            body = body.dropFirst(dashes.count)
        }
        let name = body.drop { $0 == " " }
        guard name.contains(where: \.isLetter), LineShape.wordCount(Array(name.unicodeScalars)) <= 4 else { return false }
        return name.allSatisfy { $0.isLetter || $0 == " " || $0 == "," || $0 == "&" || $0 == "/" || $0 == "." || $0 == "'" }
    }
}
