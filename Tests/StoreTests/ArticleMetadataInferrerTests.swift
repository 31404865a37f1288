import Foundation
import Testing
@testable import Store

/// Title, outlet and date from the text of wire copy dropped in without metadata
/// (fixtures in `Fixtures/dropins/articles/`, written in the style of real wire copy).
@Suite struct ArticleMetadataInferrerTests {
    static func inferred(_ name: String) throws -> (InferredMetadata, [Paragraph]) {
        let path = StoreFixtures.directory("dropins/articles/\(name).txt")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let text = try ArticleCleaner.clean(bytes: bytes, file: name)
        return (ArticleMetadataInferrer.infer(paragraphs: text.paragraphs, stripped: text.stripped), text.paragraphs)
    }

    @Test(arguments: [
        // file, dateline place, outlet, title prefix
        ("wire-paris-coalition", "PARIS", "Reuters", "Twenty-six countries have pledged"),
        ("tass-vladivostok", "VLADIVOSTOK", "TASS", "Any Western troops that appear in Ukraine"),
        ("ap-washington", "WASHINGTON", "AP", "President Donald Trump said Friday"),
        ("afp-brief", "MOSCOW", "AFP", "The Kremlin on Monday rejected"),
        ("contradiction", "KYIV", "Ukrainska Pravda", "European leaders met in Paris"),
    ])
    func datelineOutletAndTitle(_ name: String, _ place: String, _ outlet: String, _ title: String) throws {
        let (metadata, _) = try Self.inferred(name)
        #expect(metadata.datelinePlace == place, "\(name)")
        #expect(metadata.outlet == outlet, "\(name): \(metadata.outletReason ?? "no reason")")
        #expect(metadata.title.hasPrefix(title), "\(name): \(metadata.title)")
        #expect(!metadata.title.contains(place), "the dateline is not part of the title: \(metadata.title)")
        #expect(metadata.titleReason.contains("dateline"))
    }

    @Test func aHeadlineAndASourceCreditAreUsed() throws {
        let (metadata, _) = try Self.inferred("kyiv-independent-style")
        #expect(metadata.title == "Zelensky says 26 countries committed to security guarantees after Paris meeting")
        #expect(metadata.outlet == "The Kyiv Independent")
        #expect(metadata.outletReason?.contains("Source: The Kyiv Independent") == true)
    }

    @Test func theYearIsNeverGuessedSilently() throws {
        let (reuters, _) = try Self.inferred("wire-paris-coalition")
        #expect(reuters.published == nil)
        #expect(reuters.publishedNote == "the dateline says 'Sept 4'; the year is not stated in the text")
        let (tass, _) = try Self.inferred("tass-vladivostok")
        #expect(tass.published == nil)
        #expect(tass.publishedNote?.contains("'September 5'") == true)
        let (ap, _) = try Self.inferred("ap-washington")
        #expect(ap.published == nil && ap.publishedNote == "not stated in the text")
    }

    @Test func aDatelineDateTakesAYearOnlyFromTheText() {
        let paragraphs = [
            Paragraph(index: 0, text: "KYIV, Aug. 20 (Reuters) - Ukraine marked the anniversary of the 2014 protests.", kind: .body, line: 1),
            Paragraph(index: 1, text: "The talks of August 18, 2025 in Washington were the first of their kind.", kind: .body, line: 3),
        ]
        let metadata = ArticleMetadataInferrer.infer(paragraphs: paragraphs, stripped: [])
        #expect(metadata.published?.iso == "2025-08-20")
        #expect(metadata.published?.reason.contains("the year 2025 is the latest the text names") == true)
    }

