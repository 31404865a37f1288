/// The outlet a dropped-in article names itself, in the order of how directly the text says it:
/// the wire dateline ("ISTANBUL (AA) -"), a "Source: X" or "X with AFP" credit, an agency
/// trailer ("— Reuters"), a staff byline ("By Kyiv Post staff"), the site's masthead above its
/// menu ("BBC" over "Home | News | Sport"), "a/an X correspondent reports",
/// the site's own notice ("Meduza is a Russian independent media outlet", "Support X's
/// journalism"), "X reports …" opening a paragraph, and last a copyright line that names a
/// masthead rather than a company ("Copyright 2025 Nexstar Media Inc." names none).
extension ArticleMetadataInferrer {
    static func outlet(dateline: Dateline?, paragraphs: [Paragraph], stripped: [StrippedBlock]) -> (name: String, reason: String)? {
        if let dateline, let name = dateline.outlet {
            let reason = "named in the dateline '\(dateline.text)'"
            if let spelled = spelledOut(acronym: name, paragraphs: paragraphs, stripped: stripped) {
                return (spelled, reason + "; the text spells '\(name)' out as '\(spelled)'")
            }
            return (name, reason)
        }
        for credit in stripped where credit.kind == .sourceCredit {
            guard let name = creditName(credit.text) else { continue }
            if let site = masthead(paragraphs, stripped: stripped) {
                // "SOURCE: AL JAZEERA AND NEWS AGENCIES" under the masthead "Al Jazeera": the masthead's spelling.
                if site.lowercased() == name.lowercased() {
                    return (site, site == name ? "the credit line '\(credit.text)'" : "the credit line '\(credit.text)', spelled as the masthead '\(site)'")
                }
                // "Source: ČTK, Czech Radio" under the masthead "Radio Prague International": the
                // site published it; a credit listing several names lists whom it had the story
                // from. One name alone ("Source: Reuters") is the outlet.
                if listsSeveral(credit.text) {
                    return (site, "the masthead '\(site)' above the site's menu or notices (the credit line '\(credit.text)' names its sources)")
                }
            }
            return (name, "the credit line '\(credit.text)'")
        }
        // A wire's trailer follows the story ("— Reuters"); a dash-led line above it is a
        // bullet of the site's furniture ("- Today's Paper").
        // (With no long paragraph, a wire brief's, its first of a sentence's length.)
        let storyStart = (paragraphs.first { wordCount($0.text, over: 30) } ?? paragraphs.first { wordCount($0.text, over: 12) })?.line ?? 0
        // Nor is one of a list of dash-led lines ("More from TIME" / "- Why Europe Is Rearming" /
        // "- …"): links to other stories.
        let trailers = stripped.filter { $0.kind == .agencyTrailer }
        let dashLines = Set(trailers.map(\.line) + paragraphs.filter { isDashBullet($0.text) }.map(\.line))
        // The next line, or the one after a blank line.
        let listed = { (line: Int) in [line - 2, line - 1, line + 1, line + 2].contains(where: dashLines.contains) }
        if let trailer = trailers.first(where: { $0.line > storyStart && !listed($0.line) }), let name = trailerName(trailer.text) {
            return (name, "the trailer '\(trailer.text)'")
        }
        if let (name, line) = staffByline(paragraphs) { return (name, "the byline '\(line)'") }
        if let name = masthead(paragraphs, stripped: stripped) { return (name, "the masthead '\(name)' above the site's menu or notices") }
        if let (name, sentence) = correspondent(paragraphs) { return (name, "the text says '\(sentence)'") }
        for notice in stripped where notice.kind == .siteNotice {
            if let name = selfDescription(notice.text) { return (name, "the site's notice '\(notice.text)'") }
        }
        if let (name, sentence) = reportingOutlet(paragraphs) { return (name, "the text says '\(sentence)'") }
        for notice in stripped where notice.kind == .siteNotice {
            if let name = copyrightHolder(notice.text) { return (name, "the copyright line '\(notice.text)'") }
        }
        return nil
    }

