import Foundation
@testable import Store

/// Paths and builders shared by the Store tests.
enum StoreFixtures {
    /// `Tests/StoreTests/Fixtures/<name>` as copied into the test bundle.
    static func directory(_ name: String) -> String {
        let root = Bundle.module.resourceURL?.appendingPathComponent("Fixtures").path
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
        return root + "/" + name
    }

    /// The repository's real `seeds/` directory (Tests/StoreTests/X.swift → ../../seeds).
    static let realSeeds: String = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("seeds").path

    static var realSeedsHaveJSON: Bool {
        FileManager.default.fileExists(atPath: realSeeds + "/entities.json")
    }

    static func file(_ path: String, _ text: String) -> SeedFile {
        SeedFile(path: path, bytes: Array(text.utf8))
    }

    static func clean(_ text: String) throws -> CleanedText {
        try ArticleCleaner.clean(bytes: Array(text.utf8), file: "test.txt")
    }

    /// A knowledge base from in-memory files, failing the test on load errors.
    static func load(_ files: [SeedFile]) throws -> SeedLoadResult {
        try SeedLoader.load(files: files, directory: "mem")
    }

    /// The failure of a load that must fail.
    static func failure(_ files: [SeedFile], strict: Bool = false) -> SeedLoadFailure? {
        do {
            _ = try SeedLoader.load(files: files, directory: "mem", strict: strict)
            return nil
        } catch {
            return error
        }
    }

    static func entitiesJSON(_ records: String) -> SeedFile {
        file("entities.json", "{\"entities\": [\(records)]}")
    }

    static let zelensky = """
        {"id": "volodymyr-zelensky", "type": "person", "name": "Volodymyr Zelensky", "aliases": [
          {"text": "Zelensky", "kind": "short-form"}, {"text": "Zelenskiy", "kind": "transliteration"},
          {"text": "Zelenskyy", "kind": "transliteration"}]}
        """
}