    @Test(arguments: [
        ("KYIV, Sept 5 (Reuters) - Ukraine said", "KYIV", "Sept 5", "Reuters"),
        ("NEW YORK, Sept. 22 (AP) — Leaders gathered", "NEW YORK", "Sept. 22", "AP"),
        ("KYIV, Ukraine (AP) — The president said", "KYIV", nil, "AP"),
        ("LONDON -- Britain said", "LONDON", nil, nil),
        ("VLADIVOSTOK, September 5. /TASS/. Putin said", "VLADIVOSTOK", "September 5", "TASS"),
        ("KAZAN. March 4 (Example News) - The mayor said", "KAZAN", "March 4", "Example News"),
        ("BRUSSELS – NATO allies met", "BRUSSELS", nil, nil),
        ("ROME, March 4, 2026 (Example Press) - The minister said", "ROME", "March 4, 2026", "Example Press"),
    ] as [(String, String, String?, String?)])
    func datelines(_ text: String, _ place: String, _ date: String?, _ outlet: String?) throws {
        let dateline = try #require(Dateline.parse(text), "\(text)")
        #expect(dateline.place == place)
        #expect(dateline.dateText == date)
        #expect(dateline.outlet == outlet)
    }

    /// A dateline that states its year dates the story itself.
    @Test func aDatelineWithAYearIsTheDate() {
        let paragraphs = [Paragraph(index: 0, text: "ROME, March 4, 2026 (Example Press) - The minister said the 2024 plan had failed.", kind: .body, line: 1)]
        let metadata = ArticleMetadataInferrer.infer(paragraphs: paragraphs, stripped: [])
        #expect(metadata.published?.iso == "2026-03-04")
        #expect(metadata.published?.reason == "the dateline says 'March 4, 2026'")
    }

    @Test(arguments: [
        "NATO leaders met in Brussels on Thursday.",
        "US President Donald Trump said on Friday.",
        "A reassurance force would be deployed.",
        "EU (European Union) ministers met.",
        "I said it would happen.",
    ])
    func sentencesAreNotDatelines(_ text: String) {
        #expect(Dateline.parse(text) == nil, "\(text)")
    }
}

extension ArticleMetadataInferrerTests {
    @Test func aHeadlineBeforeTheDatelineIsTheTitle() {
        let paragraphs = [
            Paragraph(index: 0, text: "Putin warns Western troops in Ukraine would be targets", kind: .heading, line: 1),
            Paragraph(index: 1, text: "VLADIVOSTOK (Reuters) - President Vladimir Putin said on Friday that troops would be targets.", kind: .body, line: 3),
        ]
        let metadata = ArticleMetadataInferrer.infer(paragraphs: paragraphs, stripped: [])
        #expect(metadata.title == "Putin warns Western troops in Ukraine would be targets")
        #expect(metadata.titleReason == "the headline at the top of the text")
        #expect(metadata.outlet == "Reuters" && metadata.datelinePlace == "VLADIVOSTOK")
    }

    @Test(
        "years: four ASCII digits from 1990 to 2100, read the same over bytes as over characters",
        arguments: [
            ("In 2014 and 2025, not 1989, 12345 or 2101.", [2014, 2025]),
            ("“2025” and ‘2024’ (curly quotes), €2023, 2022€", [2025, 2024, 2023, 2022]),
            ("a combining mark after a digit: 2025\u{301} is not a year; 2024 is", [2024]),
            ("a mark on the first: 2\u{301}025 is not either", []),
            ("Kyiv’s 2019—2020 plan, 1990/2100", [2019, 2020, 1990, 2100]),
            ("٢٠٢٥ (Arabic-Indic digits) and ２０２５ (full width) are not ASCII", []),
            ("2025", [2025]),
            ("", []),
        ]
    )
    func years(text: String, expected: [Int]) {
        #expect(ArticleMetadataInferrer.years(in: [Paragraph(index: 0, text: text, kind: .body, line: 1)]) == expected)
    }
}

/// The date a site prints above the story ("August 20, 2025, 7:41 pm", "Published on …").
extension ArticleMetadataInferrerTests {
    static func header(_ lines: [String], story: String = "Leaders met in Brussels on Thursday to discuss a peace plan for Ukraine, officials said, adding that more talks would follow.") -> [Paragraph] {
        (lines + [story]).enumerated().map { Paragraph(index: $0.offset, text: $0.element, kind: .body, line: $0.offset * 2 + 1) }
    }