    /// "Source: Reuters" → "Reuters"; "Source: The Kyiv Independent" → "The Kyiv Independent";
    /// "Le Monde with AFP" → "Le Monde"; "Provided by CNN" → "CNN"; a list ("Source: TVP World,
    /// PAP, Reuters") → its first name.
    static func creditName(_ line: String) -> String? {
        let lowered = line.lowercased()
        if let prefix = BoilerplateDetector.syndicationPrefixes.first(where: { lowered.hasPrefix($0) }) {
            return firstListed(line.dropFirst(prefix.count).trimming(anyOf: " ."))
        }
        for phrase in BoilerplateDetector.syndicationPhrases {
            guard let range = lowered.firstRange(of: phrase) else { continue }
            let offset = lowered.distance(from: lowered.startIndex, to: range.upperBound)
            return firstListed(line.dropFirst(offset).trimming(anyOf: " ."))
        }
        if let colon = line.firstIndex(of: ":") {
            return firstListed(line[line.index(after: colon)...].trimming(anyOf: " ."))
        }
        guard let with = line.firstRange(of: " with ") else { return nil }
        // "By Euronews with AP, AFP": a byline naming the site.
        var name = line[..<with.lowerBound].trimming(anyOf: " (,")
        if name.hasPrefix("By ") { name = String(name.dropFirst(3)) }
        return name.isEmpty || name.count > 60 ? nil : name
    }

    /// A credit naming more than one source ("Source: PAP, IAR, polskieradio24.pl").
    static func listsSeveral(_ line: String) -> Bool {
        creditSeparators.contains { line.contains($0) }
    }

    /// Between the names of a credit's list.
    static let creditSeparators = [", ", " and ", " AND ", " & ", "; "]

    /// The first of a credit's names ("TVP World, PAP, Reuters", "AP and Reuters"); nil when
    /// empty or longer than a name.
    static func firstListed(_ names: String) -> String? {
        var first = names[...]
        for separator in creditSeparators {
            if let range = first.firstRange(of: separator) { first = first[..<range.lowerBound] }
        }
        let name = first.trimming(anyOf: " .")
        return name.isEmpty || name.count > 60 || !isNameShaped(name) ? nil : name
    }

    /// Every word capitalised (or a digit, or a connector inside a name: "Agence France-Presse",
    /// "The Voice of America", "Le Monde"); "Zelensky on Telegram" is where a story came from,
    /// not an outlet.
    static func isNameShaped(_ name: String) -> Bool {
        name.split(separator: " ").allSatisfy { word in
            word.first.map { $0.isUppercase || $0.isNumber } == true || nameConnectors.contains(String(word))
        }
    }

    static let nameConnectors: Set<String> = ["of", "the", "and", "de", "du", "des", "la", "le", "el", "al", "for", "in"]

    /// A line led by a dash and a space, as a list's items are ("- Why Europe Is Rearming").
    static func isDashBullet(_ text: String) -> Bool {
        guard let first = text.first, first == "-" || first == "\u{2013}" || first == "\u{2014}" else { return false }
        return text.dropFirst().first == " "
    }

    /// "— Reuters", "--Agencies" → the name (not "Agencies").
    static func trailerName(_ line: String) -> String? {
        // "(PAP)", "— (AFP)": the agency, without its brackets.
        let name = line.drop { $0 == "-" || $0 == "–" || $0 == "—" || $0 == " " }.trimming(anyOf: " ()")
        guard !name.isEmpty, name.count <= 60, name.lowercased() != "agencies" else { return nil }
        return name
    }

    /// "AA" → "Anadolu Agency", "AFP" → "Agence France-Presse", when the text (or its stripped
    /// site text) writes a run of capitalised words whose initials, hyphenated parts included,
    /// spell the acronym. Nothing outside the text is consulted.
    static func spelledOut(acronym: String, paragraphs: [Paragraph], stripped: [StrippedBlock]) -> String? {
        let letters = Array(acronym)
        guard (2...5).contains(letters.count), letters.allSatisfy({ $0.isASCII && $0.isUppercase }) else { return nil }
        for text in paragraphs.map(\.text) + stripped.map(\.text) {
            let words = text.split(separator: " ").map { $0.trimming(anyOf: ",.;:()\"'\u{2019}\u{201D}") }
            for start in words.indices {
                var initials: [Character] = []
                var end = start
                while end < words.count, initials.count < letters.count {
                    let parts = words[end].split(separator: "-")
                    guard let head = parts.first?.first, head.isUppercase,
                          parts.allSatisfy({ $0.first?.isUppercase == true }) else { break }
                    initials += parts.compactMap(\.first)
                    end += 1
                }
                if end - start >= 2, initials == letters { return words[start..<end].joined(separator: " ") }
            }
        }
        return nil
    }

