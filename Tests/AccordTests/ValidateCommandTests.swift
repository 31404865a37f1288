import ArgumentParser
import Foundation
import Testing
@testable import accord

/// `accord validate` applies the configuration `serve` applies: an article over the default
/// `limits.maxArticleBytes` fails the check, and passes under a config file that raises it.
@Suite struct ValidateCommandTests {
    @Test func theConfigurationsLimitsApply() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("accord-validate-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let seeds = root + "/seeds"
        // The repository's seeds, three levels above this file, plus one article of 6 MB.
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("seeds").path
        try FileManager.default.copyItem(atPath: shipped, toPath: seeds)
        let paragraph = "Leaders met in Paris on Tuesday to discuss security guarantees for Ukraine.\n\n"
        try String(repeating: paragraph, count: 80_000).write(toFile: seeds + "/articles/huge.txt", atomically: true, encoding: .utf8)
        #expect(throws: ExitCode.self) { try Validate.parse(["--seeds", seeds]).run() }
        let config = root + "/accord.json"
        try #"{"limits": {"maxArticleBytes": 8388608}}"#.write(toFile: config, atomically: true, encoding: .utf8)
        try Validate.parse(["--seeds", seeds, "--config", config]).run()
        // A bad configuration is refused before any load, as serve refuses it.
        try #"{"limits": {"maxArticleBytes": "large"}}"#.write(toFile: config, atomically: true, encoding: .utf8)
        #expect(throws: ExitCode(2)) { try Validate.parse(["--seeds", seeds, "--config", config]).run() }
    }
}
