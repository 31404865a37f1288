import Foundation
import Testing
@testable import accord

/// The shipped directories are found beside the binary or above it (a checkout's
/// `.build/<triple>/debug/accord`), never in the working directory, and only when they hold
/// their marker.
@Suite struct ResourceLocatorTests {
    /// A fresh directory tree under the temporary directory; removed by the caller.
    static func tree(_ directories: [String], files: [String] = []) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("accord-locator-\(UUID().uuidString)").path
        for directory in directories {
            try FileManager.default.createDirectory(atPath: root + "/" + directory, withIntermediateDirectories: true)
        }
        for file in files where !FileManager.default.createFile(atPath: root + "/" + file, contents: Data()) {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: root + "/" + file])
        }
        return root
    }

    @Test(arguments: [
        ("/app/accord", "/app"),
        ("/accord", "/"),
        ("accord", "."),
        ("/app/bin/", "/app"),
        ("/", "/"),
        ("relative/bin/accord", "relative/bin"),
    ])
    func parentOfAPath(path: String, parent: String) {
        #expect(ResourceLocator.parent(of: path) == parent)
    }

    @Test func joinAddsOneSlash() {
        #expect(ResourceLocator.join("/app", "seeds") == "/app/seeds")
        #expect(ResourceLocator.join("/", "seeds") == "/seeds")
        #expect(ResourceLocator.join("/app/", "seeds") == "/app/seeds")
    }

    @Test func theContainerLayoutFindsSeedsBesideTheBinary() throws {
        let root = try Self.tree(["app/seeds/articles"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(ResourceLocator.seeds(from: root + "/app") == root + "/app/seeds")
    }

    @Test func aCheckoutFindsSeedsAboveTheBuildDirectory() throws {
        let root = try Self.tree(["checkout/seeds/articles", "checkout/.build/x86_64-unknown-linux-gnu/debug"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let binaryDirectory = root + "/checkout/.build/x86_64-unknown-linux-gnu/debug"
        #expect(ResourceLocator.find("seeds", containing: "articles", from: binaryDirectory) == root + "/checkout/seeds")
    }

    @Test func aDirectoryWithoutItsMarkerIsPassedOver() throws {
        // `bin/seeds` has no `articles/`; the one above does.
        let root = try Self.tree(["top/seeds/articles", "top/bin/seeds"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(ResourceLocator.find("seeds", containing: "articles", from: root + "/top/bin") == root + "/top/seeds")
        #expect(ResourceLocator.find("web", containing: "index.html", from: root + "/top/bin") == nil)
    }

    @Test func theSearchStopsSixLevelsUp() throws {
        let root = try Self.tree(["seeds/articles", "a/b/c/d/e/f"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(ResourceLocator.find("seeds", containing: "articles", from: root + "/a/b/c/d/e") == root + "/seeds")
        #expect(ResourceLocator.find("seeds", containing: "articles", from: root + "/a/b/c/d/e/f") == nil)
    }

    @Test func withNoSeedsTheErrorNamesTheDirectoryBesideTheBinary() throws {
        let root = try Self.tree(["app"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(ResourceLocator.seeds(from: root + "/app") == root + "/app/seeds")
    }

    @Test func theRunningBinaryIsResolvedThroughProc() throws {
        let executable = ResourceLocator.executable()
        #expect(executable.hasPrefix("/"))
        #expect(ResourceLocator.resolved(executable) == executable)
        #expect(ResourceLocator.resolved("/no/such/path/for/accord") == nil)
    }

    @Test func theMarkerMayBeAFile() throws {
        let root = try Self.tree(["app/web"], files: ["app/web/index.html"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(ResourceLocator.find("web", containing: "index.html", from: root + "/app") == root + "/app/web")
    }
}