    /// "By Kyiv Post staff", "Reuters Staff", "By the Example Times newsroom": a header line
    /// (the first eight paragraphs) naming the outlet's staff.
    static func staffByline(_ paragraphs: [Paragraph]) -> (String, String)? {
        let collective: Set<String> = ["staff", "staff reporters", "staff reporter", "staff writers", "staff writer", "newsroom", "news desk", "desk"]
        for paragraph in paragraphs.prefix(8) where paragraph.text.utf8.count <= 200 {
            var words = paragraph.text.split(separator: " ").map(String.init)
            guard (2...8).contains(words.count) else { continue }
            if words[0].lowercased() == "by" { words.removeFirst() }
            if words.first?.lowercased() == "the" { words.removeFirst() }
            for length in [2, 1] where words.count > length {
                let tail = words.suffix(length).joined(separator: " ").lowercased()
                guard collective.contains(tail) else { continue }
                let name = words.dropLast(length)
                guard (1...4).contains(name.count), name.allSatisfy({ $0.first?.isUppercase == true }),
                      !name.contains(where: { $0.hasSuffix(",") }) else { break }
                return (name.joined(separator: " "), paragraph.text)
            }
        }
        return nil
    }

    /// The site's name as the text's first line, one to four capitalised words (with "of" or
    /// "from" between) without digits or closing punctuation, above furniture the cleaning
    /// stripped (a menu, a cookie notice) that comes before any longer line: "BBC" over "Home |
    /// News | Sport". A section label over a headline ("World", "Ukraine") has none under it.
    static func masthead(_ paragraphs: [Paragraph], stripped: [StrippedBlock]) -> String? {
        paragraphMasthead(paragraphs, stripped: stripped) ?? titleLineMasthead(stripped)
    }

    /// The first paragraph, a site's name over its menu or notices.
    static func paragraphMasthead(_ paragraphs: [Paragraph], stripped: [StrippedBlock]) -> String? {
        guard let first = paragraphs.first, first.text.utf8.count <= 100, let name = mastheadName(first.text),
              furnitureFollows(first, paragraphs, stripped) else { return nil }
        return name
    }

    /// "VOA | Voice of America", "LSM.lv | Latvian Public Broadcasting": the page's first line
    /// gives the site's name and what it is, as its title does; the cleaning took the line for a
    /// menu. Two parts, each a name, neither a section ("Home | News" is a menu).
    static func titleLineMasthead(_ stripped: [StrippedBlock]) -> String? {
        guard let top = stripped.first, top.kind == .siteNotice, top.line == 1, !top.text.contains("\n") else { return nil }
        let parts = top.text.split(separator: "|").map { $0.trimming(anyOf: " ") }
        // The brand is one word (an acronym, an address) and says less than what follows it; a
        // page title "Putin Hosts Witkoff | Reuters" is a headline and a site, the other way round.
        guard parts.count == 2, !parts[0].contains(" "), let name = mastheadName(parts[0]),
              mastheadName(parts[1]) != nil || isNameShaped(parts[1]), parts[1].split(separator: " ").count >= 2,
              !sectionLabels.contains(parts[1].lowercased()) else { return nil }
        return name
    }

    /// A line written as a site's name: one to four capitalised words (or joints), or its address.
    static func mastheadName(_ line: String) -> String? {
        // "THE WALL STREET JOURNAL." ends in a period, "THE GLOBE AND MAIL*" in a mark; "Notes from
        // Poland" has a lowercase joint; "Novinite.com", "SWI swissinfo.ch" write the site's
        // address; "dpa International", "eKathimerini.com" a brand in lower case.
        let name = line.trimming(anyOf: ".*\u{00AE}\u{2122} ")
        let words = name.split(separator: " ")
        let joints: Set<Substring> = ["of", "from", "the", "and", "de", "la", "le", "du", "di", "del", "for", "on"]
        guard (1...4).contains(words.count),
              words.enumerated().allSatisfy({ position, word in
                  let bare = webAddressName(word) ?? word
                  guard !bare.isEmpty, !bare.contains(where: { $0.isNumber || ".,:;!?\"'\u{201D}\u{2019}".contains($0) }) else { return false }
                  return bare.first?.isUppercase == true || webAddressName(word) != nil || (position > 0 && joints.contains(word))
                      || (position == 0 && isLowercaseBrand(bare))
              })
        else { return nil }
        // A section label over the site's menu ("World", "Europe") names no site.
        return sectionLabels.contains(name.lowercased()) ? nil : name
    }

