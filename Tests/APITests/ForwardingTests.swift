import Foundation
import HTTP
import Testing
import TestSupport
@testable import API

/// Who decides the links: `publicUrl` alone when set; otherwise Host, and a trusted proxy's
/// forwarded headers, one family per request, with `Vary` so shared caches key on them.
@Suite("Forwarding, public URL and cache keys", .serialized)
struct ForwardingTests {
    static let spoofing: [String: String] = [
        "Forwarded": "for=203.0.113.9;host=evil.example;proto=https",
        "X-Forwarded-Host": "evil.example", "X-Forwarded-Prefix": "/phish", "X-Forwarded-Proto": "https",
    ]

    @Test func withAPublicURLNoHeaderChangesALink() throws {
        let (server, _) = try startAccord {
            $0.publicURL = PublicURL("https://api.example.org/accord/")
            $0.trustedProxies = [CIDR("127.0.0.0/8")].compactMap { $0 }
        }
        let client = try server.client()
        var headers = Self.spoofing
        headers["X-Forwarded-For"] = "203.0.113.9"
        for extra in [[:], headers] {
            let response = try client.get("/events?limit=2", headers: extra)
            #expect(response.header("Link")?.contains("<https://api.example.org/accord/events?limit=2&offset=2>; rel=\"next\"") == true)
            #expect(!response.text.contains("evil.example") && !response.text.contains("/phish"))
            #expect(response.text.contains("\"self\":\"https://api.example.org/accord/events?limit=2\""))
            #expect(response.header("Vary") == "Accept, Accept-Encoding")
        }
        let openAPI = try client.json("/openapi.json")
        let servers = openAPI["servers"] as? [[String: Any]]
        #expect(servers?.first?["url"] as? String == "https://api.example.org/accord")
    }

    @Test func theExplorerCallsTheAPIAtThePublicURL() throws {
        let web = ExplorerRoutesTests.web
        let (server, _) = try startAccord(web: web) { $0.publicURL = PublicURL("https://api.example.org/accord") }
        let page = try server.client().get("/", headers: ["Accept": "text/html"])
        #expect(page.text.contains("<meta name=\"accord-api\" content=\"https://api.example.org/accord/\">"))
        let (plainServer, _) = try startAccord(web: web)
        #expect(try !plainServer.client().get("/", headers: ["Accept": "text/html"]).text.contains("accord-api"))
    }

    @Test func anUntrustedPeersForwardedHeadersAreIgnored() throws {
        let (server, _) = try startAccord()
        let response = try server.client().get("/events?limit=2", headers: Self.spoofing)
        #expect(response.header("Link")?.contains("<http://accord.test/events?limit=2&offset=2>") == true)
        #expect(response.header("Vary") == "Accept, Accept-Encoding")
    }

