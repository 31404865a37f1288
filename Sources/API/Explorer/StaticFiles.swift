import HTTP
#if canImport(Glibc)
import Glibc
#endif

/// The web explorer's files (issue 8): a fixed allow-list read once at startup into memory,
/// each with its bytes, strong SHA-256 `ETag` and content type. Requests only ever look a
/// name up in this table, so no filesystem path is derived from a request (no traversal).
public struct StaticFiles: Sendable {
    /// Every file the explorer ships, and its media type. A file in `web/` that is not listed
    /// here is not served (a test keeps the list and the directory equal).
    public static let allowList: [(name: String, contentType: String)] = [
        ("index.html", "text/html; charset=utf-8"),
        ("app.js", "text/javascript; charset=utf-8"),
        ("api.js", "text/javascript; charset=utf-8"),
        ("render.js", "text/javascript; charset=utf-8"),
        ("router.js", "text/javascript; charset=utf-8"),
        ("filters.js", "text/javascript; charset=utf-8"),
        ("cards.js", "text/javascript; charset=utf-8"),
        ("svg.js", "text/javascript; charset=utf-8"),
        ("timeline.js", "text/javascript; charset=utf-8"),
        ("matrix.js", "text/javascript; charset=utf-8"),
        ("map.js", "text/javascript; charset=utf-8"),
        ("entity.js", "text/javascript; charset=utf-8"),
        ("reader.js", "text/javascript; charset=utf-8"),
        ("export.js", "text/javascript; charset=utf-8"),
        ("style.css", "text/css; charset=utf-8"),
        ("favicon.svg", "image/svg+xml"),
        /// Natural Earth 1:110m country outlines (public domain) for the map view, loaded lazily.
        ("world.json", "application/json"),
    ]

    /// The page served at `/`; never served under `/explorer/` (its relative links assume `/`).
    public static let pageName = "index.html"

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case unreadable(path: String, errno: Int32)

        public var description: String {
            switch self {
            case .unreadable(let path, let code): return "cannot read \(path): \(String(cString: strerror(code)))"
            }
        }
    }

    /// The directory the files were read from (for logs).
    public let directory: String
    let entries: [String: ResponseCache.Entry]

    /// Reads every allow-listed file from `directory`; any missing or unreadable one fails the whole set.
    public init(directory: String) throws(Failure) {
        var entries: [String: ResponseCache.Entry] = [:]
        for (name, contentType) in Self.allowList {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            let body = try Self.read(path)
            entries[name] = ResponseCache.Entry(
                body: body, etag: EntityTag.strong(for: body), contentType: contentType, link: nil
            )
        }
        self.directory = directory
        self.entries = entries
    }

    /// The HTML page.
    var page: ResponseCache.Entry? { entries[Self.pageName] }

    /// The same files, with the page telling the explorer to call the API at `publicURL`
    /// (`<meta name="accord-api" content="…/">` after the charset declaration).
    func pointing(at publicURL: PublicURL) -> StaticFiles {
        var entries = self.entries
        if let page = entries[Self.pageName] {
            let html = String(decoding: page.body, as: UTF8.self)
            let meta = "<meta name=\"accord-api\" content=\"\(publicURL.description)/\">"
            let marked = html.contains("<meta charset=\"utf-8\">")
                ? html.replacingFirst("<meta charset=\"utf-8\">", with: "<meta charset=\"utf-8\">\n  " + meta)
                : html
            let body = Array(marked.utf8)
            entries[Self.pageName] = ResponseCache.Entry(
                body: body, etag: EntityTag.strong(for: body), contentType: page.contentType, link: nil
            )
        }
        return StaticFiles(directory: directory, entries: entries)
    }

    init(directory: String, entries: [String: ResponseCache.Entry]) {
        self.directory = directory
        self.entries = entries
    }

    /// An asset by its exact allow-listed name (never the page).
    func asset(named name: String) -> ResponseCache.Entry? {
        name == Self.pageName ? nil : entries[name]
    }

    /// Total bytes held in memory.
    public var byteCount: Int { entries.values.reduce(0) { $0 + $1.body.count } }

    static func read(_ path: String) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable(path: path, errno: errno) }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw .unreadable(path: path, errno: errno) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw .unreadable(path: path, errno: EISDIR) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, errno: errno)
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }
}

extension String {
    /// `self` with the first occurrence of `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        return String(self[..<range.lowerBound]) + replacement + String(self[range.upperBound...])
    }
}
