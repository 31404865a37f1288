@testable import API
import Foundation
import HTTP
import Testing
import TestSupport

/// The web explorer (issue 8): `/` negotiated between the HTML page and the JSON index, and the
/// allow-listed static files under `/explorer/`, over real sockets.
@Suite("Web explorer routes over real sockets", .serialized)
struct ExplorerRoutesTests {
    static let browserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
    static let web: StaticFiles = {
        do {
            return try StaticFiles(directory: repositoryWeb)
        } catch {
            fatalError("the shipped web/ directory must load: \(error)")
        }
    }()

    static func fileBytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: repositoryWeb).appendingPathComponent(name)))
    }

    @Test(arguments: [
        (browserAccept, true), ("text/html", true), ("text/*", true), ("TEXT/HTML; q=1", true),
        ("application/json;q=0.5, text/html", true), ("text/html, application/json;q=0.9", true),
        ("*/*", false), ("", false), ("application/json", false), ("text/html, application/json", false),
        ("text/html;q=0.5, application/json", false), ("text/html;q=0", false), ("text/csv", false),
        ("application/*, text/html;q=0.9", false),
    ])
    func acceptPrefersHTMLOnlyWhenHTMLOutranksJSON(_ accept: String, _ expected: Bool) {
        #expect(Application.prefersHTML(accept: accept) == expected)
    }

    @Test func browsersGetThePageAtRootAndClientsKeepTheJSONIndex() throws {
        let (server, _) = try startAccord(web: Self.web)
        let client = try server.client()
        let page = try client.get("/", headers: ["Accept": Self.browserAccept])
        #expect(page.status == 200)
        #expect(page.header("Content-Type") == "text/html; charset=utf-8")
        #expect(page.body == (try Self.fileBytes("index.html")))
        #expect(page.header("Vary") == "Accept, Accept-Encoding")
        #expect(page.header("Cache-Control") == "no-cache")
        #expect(page.header("X-Content-Type-Options") == "nosniff")
        #expect(page.header("Content-Security-Policy")?.contains("script-src 'self'") == true)
        let etag = try #require(page.header("ETag"))
        #expect(etag == EntityTag.strong(for: page.body))

        let revalidated = try client.get("/", headers: ["Accept": Self.browserAccept, "If-None-Match": etag])
        #expect(revalidated.status == 304)
        #expect(revalidated.body.isEmpty)
        #expect(revalidated.header("ETag") == etag)
        #expect(revalidated.header("Vary") == "Accept, Accept-Encoding")

        // The page's own query (?api=) still gets the page; ?format= means the JSON index.
        #expect(try client.get("/?api=http://127.0.0.1:8080", headers: ["Accept": Self.browserAccept]).body == page.body)
        let forced = try client.get("/?format=json", headers: ["Accept": Self.browserAccept])
        #expect(forced.header("Content-Type") == "application/json")

        for accept in [nil, "*/*", "application/json", "application/json, text/html"] {
            let index = try client.get("/", headers: accept.map { ["Accept": $0] } ?? [:])
            #expect(index.status == 200)
            #expect(index.header("Content-Type") == "application/json", "Accept: \(accept ?? "none")")
            #expect(index.header("Vary") == "Accept, Accept-Encoding")
            #expect(try index.json()["service"] as? String == "accord")
            #expect(index.header("ETag") != etag)
        }
        // The JSON index keeps refusing unknown parameters.
        #expect(try client.get("/?api=x").status == 400)
        // HEAD follows the same negotiation.
        let head = try client.get("/", headers: ["Accept": Self.browserAccept], method: "HEAD")
        #expect(head.header("Content-Type") == "text/html; charset=utf-8")
        #expect(head.header("ETag") == etag)
    }

    @Test func withoutTheExplorerRootIsJSONForBrowsersToo() throws {
        let (server, _) = try startAccord()
        let client = try server.client()
        #expect(try client.get("/", headers: ["Accept": Self.browserAccept]).header("Content-Type") == "application/json")
        #expect(try client.get("/explorer/app.js").status == 404)
    }

    @Test func everyAssetIsServedWithItsTypeETagAndRevalidation() throws {
        let (server, _) = try startAccord(web: Self.web)
        let client = try server.client()
        // The type follows the file's extension (written out here, not read from the allow-list).
        let expectedTypes = [
            "js": "text/javascript; charset=utf-8", "css": "text/css; charset=utf-8",
            "svg": "image/svg+xml", "json": "application/json",
        ]
        for (name, _) in StaticFiles.allowList where name != StaticFiles.pageName {
            let response = try client.get("/explorer/\(name)")
            #expect(response.status == 200, "\(name)")
            let fileExtension = name.split(separator: ".").last.map(String.init) ?? ""
            #expect(response.header("Content-Type") == expectedTypes[fileExtension], "\(name)")
            #expect(response.body == (try Self.fileBytes(name)), "\(name)")
            #expect(response.header("X-Content-Type-Options") == "nosniff")
            #expect(response.header("Cache-Control") == "no-cache")
            let etag = try #require(response.header("ETag"))
            #expect(etag == EntityTag.strong(for: response.body))
            #expect(try client.get("/explorer/\(name)", headers: ["If-None-Match": etag]).status == 304)
            #expect(try client.get("/explorer/\(name)", headers: ["If-None-Match": "W/\(etag)"]).status == 304)
            #expect(try client.get("/explorer/\(name)", headers: ["If-None-Match": "\"stale\""]).status == 200)
        }
        // Served to other origins like the API (the page may be hosted elsewhere).
        let cors = try client.get("/explorer/app.js", headers: ["Origin": "https://elsewhere.example"])
        #expect(cors.header("Access-Control-Allow-Origin") == "*")
    }

    @Test(arguments: [
        "/explorer/nope.js", "/explorer/index.html", "/explorer/APP.JS", "/explorer/app.js.bak", "/explorer/",
        "/explorer", "/explorer/../Package.swift", "/explorer/..%2FPackage.swift", "/explorer/%2e%2e/Package.swift",
        "/explorer/..%2F..%2F..%2Fetc%2Fpasswd", "/explorer/./app.js", "/explorer/%2Fetc%2Fpasswd", "/explorer/web/app.js",
        "/explorer/..", "/explorer/%2e%2e", "/explorer/app.js/..", "/web/app.js", "/explorer/Package.swift",
    ])
    func anythingButAnAllowListedNameIsNotFound(_ target: String) throws {
        let (server, _) = try startAccord(web: Self.web)
        let client = try server.client()
        let response = try client.get(target)
        #expect(response.status == 404, "\(target)")
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(!response.text.contains("swift-tools-version") && !response.text.contains("root:"))
        #expect(try client.get("/explorer/app.js").status == 200, "the connection stays usable")
    }

    @Test func malformedTargetsAreRejectedBeforeRouting() throws {
        let (server, _) = try startAccord(web: Self.web)
        let client = try server.client()
        #expect(try client.get("/explorer/app.js%00").status == 400)
        #expect(try client.get("/explorer/%zz").status == 400)
    }

    @Test func theAllowListIsExactlyTheWebDirectory() throws {
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: repositoryWeb).filter { !$0.hasPrefix(".") }
        #expect(Set(onDisk) == Set(StaticFiles.allowList.map(\.name)), "add new web/ files to StaticFiles.allowList")
        #expect(Self.web.byteCount == (try onDisk.reduce(0) { $0 + (try Self.fileBytes($1)).count }))
    }

    @Test func anIncompleteDirectoryFailsNamingTheFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("accord-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("<!doctype html>".utf8).write(to: directory.appendingPathComponent("index.html"))
        do {
            _ = try StaticFiles(directory: directory.path)
            Issue.record("loaded a directory without app.js")
        } catch {
            #expect("\(error)".contains("app.js"))
        }
    }
}