    /// "Host: accord.test:" has an empty port, the scheme's default: links are written without it.
    @Test func anEmptyPortIsNotWrittenIntoLinks() throws {
        let (server, _) = try startAccord()
        let client = try server.client()
        try client.send("GET /events?limit=2 HTTP/1.1\r\nHost: accord.test:\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.header("Link")?.contains("<http://accord.test/events?limit=2&offset=2>") == true, "\(response.header("Link") ?? "")")
    }

    @Test func aTrustedProxyUsesOneFamilyAndTheResponseVariesWithIt() throws {
        let (server, _) = try startAccord { $0.trustedProxies = [CIDR("127.0.0.1/32")].compactMap { $0 } }
        let client = try server.client()
        // X-Forwarded-For present: X-Forwarded-* count, a client-sent Forwarded does not.
        let proxied = try client.get("/events?limit=2", headers: [
            "X-Forwarded-For": "198.51.100.7", "X-Forwarded-Host": "api.example.org", "X-Forwarded-Proto": "https",
            "Forwarded": "for=203.0.113.9;host=evil.example;proto=http",
        ])
        #expect(proxied.header("Link")?.contains("<https://api.example.org/events?limit=2&offset=2>") == true)
        #expect(proxied.header("Vary")?.contains("X-Forwarded-Host") == true)
        #expect(proxied.header("Vary")?.contains("Forwarded") == true)
        #expect(proxied.header("Vary")?.contains("X-Forwarded-For") == false, "per-client: a cache would never share")
        // No X-Forwarded-For: Forwarded (RFC 7239) is read.
        let standard = try client.get("/events?limit=2", headers: ["Forwarded": "for=198.51.100.7;host=api.example.org;proto=https"])
        #expect(standard.header("Link")?.contains("<https://api.example.org/events?limit=2&offset=2>") == true)
    }

    /// A proxy that appends its own line (HAProxy's `add-header`) after a client's: the
    /// proxy's, the nearest, wins, as it does when both are one comma-joined line.
    @Test(arguments: ["X-Forwarded-Host: client-evil.example\r\nX-Forwarded-Host: api.example.org",
                      "X-Forwarded-Host: client-evil.example, api.example.org"])
    func repeatedForwardedLinesReadAsOneList(_ hosts: String) throws {
        let (server, _) = try startAccord { $0.trustedProxies = [CIDR("127.0.0.1/32")].compactMap { $0 } }
        let client = try server.client()
        try client.send("GET /events?limit=2 HTTP/1.1\r\nHost: accord.test\r\nX-Forwarded-For: 198.51.100.7\r\n" + hosts
            + "\r\nX-Forwarded-Proto: http\r\nX-Forwarded-Proto: https\r\nX-Forwarded-Prefix: /phish\r\nX-Forwarded-Prefix: /accord\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 200)
        #expect(response.header("Link")?.contains("<https://api.example.org/accord/events?limit=2&offset=2>") == true)
        #expect(!response.text.contains("client-evil") && !response.text.contains("/phish"))
    }

    @Test(arguments: [
        ("ACCORD_SERVICE_HOST", "10.0.0.11", true), ("ACCORD_SERVICE_PORT", "8080", true),
        ("ACCORD_SERVICE_PORT_HTTP", "8080", true), ("ACCORD_PORT", "tcp://10.0.0.11:8080", true),
        ("ACCORD_PORT_8080_TCP", "tcp://10.0.0.11:8080", true), ("ACCORD_PORT_8080_TCP_PROTO", "tcp", true),
        ("ACCORD_PORT_8080_TCP_PORT", "8080", true), ("ACCORD_PORT_8080_TCP_ADDR", "10.0.0.11", true),
        ("ACCORD_DB_SERVICE_HOST", "10.0.0.12", true), ("ACCORD_DB_PORT", "udp://10.0.0.12:53", true),
        ("ACCORD_DB_PORT_53_UDP_ADDR", "10.0.0.12", true),
        ("ACCORD_PORT", "8080", false), ("ACCORD_PROT", "8080", false), ("ACCORD_PORT_TCP", "x", false),
        ("ACCORD_SERVICE", "x", false), ("ACCORD_LOG_LEVEL", "debug", false),
    ])
    func kubernetesServiceLinksAreRecognisedByShape(_ name: String, _ value: String, _ isLink: Bool) {
        #expect(ServiceLinkVariable.matches(name: name, value: value) == isLink)
    }

    @Test func aServiceNamedAccordNoLongerStopsTheServerButATypoStillDoes() throws {
        let environment = [
            "ACCORD_PORT": "tcp://10.0.0.11:8080", "ACCORD_SERVICE_HOST": "10.0.0.11", "ACCORD_SERVICE_PORT": "8080",
            "ACCORD_PORT_8080_TCP": "tcp://10.0.0.11:8080", "ACCORD_PORT_8080_TCP_PROTO": "tcp",
            "ACCORD_PORT_8080_TCP_PORT": "8080", "ACCORD_PORT_8080_TCP_ADDR": "10.0.0.11",
        ]
        let loaded = try ConfigurationLoader.load(file: nil, environment: environment, flags: [("--port", "port", "9090")])
        #expect(loaded.server.port == 9090)
        #expect(loaded.ignoredEnvironment.count == 7)
        let defaults = try ConfigurationLoader.load(file: nil, environment: environment, flags: [])
        #expect(defaults.server.port == 8080)
        #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader.load(file: nil, environment: environment.merging(["ACCORD_PROT": "1"]) { $1 }, flags: [])
        }
        #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader.load(file: nil, environment: ["ACCORD_PORT": "http"], flags: [])
        }
    }

    @Test(arguments: ["ftp://a.example", "https://user@a.example", "https://a.example/x?y", "https://a.example/#x",
                      "https://a b.example", "https://a.example\r\nX: y", "a.example", "https://"])
    func aPublicURLMustBeAPlainHTTPURL(_ text: String) {
        #expect(PublicURL(text) == nil)
        #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader.load(file: nil, environment: ["ACCORD_PUBLIC_URL": text], flags: [])
        }
    }
}