    @Test(arguments: [
        (["Allies weigh a reassurance force for Ukraine", "By Anna Example", "March 3, 2026, 9:15 am"], "2026-03-03"),
        (["Published on 4 March 2026 at 10:02 (Berlin) · The Example Times"], "2026-03-04"),
        (["World · 11:40 am, March 5, 2026"], "2026-03-05"),
        (["by Jo Writer and Sam Author - 03/16/26 8:01 AM ET"], "2026-03-16"),
        (["Jo Writer | 07.03.2026 - Updated : 08.03.2026"], "2026-03-07"),
        (["Last updated: 09.03.2026", "First published 08.03.2026"], "2026-03-08"),
        (["Source: Example Agency", "2026-03-10 21:10:45"], "2026-03-10"),
        (["Mar 11, 2026"], "2026-03-11"),
        (["13/03/2026 16:20"], "2026-03-13"),
        (["Posted: Mar 8, 2026 7:26 AM EDT | Last Updated: March 8"], "2026-03-08"),
        (["Published September 4 2026"], "2026-09-04"),
        (["Updated 9:41 AM EDT, Sat March 7, 2026"], "2026-03-07"),
        // Header lines joined into one paragraph, opening with the date.
        (["Mar. 14, 2026, 10:12 AM EDT / Updated Mar. 14, 2026, 1:40 PM EDT By Jo Writer, Sam Author and Alex Third Person"], "2026-03-14"),
        // Year first, as Lithuanian, Hungarian, Korean and Japanese sites print it.
        (["2026.03.15 14:37"], "2026-03-15"),
        (["Politics | 2026/03/16 09:05 KST"], "2026-03-16"),
        // A comma before the year; the month in the site's own language; an American time zone.
        (["Sun, 15 Mar, 2026 - 21:14"], "2026-03-15"),
        (["20 maggio 2026 (modifica il 20 maggio 2026 | 21:05)"], "2026-05-20"),
        (["Actualizado: 3 de marzo de 2026, 10:15 CET"], "2026-03-03"),
        (["03/11/2026 | 03:41 pm EDT"], "2026-03-11"),
        (["by Jo Writer - 03/06/26 8:01 AM ET"], "2026-03-06"),
        // Day first with dashes, as Indian aggregators print it.
        (["Updated: 17-03-2026 19:02 IST"], "2026-03-17"),
    ])
    func aDateLineAboveTheStoryIsThePublicationDate(_ lines: [String], _ expected: String) {
        let metadata = ArticleMetadataInferrer.infer(paragraphs: Self.header(lines), stripped: [])
        #expect(metadata.published?.iso == expected)
        #expect(metadata.published?.reason.hasPrefix("the date line at the top of the text says '") == true)
    }

    @Test(arguments: [
        ["05/06/2026"],  // month or day first: unknown, so not read
        ["05-06-2026"],
        ["03/11/2026 | 03:41 pm CET"],  // a European zone does not say which comes first
        ["The ceasefire was agreed on March 3, 2026."],  // a sentence, not a date line
        ["Talks resume on March 20, 2026 in Geneva after weeks of shuttle diplomacy between the capitals of both sides"],  // long
        ["by Jo Writer - 03/06/26 8:01"],  // the same, two digits of year
        ["Version 2.10.4 · 2026"],
        ["Build 2026.13.40"],  // no such month
    ])
    func whatIsNotADateLine(_ lines: [String]) {
        #expect(ArticleMetadataInferrer.infer(paragraphs: Self.header(lines), stripped: []).published == nil)
    }

    /// A story that opens with its place and full date in ordinary case, as European sites write it.
    @Test(arguments: [
        ("Vilnius, 16.03.2026 \u{2013} Lithuania's president said on Monday that no deal could be reached behind Ukraine's back, after the talks ended without a ceasefire in sight.", "2026-03-16"),
        ("Kyiv, 17 March 2026 \u{2014} Ukraine's foreign minister said on Tuesday that allies had agreed to draft the guarantees within a month, according to officials briefed on the talks.", "2026-03-17"),
        ("Budapest, 2026.03.18 - The Hungarian government said on Wednesday it would not block the sanctions, a spokesman told reporters in the capital after a cabinet meeting.", "2026-03-18"),
    ])
    func aStoryOpeningWithItsPlaceAndDateIsDated(_ story: String, _ expected: String) {
        let metadata = ArticleMetadataInferrer.infer(paragraphs: Self.header(["Leaders weigh guarantees"], story: story), stripped: [])
        #expect(metadata.published?.iso == expected)
    }

