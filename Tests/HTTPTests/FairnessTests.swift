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
        // It refills at 1/share of wall time: 5 ms of debt takes 5 × share ms.
        let refill = 5 * millisecond * UInt64(Fairness.share)
        exhausted = fairness.exhausted(now: start + refill - millisecond)
        #expect(exhausted)
        exhausted = fairness.exhausted(now: start + refill + millisecond)
        #expect(!exhausted)
    }

    /// The share holds for the contention window after the last cheap request (wall time, not
    /// one turn of the loop), and the loop is told how long to sleep until the bucket refills.
    @Test func contentionLastsTheWindowAndTheRefillTimeIsRoundedUp() {
        var fairness = Fairness()
        let start: UInt64 = 1_000 * millisecond
        #expect(!fairness.contended(now: start), "no cheap request yet")
        _ = fairness.charge(2_000, now: start)
        #expect(fairness.contended(now: start))
        #expect(fairness.contended(now: start + Fairness.contentionWindow - 1))
        #expect(!fairness.contended(now: start + Fairness.contentionWindow))
        #expect(fairness.millisecondsUntilAvailable(now: start) == 0)
        let share = Int(Fairness.share)
        // 20.25 ms of work overdraws the 20 ms bank by 0.25 ms: 0.25 × share ms to refill, rounded up.
        _ = fairness.charge(20 * millisecond + 250_000, now: start)
        #expect(fairness.millisecondsUntilAvailable(now: start) == (250 * share + 999) / 1_000)
        // 5 ms more (the write of that response): 5.25 ms of debt; 4 ms later, 4 ms less to go.
        fairness.spend(5 * millisecond, now: start)
        let debt = (5_250 * share + 999) / 1_000
        #expect(fairness.millisecondsUntilAvailable(now: start) == debt)
        #expect(fairness.millisecondsUntilAvailable(now: start + 4 * millisecond) == debt - 4)
        #expect(fairness.millisecondsUntilAvailable(now: start + UInt64(debt) * millisecond) == 0)
        // A cheap miss (over the contending time, under the heavy one) does not contend.
        _ = fairness.charge(30_000, now: start + Fairness.contentionWindow)
        #expect(!fairness.contended(now: start + Fairness.contentionWindow))
        // A cheap request on a connection whose last request was heavy does not contend.
        _ = fairness.charge(2_000, now: start + Fairness.contentionWindow, contends: false)
        #expect(!fairness.contended(now: start + Fairness.contentionWindow))
        // An expensive request does not renew the contention.
        _ = fairness.charge(1 * millisecond, now: start + Fairness.contentionWindow)
        #expect(!fairness.contended(now: start + Fairness.contentionWindow))
    }

    @Test func theBankIsCapped() {
        var fairness = Fairness()
        _ = fairness.exhausted(now: millisecond)
        let exhausted = fairness.exhausted(now: 1_000_000 * millisecond)
        #expect(!exhausted)
        #expect(fairness.tokens == Fairness.capacity)
    }
}
