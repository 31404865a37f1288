import Testing
@testable import HTTP

/// The token bucket behind the loop's share for expensive requests, on explicit times.
@Suite("Fairness share")
struct FairnessTests {
    let millisecond: UInt64 = 1_000_000

    @Test func cheapRequestsCostNothingAndExpensiveOnesSpendTheShare() {
        var fairness = Fairness()
        let start: UInt64 = 1_000 * millisecond
        #expect(!fairness.exhausted(now: start))
        #expect(!fairness.charge(5_000, now: start), "5 µs is cheap")
        #expect(fairness.tokens == Fairness.capacity)
        // 25 ms of expensive work at once overdraws the 20 ms bank.
        for _ in 0..<25 { #expect(fairness.charge(1 * millisecond, now: start)) }
        #expect(fairness.exhausted(now: start))
        // It refills at half of wall time: 5 ms of debt takes 10 ms.
        #expect(fairness.exhausted(now: start + 9 * millisecond))
        #expect(!fairness.exhausted(now: start + 11 * millisecond))
    }

    @Test func theBankIsCapped() {
        var fairness = Fairness()
        _ = fairness.exhausted(now: millisecond)
        #expect(!fairness.exhausted(now: 1_000_000 * millisecond))
        #expect(fairness.tokens == Fairness.capacity)
    }
}