    @Test(arguments: [
        "Vilnius, the capital, said on 16.03.2026 - for the first time - that it would host the talks, officials said.",  // no date right after the place
        "Officials in Kyiv, 17 March 2026 \u{2014} a date they called historic \u{2014} signed the accord with allies on Tuesday afternoon.",  // the place is not the opening
    ])
    func aSentenceIsNoOpeningDateline(_ story: String) {
        let metadata = ArticleMetadataInferrer.infer(paragraphs: Self.header(["Leaders weigh guarantees"], story: story), stripped: [])
        #expect(metadata.published?.reason.hasPrefix("the date line") != true)
    }

    @Test func anUpdateTimeAloneIsTakenWithANote() {
        let metadata = ArticleMetadataInferrer.infer(paragraphs: Self.header(["Jo Writer", "Updated Mar 9, 2026 - World"]), stripped: [])
        #expect(metadata.published?.iso == "2026-03-09")
        #expect(metadata.publishedNote == "the site prints only when the story was updated; it may have been published earlier")
        // Beside a publication date, the update is not read.
        let both = ArticleMetadataInferrer.infer(paragraphs: Self.header(["Updated Mar 9, 2026", "Published Mar 8, 2026"]), stripped: [])
        #expect(both.published?.iso == "2026-03-08" && both.publishedNote == nil)
    }

    @Test func aDateLineWhoseWeekdayContradictsItKeepsTheDateWithANote() {
        // 12 March 2026 is a Thursday.
        let metadata = ArticleMetadataInferrer.infer(paragraphs: Self.header(["Tuesday, March 12, 2026 14:35"]), stripped: [])
        #expect(metadata.published?.iso == "2026-03-12")
        #expect(metadata.publishedNote == "the line names Tuesday, but 2026-03-12 was a Thursday; the written date is kept")
        // A three-letter weekday right before the date counts.
        let short = ArticleMetadataInferrer.infer(paragraphs: Self.header(["Posted Tue 12 Mar 2026 at 6:40am"]), stripped: [])
        #expect(short.publishedNote == "the line names Tue, but 2026-03-12 was a Thursday; the written date is kept")
        let agreeing = ArticleMetadataInferrer.infer(paragraphs: Self.header(["Posted Thu 12 Mar 2026 at 6:40am"]), stripped: [])
        #expect(agreeing.published?.iso == "2026-03-12" && agreeing.publishedNote == nil)
    }

    @Test func aWireDatelineEndsTheHeader() {
        let paragraphs = Self.header(["Allies weigh a reassurance force for Ukraine"],
                                     story: "PARIS, March 3 (Reuters) - Leaders met on Tuesday to discuss a reassurance force, officials said in 2026.")
            + [Paragraph(index: 2, text: "March 1, 2026", kind: .body, line: 5)]
        let metadata = ArticleMetadataInferrer.infer(paragraphs: paragraphs, stripped: [])
        #expect(metadata.published?.iso == "2026-03-03")
        #expect(metadata.published?.reason.contains("the dateline says 'March 3'") == true)
    }
}

/// The outlet a text names itself, and the headline under a site's furniture: own fixtures in
/// the style of outlets that are neither in the seeds nor in `bench/extraction-eval`.
extension ArticleMetadataInferrerTests {
    /// Title, outlet and date of `text` as cleaned at load.
    static func inferred(text: String) throws -> InferredMetadata {
        let cleaned = try StoreFixtures.clean(text)
        return ArticleMetadataInferrer.infer(paragraphs: cleaned.paragraphs, stripped: cleaned.stripped)
    }

    static let story = "Lithuania, Latvia and Estonia are ready to send air defence officers to a future multinational force in Ukraine, officials said on Wednesday."