    /// The site's furniture the cleaning stripped (a menu, a cookie notice) lies below `masthead`,
    /// under at most section labels and a tagline, above any headline: the first line of five
    /// words or more after the one right under the masthead (a slogan, "Democracy Dies in
    /// Darkness", "The New Voice of Ukraine", may have five).
    static func furnitureFollows(_ masthead: Paragraph, _ paragraphs: [Paragraph], _ stripped: [StrippedBlock]) -> Bool {
        let limit = paragraphs.dropFirst(2).first { $0.text.utf8.count > 60 || $0.text.split(separator: " ").count > 4 }?.line ?? Int.max
        return stripped.contains { $0.kind == .siteNotice && $0.line > masthead.line && $0.line < limit }
    }

    /// Sections a site's pages are filed under, which can stand alone above its menu.
    static let sectionLabels: Set<String> = [
        "world", "europe", "news", "politics", "business", "opinion", "international", "home", "latest", "sport", "sports",
        "culture", "ukraine", "russia", "asia", "americas", "africa", "middle east", "video", "live", "diplomacy", "war",
    ]

    /// The name in a site's address written as its name: "Novinite.com" → "Novinite",
    /// "swissinfo.ch" → "swissinfo" (a top-level domain of two to four letters, and a country's
    /// second level: ".co.uk").
    static func webAddressName(_ word: Substring) -> Substring? {
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        // In lower case, or the whole address in capitals ("ZN.UA").
        guard parts.count >= 2, parts.count <= 3, let last = parts.last, (2...4).contains(last.count),
              last.allSatisfy({ $0.isASCII && $0.isLowercase }) || word.allSatisfy({ !$0.isLowercase }) && last.allSatisfy({ $0.isASCII && $0.isLetter }), parts.dropFirst().allSatisfy({ $0.allSatisfy(\.isLetter) && !$0.isEmpty }),
              let name = parts.first, name.count >= 2, name.allSatisfy({ $0.isLetter || $0 == "-" }) else { return nil }
        return name
    }

    /// A brand written in lower case: a short acronym ("dpa") or a lower-case prefix before a
    /// capital ("eKathimerini", "iNews").
    static func isLowercaseBrand(_ word: Substring) -> Bool {
        guard let first = word.first, first.isLowercase else { return false }
        // "dpa"; "euronews", alone on its line.
        if word.count <= 10 { return word.allSatisfy(\.isLetter) }
        return word.dropFirst().first?.isUppercase == true
    }

    /// The line right under a masthead, above the site's menu: its tagline ("The New Voice of
    /// Ukraine"), never the headline. A line under the menu ("BBC" / "Home | News" / headline /
    /// "Advertisement") is the headline.
    static func tagline(_ paragraphs: [Paragraph], stripped: [StrippedBlock]) -> Int? {
        guard paragraphs.count >= 2, let first = paragraphs.first, paragraphMasthead(paragraphs, stripped: stripped) != nil else { return nil }
        let second = paragraphs[1]
        let notice = { (range: Range<Int>) in stripped.contains { $0.kind == .siteNotice && range.contains($0.line) } }
        let next = paragraphs.dropFirst(2).first?.line ?? Int.max
        guard second.line > first.line, !notice(first.line + 1..<second.line), notice(second.line + 1..<next) else { return nil }
        return second.index
    }

