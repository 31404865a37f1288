import Foundation
import Testing
@testable import Store

/// Drop-in articles (wire-style fixtures from outlets not in the seeds) loaded beside the
/// shipped seeds and gazetteer: how many of the people, countries, organisations and places
/// they name are linked. The gold lists are what a reader would mark, written from the texts
/// alone; a name counts as linked when a mention overlaps its first occurrence.
@Suite struct DropInLinkingTests {
    static let gold: [String: [String]] = [
        "wire-paris-coalition": [
            "PARIS", "Reuters", "Ukraine", "Russia", "Emmanuel Macron", "Coalition of the Willing", "Volodymyr Zelenskiy",
            "Steve Witkoff", "Kremlin", "Dmitry Peskov", "NATO", "Britain", "Keir Starmer", "Moscow", "U.S.",
        ],
        "tass-vladivostok": [
            "VLADIVOSTOK", "TASS", "Ukraine", "Vladimir Putin", "Eastern Economic Forum", "Vladimir Zelensky", "Moscow",
            "Kremlin", "Yury Ushakov", "Vladivostok", "Roscongress Foundation",
        ],
        "kyiv-independent-style": [
            "Zelensky", "Coalition of the Willing", "Paris", "Emmanuel Macron", "President's Office", "Donald Trump",
            "Andriy Yermak", "Maria Zakharova", "Moscow", "Ukraine", "U.S.", "Kyiv Independent",
        ],
        "ap-washington": [
            "WASHINGTON", "AP", "Donald Trump", "Vladimir Putin", "Ukraine", "White House", "United States", "Japan",
            "Canada", "Australia", "Marco Rubio", "Andrii Sybiha", "State Department", "NATO", "Mark Rutte",
        ],
        "afp-brief": [
            "MOSCOW", "AFP", "Kremlin", "Ukraine", "Dmitry Peskov", "NATO", "Russia", "Sergei Lavrov", "Xi Jinping",
            "Putin", "Beijing",
        ],
        "contradiction": ["KYIV", "Paris", "Ukrainska Pravda", "Zelensky", "New York", "UN General Assembly"],
    ]

    static let result: SeedLoadResult = {
        let seeds = NSTemporaryDirectory() + "accord-dropins-\(UUID().uuidString)"
        let manager = FileManager.default
        do {
            try manager.copyItem(atPath: StoreFixtures.realSeeds, toPath: seeds)
            for name in gold.keys {
                try manager.copyItem(atPath: StoreFixtures.directory("dropins/articles/\(name).txt"), toPath: seeds + "/articles/\(name).txt")
            }
            defer { try? manager.removeItem(atPath: seeds) }
            return try SeedLoader(directory: seeds).load()
        } catch {
            fatalError("the drop-in seeds must load: \(error)")
        }
    }()

    /// (linked, missed) over every fixture.
    static func evaluate() -> (linked: [String], missed: [String]) {
        var linked: [String] = []
        var missed: [String] = []
        let base = result.knowledgeBase
        for (name, surfaces) in gold.sorted(by: { $0.key < $1.key }) {
            guard let article = base.article(id: name) else {
                missed += surfaces.map { "\(name): \($0) (article not loaded)" }
                continue
            }
            let mentions = base.mentions(inArticle: article.id)
            for surface in surfaces {
                var hit = false
                for paragraph in article.paragraphs {
                    guard let range = paragraph.text.firstRange(of: surface) else { continue }
                    let start = paragraph.text.unicodeScalars.distance(from: paragraph.text.startIndex, to: range.lowerBound)
                    let end = start + surface.unicodeScalars.count
                    hit = mentions.contains { $0.paragraph == paragraph.index && $0.start < end && $0.end > start }
                    break
                }
                if hit { linked.append("\(name): \(surface)") } else { missed.append("\(name): \(surface)") }
            }
        }
        return (linked, missed)
    }

    @Test func atLeastNinetyPercentOfNamesAreLinked() {
        let (linked, missed) = Self.evaluate()
        let recall = Double(linked.count) / Double(linked.count + missed.count)
        print("drop-in linking: \(linked.count) of \(linked.count + missed.count) linked (\(Int(recall * 100))%); missed: \(missed)")
        #expect(recall >= 0.9, "linked \(linked.count) of \(linked.count + missed.count); missed: \(missed)")
    }