    @Test(arguments: [
        // A staff byline.
        ("Baltic states offer air defence role in future guarantees\n\nBy LRT English staff\n\nVILNIUS \u{2013} \(story)",
         "LRT English", "the byline 'By LRT English staff'"),
        // The agency's formula for its reporter.
        ("ODESA \u{2013} The port was shelled overnight, a Suspilne correspondent reported.\n\n\(story)",
         "Suspilne", "the text says"),
        // A site's notice describing itself.
        ("\(story)\n\nMediazona is an independent media outlet. Support Mediazona\u{2019}s journalism",
         "Mediazona", "the site's notice"),
        // A copyright line naming a masthead.
        ("\(story)\n\nCopyright 2026 The Moscow Times. All rights reserved.", "The Moscow Times", "the copyright line"),
        // A dateline acronym the text spells out.
        ("WARSAW (PAP) - \(story)\n\nThe officers would be volunteers, Polska Agencja Prasowa was told by the ministry.",
         "Polska Agencja Prasowa", "the text spells 'PAP' out"),
        // A legal suffix is dropped from the copyright holder.
        ("\(story)\n\nCopyright The Example Times Limited 2026. All rights reserved.", "The Example Times", "the copyright line"),
        // A syndicating site names the publisher.
        ("Yahoo\nProvided by Sky News\n\n\(story)", "Sky News", "the credit line 'Provided by Sky News'"),
        // The masthead over the site's menu.
        ("Example Herald\nHome | World | Politics | Opinion\n\nAllies weigh a reassurance force for Ukraine\n\n\(story)",
         "Example Herald", "the masthead"),
        // A masthead with a lowercase joint, below which a section label sits over the menu.
        ("Notes from Kyiv\nWorld\nHome | News | Politics\n\nAllies weigh a reassurance force for Ukraine\n\n\(story)",
         "Notes from Kyiv", "the masthead"),
        // A masthead in capitals with a period.
        ("THE EXAMPLE JOURNAL.\nWorld | U.S. | Politics\n\nAllies weigh a reassurance force for Ukraine\n\n\(story)",
         "THE EXAMPLE JOURNAL", "the masthead"),
        // "Copyright" twice, and a number in the name.
        ("\(story)\n\n\u{00A9} 2026 Copyright Example 24 - All rights reserved.", "Example 24", "the copyright line"),
        // A slogan under the masthead, above the menu.
        ("The Example Post\nTruth Dies in Silence\nWorld | Europe | Ukraine\n\nAllies weigh a reassurance force for Ukraine\n\n\(story)",
         "The Example Post", "the masthead"),
        // A five-word tagline under a short masthead; a site's address as its name.
        ("EX\nThe New Voice of Example\nPolitics | War | World\n\nAllies weigh a reassurance force for Ukraine\n\n\(story)",
         "EX", "the masthead"),
        ("Examplenews.com\nSofia Example Agency\nWorld | Politics | Society\n\nAllies weigh a reassurance force for Ukraine\n\n\(story)",
         "Examplenews.com", "the masthead"),
        // A brand in lower case, an address with a country's domain, a mark after the name.
        ("exa International\nNews | Politics | Business\n\nAllies weigh a reassurance force for Ukraine\n\n\(story)",
         "exa International", "the masthead"),
        ("eExample.com\nPolitics | Economy | Opinion\n\nAllies weigh a reassurance force for Ukraine\n\n\(story)",
         "eExample.com", "the masthead"),
        ("SWI exampleinfo.ch\nSwiss news in 10 languages | Politics | Business | Culture\n\nAllies weigh a reassurance force for Ukraine\n\n\(story)",
         "SWI exampleinfo.ch", "the masthead"),
        ("THE EXAMPLE AND MAIL*\nCanada | World | Business\n\nAllies weigh a reassurance force for Ukraine\n\n\(story)",
         "THE EXAMPLE AND MAIL", "the masthead"),
        // A byline naming the site with the wires; a lower-case masthead with a period.
        ("Allies weigh a reassurance force for Ukraine\n\nBy Examplenews with AP, AFP\n\n\(story)", "Examplenews", "the credit line"),
        ("exanews.\nMy Europe | World | Business | Travel\n\nAllies weigh a reassurance force for Ukraine\n\n\(story)",
         "exanews", "the masthead"),
        // A bullet of the site's subscription box above the story is no wire trailer.
        ("Example Times\nHome | Latest | World | Cities\n\nSubscribe Now! Get features like\n- Today's Paper\n- Premium Articles\n\nAllies weigh a reassurance force for Ukraine\n\n\(story)",
         "Example Times", "the masthead"),
        // A credit in capitals, spelled as the masthead it names.
        ("Example Jazeera\nNews | Middle East | Opinion\n\nAllies weigh a reassurance force for Ukraine\n\n\(story)\n\nSOURCE: EXAMPLE JAZEERA AND NEWS AGENCIES",
         "Example Jazeera", "spelled as the masthead"),
        // A syndicated copy names where it was first published.
        ("\(story)\n\nThis story was originally published by Example Radio.", "Example Radio", "the credit line"),
        // A credit line listing several names: the first.
        ("\(story)\n\nSource: Example World, PAP, Reuters", "Example World", "the credit line 'Source: Example World, PAP, Reuters'"),
        // A credit of the site's name with the wires.
        ("\(story)\n\nFrance 24 with AFP and Reuters", "France 24", "the credit line 'France 24 with AFP and Reuters'"),
        // In brackets, with a comma before the wires.
        ("\(story)\n\n(Example Minute, with wires)", "Example Minute", "the credit line"),
        ("\(story)\n\n(EXA)", "EXA", "the trailer '(EXA)'"),
        // The page's title line, "name | what it is"; an address in capitals.
        ("EXA | Voice of Example\nHome | World | Ukraine | Europe\n\nAllies weigh a reassurance force for Ukraine\n\n\(story)",
         "EXA", "the masthead"),
        ("EX.UA\nExample Weekly | \u{0414}\u{0437}\u{0435}\u{0440}\u{043A}\u{0430}\u{043B}\u{043E}\nPolitics | War | Economics\n\nAllies weigh a reassurance force for Ukraine\n\n\(story)",
         "EX.UA", "the masthead"),
        // A credit under a masthead names the site's sources: the site published it.
        ("Radio Example International\nExample Radio's international service\nNews | Current Affairs | Culture\n\nAllies weigh a reassurance force for Ukraine\n\n\(story)\n\nSource: EXK, Example Radio",
         "Radio Example International", "names its sources"),
        // One name in a credit under a masthead is the outlet.
        ("Example Herald\nHome | World | Politics | Opinion\n\nAllies weigh a reassurance force for Ukraine\n\n\(story)\n\nSource: Exampleters",
         "Exampleters", "the credit line 'Source: Exampleters'"),
        // A list of links to other stories, led by dashes, is no wire's trailer.
        ("EXAMPLE\nSubscribe\nSections | Politics | World\n\nAllies weigh a reassurance force for Ukraine\n\n\(story)\n\nMore Must-Reads from EXAMPLE\n- Inside the Plan to End the War\n- Why Europe Is Rearming\n- The Leaders Who Will Decide",
         "EXAMPLE", "the masthead"),
    ])
    func theOutletTheTextNamesItself(_ text: String, _ outlet: String, _ reason: String) throws {
        let metadata = try Self.inferred(text: text)
        #expect(metadata.outlet == outlet, "\(metadata.outletReason ?? "no reason")")
        #expect(metadata.outletReason?.contains(reason) == true, "\(metadata.outletReason ?? "no reason")")
    }

