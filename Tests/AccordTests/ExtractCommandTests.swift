import ArgumentParser
import Foundation
import Testing
@testable import accord

/// `accord extract --article`: a file that is not there is named in the error, and an article
/// already among the seeds' articles is read in place (it was copied onto itself and failed
/// with a raw Foundation error).
@Suite struct ExtractCommandTests {
    static let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds").path

    @Test func aMissingArticleIsNamed() throws {
        do {
            try Extract.parse(["--seeds", Self.shipped, "--article", "/nonexistent/dropped-in.txt"]).run()
            Issue.record("a missing article was accepted")
        } catch let error as ValidationError {
            #expect(error.message.contains("/nonexistent/dropped-in.txt"))
        }
    }

    /// A FIFO named like an article is refused, not opened (copying it blocked forever).
    @Test func aFIFOIsNotAnArticle() throws {
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("accord-fifo-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: fifo) }
        #expect(mkfifo(fifo, 0o600) == 0)
        do {
            try Extract.parse(["--seeds", Self.shipped, "--article", fifo]).run()
            Issue.record("a FIFO was read as an article")
        } catch let error as ValidationError {
            #expect(error.message.contains("not a regular file"), "\(error.message)")
        }
    }

    @Test func anArticleAlreadyAmongTheSeedsIsReadInPlace() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("accord-extract-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.copyItem(atPath: Self.shipped, toPath: root)
        let article = root + "/articles/dropped-in.txt"
        try "KYIV (Reuters) - Zelensky met Macron in Kyiv on Tuesday to discuss security guarantees.\n"
            .write(toFile: article, atomically: true, encoding: .utf8)
        try Extract.parse(["--seeds", root, "--article", article]).run()
    }
}
