import Testing
@testable import HTTP

/// Inputs found by `scripts/fuzz.sh` (FuzzRequestParser), minimised. Each one must give the
/// same outcome in one read and split at `cuts`, as the parser's contract promises.
struct FuzzRegressionCase: CustomTestStringConvertible, Sendable {
    enum Outcome: Equatable, Sendable {
        case complete(consumed: Int)
        case invalid(ParseError)
        case needMoreData
    }

    let name: String
    let raw: [UInt8]
    let cuts: [Int]
    let expected: Outcome
    var testDescription: String { name }
}

/// A request line of exactly `maxRequestLineBytes` (8 KiB), then CR LF and a Host field.
private let lineAtLimit: [UInt8] = {
    let line = "GET /" + String(repeating: "a", count: 8 * 1024 - 14) + " HTTP/1.1"
    precondition(line.utf8.count == 8 * 1024)
    return Array((line + "\r\nHost: a\r\n\r\n").utf8)
}()

/// A chunked request whose first chunk-size line is `extensionBytes + 2` bytes long ("1;" + extension).
private func chunked(extensionBytes: Int) -> [UInt8] {
    let head = "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
    return Array((head + "1;" + String(repeating: "e", count: extensionBytes) + "\r\nx\r\n0\r\n\r\n").utf8)
}

private let chunkHead = "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n".utf8.count

/// A request line over the limit whose first bytes cannot start one.
private let overlongNoise: [UInt8] = Array(("\u{14}\u{5}GET /" + String(repeating: "a", count: 9_000) + " HTTP/1.1\r\nHost: a\r\n\r\n").utf8)

/// Bare CRs over the line limit, then a byte that cannot start a request line.
private let leadingCRs: [UInt8] = [UInt8](repeating: 0x0D, count: 9_000) + Array("\u{1}GET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8)

let fuzzRegressionCases: [FuzzRegressionCase] = [
    // Found by review 2026-12-01: the early refusal skipped leading CRs, so the bytes after them
    // decided in one read (400) but not when the CRs came first (414).
    FuzzRegressionCase(name: "bare CRs then noise in one read", raw: leadingCRs, cuts: [], expected: .invalid(.requestLineTooLong)),
    FuzzRegressionCase(name: "bare CRs then noise split", raw: leadingCRs, cuts: [5_000, 9_000], expected: .invalid(.requestLineTooLong)),
    // Found 2026-12-01: a line that cannot start (a control byte in its method) was refused as
    // invalid while its line end had not arrived, but as too long once it had.
    FuzzRegressionCase(name: "noise over the line limit in one read", raw: overlongNoise, cuts: [], expected: .invalid(.invalidRequestLine)),
    FuzzRegressionCase(name: "noise over the line limit split", raw: overlongNoise, cuts: [3, 20], expected: .invalid(.invalidRequestLine)),
    // Found 2026-11-21: the 414 check counted a pending CR against the limit, so a line of
    // exactly 8 KiB was accepted in one read but refused when the read ended between CR and LF.
    FuzzRegressionCase(name: "request line at the limit, read split between CR and LF",
                       raw: lineAtLimit, cuts: [8 * 1024 + 1], expected: .complete(consumed: lineAtLimit.count)),
    FuzzRegressionCase(name: "request line at the limit, byte by byte",
                       raw: lineAtLimit, cuts: Array(8000..<lineAtLimit.count), expected: .complete(consumed: lineAtLimit.count)),
    // Found 2026-11-21: the 1 KiB cap on a chunk-size line applied only while its LF had not
    // arrived, so a long chunk extension was refused or accepted depending on the reads.
    FuzzRegressionCase(name: "chunk extension over 1 KiB in one read",
                       raw: chunked(extensionBytes: 1100), cuts: [], expected: .invalid(.invalidChunkedEncoding)),
    FuzzRegressionCase(name: "chunk extension over 1 KiB split",
                       raw: chunked(extensionBytes: 1100), cuts: [chunkHead + 600], expected: .invalid(.invalidChunkedEncoding)),
    FuzzRegressionCase(name: "chunk-size line of exactly 1 KiB, split between CR and LF",
                       raw: chunked(extensionBytes: 1022), cuts: [chunkHead + 1025],
                       expected: .complete(consumed: chunked(extensionBytes: 1022).count)),
    FuzzRegressionCase(name: "chunk-size line of exactly 1 KiB in one read",
                       raw: chunked(extensionBytes: 1022), cuts: [], expected: .complete(consumed: chunked(extensionBytes: 1022).count)),
]

@Suite("RequestParser: fuzz regressions")
struct FuzzRegressionTests {
    @Test(arguments: fuzzRegressionCases)
    func sameOutcomeHoweverTheBytesArrive(_ testCase: FuzzRegressionCase) {
        #expect(Self.outcome(testCase.raw, cuts: []) == testCase.expected)
        #expect(Self.outcome(testCase.raw, cuts: testCase.cuts) == testCase.expected)
    }

    /// Delivers `bytes` in reads ending at `cuts`; each call sees everything so far.
    static func outcome(_ bytes: [UInt8], cuts: [Int]) -> FuzzRegressionCase.Outcome {
        var parser = RequestParser()
        for end in cuts + [bytes.count] {
            switch Array(bytes[0..<end]).withUnsafeBytes({ parser.parse($0) }) {
            case .complete(_, let consumed): return .complete(consumed: consumed)
            case .invalid(let error): return .invalid(error)
            case .needMoreData: continue
            }
        }
        return .needMoreData
    }
}
