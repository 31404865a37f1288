import Testing
@testable import HTTP

/// The token bucket behind the loop's share for expensive requests, on explicit times.
@Suite("Fairness share")
struct FairnessTests {
    let millisecond: UInt64 = 1_000_000

    @Test func cheapRequestsCostNothingAndExpensiveOnesSpendTheShare() {
        var fairness = Fairness()
        let start: UInt64 = 1_000 * millisecond
        var exhausted = fairness.exhausted(now: start)
        #expect(!exhausted)
        let cheap = fairness.charge(5_000, now: start)
        #expect(!cheap, "5 µs is cheap")
        #expect(fairness.tokens == Fairness.capacity)
        // 25 ms of expensive work at once overdraws the 20 ms bank.
        for _ in 0..<25 {
            let heavy = fairness.charge(1 * millisecond, now: start)
            #expect(heavy)
        }
        exhausted = fairness.exhausted(now: start)
        #expect(exhausted)
        // It refills at half of wall time: 5 ms of debt takes 10 ms.
        exhausted = fairness.exhausted(now: start + 9 * millisecond)
        #expect(exhausted)
        exhausted = fairness.exhausted(now: start + 11 * millisecond)
        #expect(!exhausted)
    }

    @Test func theBankIsCapped() {
        var fairness = Fairness()
        _ = fairness.exhausted(now: millisecond)
        let exhausted = fairness.exhausted(now: 1_000_000 * millisecond)
        #expect(!exhausted)
        #expect(fairness.tokens == Fairness.capacity)
    }
}
