import API
import Foundation
import HTTP
import Store
import TestSupport

/// The repository's seeds directory, found from this file's path.
let repositorySeeds: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("seeds").path

/// The shipped seeds, loaded once for all API tests (they are immutable).
let shippedDataset: Dataset = {
    switch DatasetLoader.load(directory: repositorySeeds, strict: true) {
    case .success(let dataset): return dataset
    case .failure(let failure): fatalError("the shipped seeds must load: \(failure)")
    }
}()

/// The repository's web explorer directory (`web/`), found from this file's path.
let repositoryWeb: String = URL(fileURLWithPath: repositorySeeds).deletingLastPathComponent().appendingPathComponent("web").path

/// Accord's application over the shipped seeds on an ephemeral port; `web` installs the explorer.
func startAccord(
    dataset: Dataset = shippedDataset, cors: CORSPolicy = CORSPolicy(), web: StaticFiles? = nil,
    maxResponseBytes: Int = Application.defaultMaxResponseBytes,
    configure: (inout ServerConfiguration) -> Void = { _ in }
) throws -> (TestServer, Application) {
    var configuration = ServerConfiguration()
    configure(&configuration)
    let application = Application(
        dataset: dataset, cors: cors, web: web, publicURL: configuration.publicURL, maxResponseBytes: maxResponseBytes
    )
    let server = try TestServer(configure: configure, responder: application)
    application.metrics.attach(server.server.statistics)
    return (server, application)
}

/// A dataset loaded from a copy of the shipped seeds that `prepare` changes first (drop-in
/// articles, an edited articles.json); the copy is removed after the load.
func datasetFromShippedSeeds(_ label: String, _ prepare: (String) throws -> Void) -> Dataset {
    let manager = FileManager.default
    let seeds = NSTemporaryDirectory() + "accord-\(label)-\(UUID().uuidString)"
    do {
        try manager.copyItem(atPath: repositorySeeds, toPath: seeds)
        defer { try? manager.removeItem(atPath: seeds) }
        try prepare(seeds)
        switch DatasetLoader.load(directory: seeds, strict: false) {
        case .success(let dataset): return dataset
        case .failure(let failure): fatalError("the \(label) seeds must load: \(failure)")
        }
    } catch {
        fatalError("\(error)")
    }
}

extension RawClient {
    /// Every record of a paged list from `target` on, following `links.next`, and the
    /// `meta.total` each page reported.
    func allPages(_ target: String) throws -> (records: [[String: Any]], totals: [Int]) {
        var records: [[String: Any]] = []
        var totals: [Int] = []
        var next: String? = target
        while let page = next {
            let body = try json(page)
            totals.append(body.meta["total"] as? Int ?? -1)
            records += body.data
            next = (body.links["next"] as? String).map { $0.replacingOccurrences(of: "http://accord.test", with: "") }
        }
        return (records, totals)
    }

    /// GET `target` on this keep-alive connection.
    func get(_ target: String, headers: [String: String] = [:], method: String = "GET") throws -> Response {
        let extra = headers.map { "\($0.key): \($0.value)\r\n" }.joined()
        try send("\(method) \(target) HTTP/1.1\r\nHost: accord.test\r\n\(extra)\r\n")
        return try readResponse(bodyless: method == "HEAD")
    }

    /// GET `target` and decode the JSON object body.
    func json(_ target: String, headers: [String: String] = [:]) throws -> [String: Any] {
        let response = try get(target, headers: headers)
        guard response.status == 200 else {
            throw Failure(description: "GET \(target) gave \(response.status): \(response.text)")
        }
        return try response.json()
    }
}

extension Dictionary where Key == String, Value == Any {
    var data: [[String: Any]] { self["data"] as? [[String: Any]] ?? [] }
    var meta: [String: Any] { self["meta"] as? [String: Any] ?? [:] }
    var links: [String: Any] { self["links"] as? [String: Any] ?? [:] }
    var ids: [String] { data.compactMap { $0["id"] as? String } }
}
