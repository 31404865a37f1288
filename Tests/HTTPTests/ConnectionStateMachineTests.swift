import Testing
@testable import HTTP

/// Every transition and timeout of the connection lifecycle, on a manual clock: no sleeps.
@Suite("Connection state machine")
struct ConnectionStateMachineTests {
    typealias Machine = ConnectionStateMachine
    static let second: UInt64 = 1_000_000_000
    static let timeouts = Machine.Timeouts(
        header: 10 * second, body: 30 * second, idle: 75 * second, write: 30 * second, handshake: 10 * second,
        linger: 2 * second
    )
    let clock = ManualClock(nanoseconds: 1_000 * second)
    var now: UInt64 { clock.nanoseconds() }

    func machine(tls: Bool = false) -> Machine { Machine(now: now, tls: tls, timeouts: Self.timeouts) }

    /// A connection that has answered one keep-alive request and waits for the next.
    func servedOnce() -> Machine {
        var machine = machine()
        #expect(machine.readCompleted(.bytes, now: now) == .parse)
        #expect(machine.parsed(.request, now: now) == .respond)
        #expect(machine.responseQueued(keepAlive: true, unsentBytes: 0, now: now) == .parse)
        #expect(machine.parsed(.needMoreData(atRequestStart: true, awaitingBody: false, expectsContinue: false), now: now) == .wait)
        return machine
    }

    @Test func aSilentConnectionClosesAtTheHeaderTimeoutCountedFromAccept() {
        var machine = machine()
        #expect(machine.timer == .header)
        #expect(machine.interest == .init(read: true, write: false))
        clock.advance(seconds: 9.9)
        #expect(machine.timerFired(now: now) == .wait)
        clock.advance(seconds: 0.2)
        // Nothing of a request arrived: closed without an answer, long before the idle timeout.
        #expect(machine.timerFired(now: now) == .close)
        #expect(machine.state == .closed)
    }

    @Test func theFirstRequestsHeaderClockIsNotRestartedByItsFirstByte() {
        var machine = machine()
        clock.advance(seconds: 8)
        #expect(machine.readCompleted(.bytes, now: now) == .parse)
        #expect(machine.parsed(.needMoreData(atRequestStart: false, awaitingBody: false, expectsContinue: false), now: now) == .wait)
        #expect(machine.state == .readingHead)
        clock.advance(seconds: 2.5)
        #expect(machine.timerFired(now: now) == .rejectTimeout(.header))
        #expect(machine.discardsInput)
        #expect(machine.responseQueued(keepAlive: false, unsentBytes: 0, now: now) == .startLingering)
    }

    @Test func keepAliveWaitsForTheIdleTimeoutThenCloses() {
        var machine = servedOnce()
        #expect(machine.timer == .idle)
        #expect(machine.isIdle)
        clock.advance(seconds: 74)
        #expect(machine.timerFired(now: now) == .wait)
        clock.advance(seconds: 2)
        #expect(machine.timerFired(now: now) == .close)
    }

    @Test func aLaterRequestsHeaderClockStartsAtItsFirstByte() {
        var machine = servedOnce()
        clock.advance(seconds: 60)
        #expect(machine.readCompleted(.bytes, now: now) == .parse)
        #expect(machine.parsed(.needMoreData(atRequestStart: false, awaitingBody: false, expectsContinue: false), now: now) == .wait)
        #expect(machine.timer == .header)
        clock.advance(seconds: 9)
        #expect(machine.timerFired(now: now) == .wait)
        clock.advance(seconds: 2)
        #expect(machine.timerFired(now: now) == .rejectTimeout(.header))
    }

    @Test func aSlowBodyGets408AtTheBodyTimeout() {
        var machine = machine()
        _ = machine.readCompleted(.bytes, now: now)
        #expect(machine.parsed(.needMoreData(atRequestStart: false, awaitingBody: true, expectsContinue: false), now: now) == .wait)
        #expect(machine.state == .readingBody)
        #expect(machine.timer == .body)
        clock.advance(seconds: 31)
        #expect(machine.timerFired(now: now) == .rejectTimeout(.body))
    }

    @Test func expectContinueIsSentOncePerRequest() {
        var machine = machine()
        _ = machine.readCompleted(.bytes, now: now)
        let waiting = Machine.ParseOutcome.needMoreData(atRequestStart: false, awaitingBody: true, expectsContinue: true)
        #expect(machine.parsed(waiting, now: now) == .sendContinue)
        #expect(machine.parsed(waiting, now: now) == .wait)
        #expect(machine.parsed(.request, now: now) == .respond)
    }

