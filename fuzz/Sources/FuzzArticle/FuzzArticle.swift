import Foundation
import FuzzSupport
import Store

/// libFuzzer entry point: arbitrary bytes as one article dropped into the seeds, through the
/// whole load (cleaning, metadata, mentions, extraction, merge, search) as `accord serve`
/// runs it at start-up and on every reload.
///
/// The seeds' curated entities are read once (from the repository or `ACCORD_SEEDS`); the
/// curated articles, events and proposals (whose evidence cites those articles) and the
/// gazetteer are left out, so one execution is one small load (the gazetteer's 2,000 names
/// would cost ten times the article). Each input
/// becomes `articles/fuzz.txt`. An article the operator drops in must never stop the load:
/// - the load succeeds (a non-strict load skips a bad article with an error naming it);
/// - the article is served, or skipped with an error that names `articles/fuzz.txt`;
/// - every mention and every extracted quote lies inside its paragraph, and an extracted
///   quote is the paragraph's text at its offsets, scalar for scalar;
/// - the article's title, outlet and paragraphs carry no control character but tab (C0, DEL, C1).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArticle(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let name = "articles/fuzz.txt"
    let result: SeedLoadResult
    do throws(SeedLoadFailure) {
        result = try SeedLoader.load(files: FuzzSeeds.files + [SeedFile(path: name, bytes: bytes)])
    } catch {
        fatalError("invariant violated: one dropped-in article stopped the load: \(error.errors)")
    }
    let base = result.knowledgeBase
    guard let article = base.articles.first(where: { $0.file.hasSuffix("fuzz.txt") }) else {
        let named = result.report.errors.contains { "\($0)".contains("fuzz.txt") }
            || result.report.skipped.contains { $0.path.hasSuffix("fuzz.txt") }
        expect(named, "the article was neither served nor skipped with an error naming it")
        return 0
    }
    let paragraphs = article.paragraphs.map { Array($0.text.unicodeScalars) }
    for text in [article.title, article.outlet ?? ""] + article.paragraphs.map(\.text) {
        expect(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\t") || (0x7F...0x9F).contains($0.value) },
               "a control character served in \(text.debugDescription)")
    }
    for mention in base.mentions where mention.article == article.id {
        expect(paragraphs.indices.contains(mention.paragraph), "a mention's paragraph \(mention.paragraph) is out of range")
        let scalars = paragraphs[mention.paragraph]
        expect(mention.start >= 0 && mention.start < mention.end && mention.end <= scalars.count,
               "a mention's offsets \(mention.start)..<\(mention.end) are outside its paragraph of \(scalars.count)")
    }
    let evidence = base.events.flatMap(\.evidence)
        + base.proposals.flatMap { $0.evidence + $0.positions.flatMap(\.evidence) }
    for item in evidence where item.article == article.id && item.provenance == .extracted {
        expect(paragraphs.indices.contains(item.paragraph), "a quote's paragraph \(item.paragraph) is out of range")
        let scalars = paragraphs[item.paragraph]
        expect(item.start >= 0 && item.start < item.end && item.end <= scalars.count,
               "a quote's offsets \(item.start)..<\(item.end) are outside its paragraph of \(scalars.count)")
        let served = String(String.UnicodeScalarView(scalars[item.start..<item.end]))
        expect(served == item.quote, "a quote is not its paragraph's text at its offsets: \(item.quote.debugDescription) vs \(served.debugDescription)")
    }
    return 0
}

/// The seeds' curated entities, read once per process.
enum FuzzSeeds {
    static let directory: String = ProcessInfo.processInfo.environment["ACCORD_SEEDS"]
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("seeds").path

    static let files: [SeedFile] = {
        var files: [SeedFile] = []
        for name in ["entities.json"] {
            guard let data = FileManager.default.contents(atPath: directory + "/" + name) else {
                fatalError("FuzzArticle: cannot read \(directory)/\(name)")
            }
            files.append(SeedFile(path: name, bytes: Array(data)))
        }
        return files
    }()
}