    @Test(arguments: [
        // A company that publishes is not the masthead.
        "\(story)\n\nCopyright 2026 Example Media Inc. All rights reserved.",
        // A correspondent of someone else, not "a/an X correspondent reports".
        "\(story) The BBC's correspondent reported heavy traffic at the border.",
        // A firm with "& Company" is a publisher, not the masthead.
        "\(story)\n\nCopyright \u{00A9}2026 Example Jones & Company, Inc. All Rights Reserved.",
        // A section label over the site's menu is not a masthead.
        "World\nHome | Europe | Politics\n\nAllies weigh a reassurance force for Ukraine\n\n\(story)",
        // A page title "headline | site" names no masthead (the headline is not the outlet).
        "Putin Hosts Witkoff | Example\nHome | World | Europe\n\n\(story)",
        // A section label over the headline is not a masthead.
        "Ukraine\nAllies weigh a reassurance force for Ukraine\n\n\(story)",
        // A caption with leaders' names, not a credit with wire services.
        "\(story)\n\nZelensky with Macron and Merz",
        // A "Source:" line naming where the story came from, not an outlet.
        "\(story)\n\nSource: Zelensky on Telegram; comments to journalists",
    ])
    func whatNamesNoOutlet(_ text: String) throws {
        let metadata = try Self.inferred(text: text)
        #expect(metadata.outlet == nil, "\(metadata.outlet ?? ""): \(metadata.outletReason ?? "")")
    }