    @Test func nothingIsParsedWhileAResponseWaitsToBeSent() {
        var machine = machine()
        _ = machine.readCompleted(.bytes, now: now)
        _ = machine.parsed(.request, now: now)
        #expect(machine.responseQueued(keepAlive: true, unsentBytes: 5000, now: now) == .wait)
        #expect(!machine.mayParse)
        #expect(machine.interest == .init(read: false, write: true))
        #expect(machine.timer == .write)
        // Pipelined bytes that arrive meanwhile are kept, not parsed.
        #expect(machine.readCompleted(.bytes, now: now) == .wait)
        clock.advance(seconds: 20)
        #expect(machine.wrote(progressed: true, unsentBytes: 100, now: now) == .wait)
        clock.advance(seconds: 20)
        #expect(machine.timerFired(now: now) == .wait, "progress restarted the write clock")
        #expect(machine.wrote(progressed: true, unsentBytes: 0, now: now) == .parse)
        #expect(machine.mayParse)
        #expect(machine.timer == .idle)
    }

    @Test func aClientThatStopsReadingIsClosedAtTheWriteTimeout() {
        var machine = machine()
        _ = machine.readCompleted(.bytes, now: now)
        _ = machine.parsed(.request, now: now)
        _ = machine.responseQueued(keepAlive: true, unsentBytes: 5000, now: now)
        clock.advance(seconds: 29)
        #expect(machine.wrote(progressed: false, unsentBytes: 5000, now: now) == .wait)
        clock.advance(seconds: 2)
        #expect(machine.timerFired(now: now) == .close)
    }

    @Test func connectionCloseLingersAfterTheResponseLeaves() {
        var machine = machine()
        _ = machine.readCompleted(.bytes, now: now)
        _ = machine.parsed(.request, now: now)
        #expect(machine.responseQueued(keepAlive: false, unsentBytes: 10, now: now) == .wait)
        #expect(machine.wrote(progressed: true, unsentBytes: 0, now: now) == .startLingering)
        machine.lingeringStarted(now: now)
        #expect(machine.state == .lingering)
        #expect(machine.interest == .init(read: true, write: false))
        #expect(machine.readCompleted(.bytes, now: now) == .discardInput)
        clock.advance(seconds: 2.5)
        #expect(machine.timerFired(now: now) == .close)
    }

    @Test func thePeersFINClosesOnceTheAnswerIsOut() {
        var machine = machine()
        _ = machine.readCompleted(.bytes, now: now)
        _ = machine.parsed(.request, now: now)
        _ = machine.responseQueued(keepAlive: true, unsentBytes: 10, now: now)
        #expect(machine.readCompleted(.endOfInput, now: now) == .wait)
        #expect(machine.wrote(progressed: true, unsentBytes: 0, now: now) == .close)
        var idle = servedOnce()
        #expect(idle.readCompleted(.endOfInput, now: now) == .close)
    }

    @Test func anInvalidRequestIsAnsweredThenTheConnectionLingers() {
        var machine = machine()
        _ = machine.readCompleted(.bytes, now: now)
        #expect(machine.parsed(.invalid, now: now) == .respond)
        #expect(!machine.keepAlive(requested: true))
        #expect(machine.responseQueued(keepAlive: false, unsentBytes: 0, now: now) == .startLingering)
    }

    @Test func drainClosesIdleConnectionsAndEndsBusyOnesAfterTheirResponse() {
        var idle = servedOnce()
        #expect(idle.drainBegan(now: now) == .close)
        var busy = machine()
        _ = busy.readCompleted(.bytes, now: now)
        _ = busy.parsed(.needMoreData(atRequestStart: false, awaitingBody: false, expectsContinue: false), now: now)
        #expect(busy.drainBegan(now: now) == .wait)
        #expect(busy.parsed(.request, now: now) == .respond)
        #expect(!busy.keepAlive(requested: true))
        #expect(busy.responseQueued(keepAlive: false, unsentBytes: 0, now: now) == .startLingering)
    }

    /// A connection accepted just before the drain (often from the listener's queue at the
    /// drain itself) has usually sent its request already: it is served once, then closed. One
    /// that stays silent gets a second at most, not the rest of its header deadline, so it
    /// cannot hold the shutdown; one already near its deadline keeps the earlier one.
    @Test func drainServesANewConnectionsFirstRequestOnceAndGivesASilentOneOneSecond() {
        var fresh = machine()
        clock.advance(seconds: 1)
        #expect(fresh.drainBegan(now: now) == .wait)
        #expect(fresh.timer == .header)
        clock.advance(seconds: 0.5)
        #expect(fresh.timerFired(now: now) == .wait)
        #expect(fresh.readCompleted(.bytes, now: now) == .parse)
        #expect(fresh.parsed(.request, now: now) == .respond)
        #expect(!fresh.keepAlive(requested: true))
        #expect(fresh.responseQueued(keepAlive: false, unsentBytes: 0, now: now) == .startLingering)

        var silent = machine()
        clock.advance(seconds: 1)
        #expect(silent.drainBegan(now: now) == .wait)
        clock.advance(seconds: 0.9)
        #expect(silent.timerFired(now: now) == .wait)
        clock.advance(seconds: 0.2)
        #expect(silent.timerFired(now: now) == .close)

        var late = machine()
        clock.advance(seconds: 9.5)
        #expect(late.drainBegan(now: now) == .wait)
        clock.advance(seconds: 0.6)
        #expect(late.timerFired(now: now) == .close, "the header deadline, earlier than the grace, still holds")
    }