    /// More than `limit` words separated by spaces, counted over the bytes and no further than needed.
    static func wordCount(_ text: String, over limit: Int) -> Bool {
        var words = 0
        var inWord = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: " ") {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
                if words > limit { return true }
            }
        }
        return false
    }

    /// "…, an Ukrinform correspondent reports.", "a TASS correspondent reported": the agency's
    /// own formula for its reporter. One to three capitalised words before "correspondent".
    static func correspondent(_ paragraphs: [Paragraph]) -> (String, String)? {
        for paragraph in paragraphs where UTF8Search.contains(paragraph.text, " correspondent report") {
            let words = paragraph.text.split(separator: " ")
            for index in words.indices.dropFirst().dropLast() where words[index] == "correspondent" {
                let verb = words[index + 1].trimming(anyOf: ",.;:")
                guard verb == "reports" || verb == "reported" else { continue }
                var start = index
                while start > 0, index - start < 3, words[start - 1].first?.isUppercase == true { start -= 1 }
                guard start < index, start > 0, ["a", "an"].contains(words[start - 1].lowercased()) else { continue }
                let name = words[start..<index].joined(separator: " ")
                let sentenceStart = max(0, start - 2)
                return (name, words[sentenceStart...(index + 1)].joined(separator: " "))
            }
        }
        return nil
    }

    /// "Meduza is a Russian independent media outlet.", "Support Meduza's journalism": the site
    /// describing itself. The name is one to four capitalised words.
    static func selfDescription(_ notice: String) -> String? {
        let kinds = ["media outlet", "news outlet", "news agency", "newspaper", "news site", "news website",
                     "broadcaster", "news organisation", "news organization", "publication"]
        let words = notice.split(separator: " ").map(String.init)
        if let verb = words.firstIndex(of: "is"), (1...4).contains(verb), verb + 1 < words.count,
           ["a", "an"].contains(words[verb + 1].lowercased()) {
            let rest = words[(verb + 2)...].prefix(6).joined(separator: " ").lowercased()
            let name = words[..<verb]
            if kinds.contains(where: { rest.contains($0) }), name.allSatisfy({ $0.first?.isUppercase == true }) {
                return name.joined(separator: " ")
            }
        }
        for index in words.indices.dropLast() where words[index].lowercased() == "support" {
            let owner = words[index + 1]
            guard owner.first?.isUppercase == true, index + 2 < words.count,
                  words[index + 2].lowercased().hasPrefix("journalism") else { continue }
            for suffix in ["'s", "\u{2019}s"] where owner.hasSuffix(suffix) {
                return String(owner.dropLast(suffix.count))
            }
        }
        return nil
    }

    /// "Copyright 2025 The Example Times. All rights reserved." → "The Example Times";
    /// "Copyright The Financial Times Limited 2025" → "The Financial Times"; "©2025 CBC" → "CBC".
    /// A legal suffix is dropped; none when what is left names a company rather than a masthead
    /// ("Nexstar Media Inc."), which publishes but is not the outlet.
    static func copyrightHolder(_ notice: String) -> String? {
        var words = notice.split(separator: " ").map(String.init)
        guard let first = words.first?.lowercased(), first.hasPrefix("copyright") || first.hasPrefix("\u{00A9}") || first == "(c)" else { return nil }
        words.removeFirst()
        // "© 2025 Copyright France 24", "Copyright by Global Times": the sign, years, the word again, "by".
        while let next = words.first, next.hasPrefix("\u{00A9}") || ["(c)", "copyright", "by"].contains(next.lowercased())
                || next.allSatisfy({ $0.isNumber || $0 == "-" || $0 == "," }) {
            words.removeFirst()
        }
        var name: [String] = []
        for (index, word) in words.enumerated() {
            let bare = word.trimming(anyOf: ".,")
            // A number inside a name ("France 24"), not a year after it.
            let numberInName = !name.isEmpty && (1...3).contains(bare.count) && bare.allSatisfy(\.isNumber)
            guard bare.first?.isUppercase == true || numberInName, bare.lowercased() != "all" else {
                // "Dow Jones & Company, Inc.": a firm's name.
                if word == "&" { return nil }
                break
            }
            name.append(bare)
            if word.hasSuffix(".") || word.hasSuffix(",") { break }
            if index + 1 < words.count, words[index + 1] == "&" { return nil }
        }
        let legal: Set<String> = ["inc", "llc", "ltd", "limited", "corp", "plc", "gmbh", "ag", "sa", "publishers", "publishing"]
        while let last = name.last, legal.contains(last.lowercased()) { name.removeLast() }
        let companies: Set<String> = ["media", "group", "holdings", "company", "corporation", "communications", "enterprises", "co"]
        guard (1...5).contains(name.count), let last = name.last?.lowercased(), !companies.contains(last) else { return nil }
        return name.joined(separator: " ")
    }

    /// "Reuters reports that …", "The Kyiv Independent reported …": a capitalised name of one to
    /// four words opening a paragraph, followed by "reports" or "reported".
    static func reportingOutlet(_ paragraphs: [Paragraph]) -> (String, String)? {
        for paragraph in paragraphs.prefix(4) {
            let words = paragraph.text.split(separator: " ", omittingEmptySubsequences: true)
            for length in 1...4 where words.count > length {
                let verb = words[length].lowercased()
                guard verb == "reports" || verb == "reported" else { continue }
                let name = words[0..<length]
                guard name.allSatisfy({ $0.first?.isUppercase == true || $0 == "the" }) else { break }
                let outlet = name.joined(separator: " ")
                return (outlet, outlet + " " + String(words[length]))
            }
        }
        return nil
    }
}