    /// The tagline under a masthead, above the menu, is the site's, not the headline.
    @Test func aConsentBannersHeadingIsNotTheHeadline() throws {
        let metadata = try Self.inferred(text: "We care about your privacy\nExample and our partners use cookies and similar technologies to store and access information on your device. [Agree and close]\n\nAllies weigh a reassurance force for Ukraine\n\n\(Self.story)")
        #expect(metadata.title == "Allies weigh a reassurance force for Ukraine")
    }

    /// A headline under the site's menu, above an advertisement, is the headline.
    @Test func aHeadlineUnderTheMenuIsNoTagline() throws {
        let metadata = try Self.inferred(text: "EX\nHome | News | Sport\n\nAllies weigh a reassurance force for Ukraine\n\nAdvertisement\n\n\(Self.story)")
        #expect(metadata.title == "Allies weigh a reassurance force for Ukraine")
    }

    /// A wire brief of short paragraphs keeps its trailer's agency.
    @Test func aShortWireBriefKeepsItsTrailer() throws {
        let metadata = try Self.inferred(text: "Baltic states offer air defence officers to a future force in Ukraine, officials said.\n\nThe offer was made at a meeting of defence ministers on Wednesday.\n\n\u{2014} AFP")
        #expect(metadata.outlet == "AFP", "\(metadata.outletReason ?? "no reason")")
    }

    @Test func aTaglineIsNotTheHeadline() throws {
        let metadata = try Self.inferred(text: "EX\nThe New Voice of Example\nPolitics | War | World\n\nAllies weigh a reassurance force for Ukraine\n\n\(Self.story)")
        #expect(metadata.title == "Allies weigh a reassurance force for Ukraine")
    }

    @Test func theHeadlineIsFoundUnderTheSitesFurniture() throws {
        let text = """
            Skip to main content
            We use cookies to personalise content and ads. Accept all

            Mediazona

            World \u{00B7} 10:05, March 6, 2026

            Kremlin rejects European troop plan as talks stall in Geneva

            By Anna Example

            MOSCOW \u{2013} The Kremlin on Friday rejected a European plan to station troops in Ukraine after a ceasefire, calling it a provocation.
            """
        let cleaned = try StoreFixtures.clean(text)
        #expect(cleaned.stripped.map(\.kind) == [.siteNotice, .siteNotice])
        let metadata = ArticleMetadataInferrer.infer(paragraphs: cleaned.paragraphs, stripped: cleaned.stripped)
        #expect(metadata.title == "Kremlin rejects European troop plan as talks stall in Geneva")
        #expect(metadata.titleReason == "the headline at the top of the text")
        #expect(metadata.published?.iso == "2026-03-06")
    }

    /// A headline wrapped onto a second line ends with a word no headline ends with.
    @Test func aWrappedHeadlineIsJoined() throws {
        let text = "Example News\nNews | World | Sign in\n\nZelensky in New York: \"The main thing is the meeting with\nPresident Trump\"\n\n"
            + "Example Pravda\n\n\(Self.story)"
        let metadata = try Self.inferred(text: text)
        #expect(metadata.title == "Zelensky in New York: \"The main thing is the meeting with President Trump\"")
    }

    @Test func aStandfirstOrABylineIsNotTheHeadline() throws {
        let text = """
            By Anna Example and Jo Writer of the Example Herald

            Leaders met in Geneva on Friday to discuss the ceasefire plan.

            GENEVA \u{2013} Leaders met in Geneva on Friday to discuss a ceasefire plan for Ukraine, officials said.
            """
        let metadata = try Self.inferred(text: text)
        #expect(metadata.titleReason != "the headline at the top of the text", "\(metadata.title)")
    }
}