    @Test func patternsFindPeopleAndOrganisationsAndASurnameLinksBack() throws {
        let base = Self.result.knowledgeBase
        let extracted = Self.result.report.extractedEntities
        let zakharova = try #require(base.entities.first { $0.name == "Maria Zakharova" })
        #expect(zakharova.origin == .extracted && zakharova.kind == .person)
        #expect(zakharova.description?.contains("spokeswoman") == true)
        #expect(extracted.contains { $0.name == "Maria Zakharova" && $0.rule == "person-after-title" && $0.quote.contains("Maria Zakharova") })
        let coalition = try #require(base.entities.first { $0.name == "Coalition of the Willing" })
        #expect(coalition.kind == .organisation && coalition.origin != .curated)
        #expect(base.mentions(ofEntity: coalition.id).count >= 2, "named in two articles")
        #expect(base.entities.contains { $0.name == "Vladivostok" && $0.kind == .place })
        // Noise never becomes an entity.
        #expect(!base.entities.contains { ["Office", "Peace", "September", "Thursday"].contains($0.name) })
    }

    @Test func kyivIndependentIsAnOutletNotKyivAndATitledNameIsOneMention() throws {
        let base = Self.result.knowledgeBase
        let article = try #require(base.article(id: "kyiv-independent-style"))
        let mentions = base.mentions(inArticle: article.id)
        #expect(mentions.contains { $0.entity == "kyiv-independent" })
        #expect(!mentions.contains { $0.entity == "kyiv" }, "\(mentions.map(\.text))")
        let paris = try #require(base.article(id: "wire-paris-coalition"))
        // "Ukrainian President Volodymyr Zelenskiy attended …": one mention of him in that sentence, not two.
        let zelensky = base.mentions(inArticle: paris.id).filter { $0.entity == "volodymyr-zelensky" && $0.paragraph == 1 }
        #expect(zelensky.count == 1, "\(zelensky.map(\.text))")
    }

    @Test func decomposedAccentsMatch() throws {
        let article = StoreFixtures.file("articles/a.txt", "Le président Ze\u{301}lensky a parlé. Zélensky a répondu.")
        let entities = StoreFixtures.entitiesJSON(StoreFixtures.zelensky)
        let result = try StoreFixtures.load([article, entities])
        let mentions = result.knowledgeBase.mentions(inArticle: "a").filter { $0.entity == "volodymyr-zelensky" }
        #expect(mentions.count == 2, "\(mentions.map(\.text))")
    }

    /// A mention serves the paragraph's own characters, scalar for scalar, when the catalogue
    /// writes the same name in the other normal form (the two compare equal as Swift strings).
    @Test(arguments: [("Z\u{E9}lensky", "Ze\u{301}lensky"), ("Ze\u{301}lensky", "Z\u{E9}lensky")])
    func mentionTextIsTheParagraphsOwnCharacters(alias: String, written: String) throws {
        let article = StoreFixtures.file("articles/a.txt", "Le président \(written) a parlé.")
        let entities = StoreFixtures.entitiesJSON("""
            {"id": "volodymyr-zelensky", "type": "person", "name": "Volodymyr Zelensky", "aliases": [
              {"text": "\(alias)", "kind": "short-form"}]}
            """)
        let result = try StoreFixtures.load([article, entities])
        let base = result.knowledgeBase
        let mention = try #require(base.mentions(inArticle: "a").first { $0.entity == "volodymyr-zelensky" })
        let paragraph = try #require(base.articles.first?.paragraphs.first { $0.index == mention.paragraph })
        let served = Array(paragraph.text.unicodeScalars)[mention.start..<mention.end]
        #expect(Array(mention.text.unicodeScalars) == Array(served))
        #expect(Array(mention.text.unicodeScalars) == Array(written.unicodeScalars))
        #expect(mention.alias.unicodeScalars.elementsEqual(alias.unicodeScalars))
    }
}
