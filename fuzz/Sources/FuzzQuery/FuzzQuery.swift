import API
import Foundation
import FuzzSupport
import HTTP
import Store

/// libFuzzer entry point: arbitrary request-targets through the real ``Application`` over
/// the shipped seeds, as the event loop would hand them over.
///
/// Input layout, one field per line (`\n`); missing lines mean "header absent":
///
///     [METHOD ]target        e.g. "/events?participant=zelensky&sort=-date" or "HEAD /events.ics"
///     Accept
///     If-None-Match
///     Origin
///     X-Forwarded-Host       (the peer is a trusted proxy, so these are honoured)
///     X-Forwarded-Prefix
///     Forwarded
///
/// Bytes the parser would refuse are dropped first (a target is visible ASCII; a header
/// value has no control bytes), so every input is a request the engine could deliver.
/// The answer must never be 5xx, must be well-formed (token header names, no control bytes
/// in header values, a parseable JSON body for JSON types, no body on 204/304), and asking
/// twice (the second time from the response cache) must give the same bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let lines = Array(UnsafeBufferPointer(start: data, count: size))
        .split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    guard let first = lines.first else { return 0 }
    var method = HTTPMethod.get
    var targetBytes = Array(first)
    if let space = targetBytes.firstIndex(of: UInt8(ascii: " ")) {
        method = HTTPMethod(rawValue: String(decoding: targetBytes[..<space], as: UTF8.self)) ?? .get
        targetBytes.removeSubrange(...space)
    }
    targetBytes.removeAll { !($0 > 0x20 && $0 < 0x7F) }
    guard !targetBytes.isEmpty else { return 0 }
    let target = String(decoding: targetBytes, as: UTF8.self)

    var headers: HTTPHeaders = ["host": "accord.test"]
    let names = ["accept", "if-none-match", "origin", "x-forwarded-host", "x-forwarded-prefix", "forwarded"]
    for (name, line) in zip(names, lines.dropFirst()) {
        headers.add(name, fieldValue(Array(line)))
    }
    var request = HTTPRequest(method: method, target: target, headers: headers)
    request.context = RequestContext(peer: "127.0.0.1:40000", peerAddress: "127.0.0.1", requestID: "fuzz")

    // What EventLoop.answer does before calling the responder.
    let decoded: RequestTarget
    do {
        decoded = try RequestTarget.parse(target, method: method)
    } catch {
        return 0
    }
    request.path = decoded.path
    request.pathSegments = decoded.segments
    request.query = decoded.query.map { (name: $0.name, value: $0.value) }
    FuzzApplication.forwarding.apply(to: &request)

    let response = FuzzApplication.shared.respond(to: request)
    ResponseInvariants.check(response, for: request)
    // /metrics counts the requests themselves, so only it may change between two asks.
    guard request.pathSegments != ["metrics"] else { return 0 }
    let again = FuzzApplication.shared.respond(to: request)
    expect(again.status == response.status && again.body == response.body,
           "a repeated request changed its answer: \(response.status.code) → \(again.status.code) for \(target)")
    return 0
}

/// The application under test, built once per process over the repository's seeds
/// (or `ACCORD_SEEDS`) and its web explorer files, as `accord serve` builds it.
enum FuzzApplication {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let seeds: String = ProcessInfo.processInfo.environment["ACCORD_SEEDS"]
        ?? repository.appendingPathComponent("seeds").path

    static let shared: Application = {
        switch DatasetLoader.load(directory: seeds, strict: true) {
        case .success(let dataset):
            let web = try? StaticFiles(directory: repository.appendingPathComponent("web").path)
            return Application(dataset: dataset, web: web)
        case .failure(let failure):
            fatalError("the seeds at \(seeds) must load: \(failure)")
        }
    }()

    static let forwarding = ForwardingPolicy(trustedProxies: [CIDR("127.0.0.0/8")!])
}

/// A header value as the parser would deliver it: no control bytes, OWS trimmed, UTF-8 decoded.
func fieldValue(_ bytes: [UInt8]) -> String {
    var kept = bytes.filter { $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }
    while let last = kept.last, last == 0x20 || last == 0x09 { kept.removeLast() }
    while let first = kept.first, first == 0x20 || first == 0x09 { kept.removeFirst() }
    return String(decoding: kept, as: UTF8.self)
}

/// What every answer must look like, whatever the query.
enum ResponseInvariants {
    static func check(_ response: HTTPResponse, for request: HTTPRequest) {
        let status = response.status.code
        let label = "\(request.method.rawValue) \(request.target) → \(status)"
        expect((100..<500).contains(status), "server error: \(label): \(String(decoding: response.body, as: UTF8.self))")
        for field in response.headers {
            expect(!field.name.isEmpty && field.name.utf8.allSatisfy(isToken), "header name \(field.name.debugDescription) in \(label)")
            expect(field.value.utf8.allSatisfy { $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) },
                   "control byte in header \(field.name): \(field.value.debugDescription) in \(label)")
        }
        if !response.status.allowsBody {
            expect(response.body.isEmpty, "body on \(label)")
            return
        }
        guard !response.body.isEmpty else { return }
        guard let type = response.headers["content-type"] else { return expect(false, "no Content-Type on \(label)") }
        expect(String(validating: response.body, as: UTF8.self) != nil, "body is not UTF-8 in \(label)")
        if type.contains("json") {
            let parsed = try? JSONSerialization.jsonObject(with: Data(response.body), options: [.fragmentsAllowed])
            expect(parsed != nil, "unparseable JSON in \(label): \(String(decoding: response.body.prefix(300), as: UTF8.self))")
            if type.hasPrefix("application/problem+json"), let problem = parsed as? [String: Any] {
                expect((problem["status"] as? Int) == status, "problem status differs from \(label)")
            }
        }
        if status == 200, !["healthz", "metrics", "readyz", "openapi.json"].contains(request.pathSegments.first ?? "") {
            expect(response.headers["etag"] != nil, "no ETag on \(label)")
        }
    }
}
