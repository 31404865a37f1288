import Testing

@testable import Store

@Suite("Concurrently")
struct ConcurrentlyTests {
    /// Parts of every size, empty ones too, of heap strings: a copy that lost or doubled a
    /// retain would crash or leak here under the sanitizers.
    static let parts: [[String]] = (0..<300).map { part in
        (0..<(part % 7 == 0 ? 0 : part % 13)).map { "a string long enough for the heap \(part)-\($0)" }
    }

    @Test("joined is the parts end to end, as flatMap has them")
    func joined() {
        #expect(Concurrently.joined(Self.parts) == Self.parts.flatMap { $0 })
        #expect(Concurrently.joined([[String]]()).isEmpty)
        #expect(Concurrently.joined([[], [], []] as [[Int]]).isEmpty)
    }

    @Test("forEachInOrder hands the caller every result, in item order")
    func forEachInOrder() {
        for count in [1, 2, 15, 16, 17, 1000] {
            var seen: [Int] = []
            Concurrently.forEachInOrder(Array(0..<count), { $0 * 2 }, consume: { seen += $0 })
            #expect(seen == (0..<count).map { $0 * 2 })
        }
    }

    @Test("mapChunks covers every item once, in order")
    func mapChunks() {
        for count in [0, 1, 16, 17, 999] {
            let chunks = Concurrently.mapChunks(Array(0..<count)) { Array($0) }
            #expect(chunks.flatMap { $0 } == Array(0..<count))
        }
    }
}