    @Test func tlsHandshakeHasItsOwnClockThenTheHeaderClock() {
        var machine = machine(tls: true)
        #expect(machine.state == .handshaking)
        #expect(!machine.mayParse)
        clock.advance(seconds: 5)
        #expect(machine.handshakeCompleted(now: now) == .parse)
        #expect(machine.timer == .header)
        clock.advance(seconds: 10.5)
        #expect(machine.timerFired(now: now) == .close)
        var stalled = self.machine(tls: true)
        clock.advance(seconds: 11)
        #expect(stalled.timerFired(now: now) == .close)
    }

    @Test func theFairnessSharePausesParsingUntilItFrees() {
        var machine = machine()
        _ = machine.readCompleted(.bytes, now: now)
        #expect(machine.budgetExhausted(holdsInput: true) == .wait)
        #expect(!machine.mayParse)
        #expect(machine.interest == .init(read: false, write: false))
        #expect(machine.timer == .header, "a waiting connection keeps its deadline")
        #expect(machine.budgetAvailable(now: now) == .parse)
        #expect(machine.mayParse)
    }

    /// A request the server holds back is not late: its header or idle deadline passing while
    /// it waits re-arms the clock instead of closing the connection without an answer. A wait
    /// with nothing buffered still ends at the idle deadline.
    @Test func aRequestHeldByTheServerIsNeverClosedSilently() {
        var first = machine()
        _ = first.readCompleted(.bytes, now: now)
        _ = first.budgetExhausted(holdsInput: true)
        clock.advance(seconds: 10.5)
        #expect(first.timerFired(now: now) == .wait, "the header deadline passed while the server held the request")
        #expect(first.timer == .header)
        #expect(first.budgetAvailable(now: now) == .parse)
        var kept = machine()
        _ = kept.readCompleted(.bytes, now: now)
        _ = kept.parsed(.request, now: now)
        _ = kept.responseQueued(keepAlive: true, unsentBytes: 0, now: now)
        _ = kept.readCompleted(.bytes, now: now)
        _ = kept.budgetExhausted(holdsInput: true)
        clock.advance(seconds: 76)
        #expect(kept.timerFired(now: now) == .wait, "the idle deadline passed while the server held the next request")
        #expect(kept.budgetAvailable(now: now) == .parse)
        var empty = machine()
        _ = empty.readCompleted(.bytes, now: now)
        _ = empty.parsed(.request, now: now)
        _ = empty.responseQueued(keepAlive: true, unsentBytes: 0, now: now)
        _ = empty.budgetExhausted(holdsInput: false)
        clock.advance(seconds: 76)
        #expect(empty.timerFired(now: now) == .close)
    }

    @Test func aReadErrorOrWriteFailureClosesFromAnyState() {
        var reading = machine()
        #expect(reading.readCompleted(.failed, now: now) == .close)
        var writing = machine()
        _ = writing.readCompleted(.bytes, now: now)
        _ = writing.parsed(.request, now: now)
        _ = writing.responseQueued(keepAlive: true, unsentBytes: 10, now: now)
        #expect(writing.failed() == .close)
        #expect(writing.interest == .init(read: false, write: false))
        #expect(writing.timerFired(now: now &+ 100 * Self.second) == .wait, "a closed machine fires nothing")
    }

    /// Found by FuzzConnectionStateMachine: a response queued while another was still pending
    /// (the 503 of a refusal can follow a 100 Continue) must not leave `outputPending` stale.
    @Test func aResponseQueuedWhileOutputIsPendingKeepsTheWriteClockAndDrainsCleanly() {
        var machine = machine()
        _ = machine.readCompleted(.bytes, now: now)
        _ = machine.parsed(.request, now: now)
        #expect(machine.responseQueued(keepAlive: false, unsentBytes: 2000, now: now) == .wait)
        let deadline = machine.deadline
        clock.advance(seconds: 5)
        #expect(machine.responseQueued(keepAlive: false, unsentBytes: 3000, now: now) == .wait)
        #expect(machine.deadline == deadline, "no progress was made, so the write clock runs on")
        #expect(machine.responseQueued(keepAlive: false, unsentBytes: 0, now: now) == .startLingering)
        #expect(machine.interest == .init(read: false, write: false))
    }
}
