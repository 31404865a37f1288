import HTTP

/// libFuzzer entry point: random event sequences through ``ConnectionStateMachine``.
///
/// Each input byte pair is one event: the first byte picks the event (and its arguments),
/// the second moves the clock forward (0–25.5 s in 100 ms steps). After every event the
/// machine must return a valid action for its state, and its invariants must hold:
/// - a closed machine stays closed, wants no I/O, and never asks to parse or respond;
/// - nothing is parsed while output is pending, after the last response, or while lingering;
/// - an open machine always has a deadline, and a timer armed by an event lies in the future;
/// - `.respond` comes only from a parsed request (or an invalid one), `.sendContinue` only
///   from a body that expects it, `.startLingering` only once no output is pending.
/// Any violation traps, which libFuzzer records.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConnectionStateMachine(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    guard let first = input.first else { return 0 }
    let second: UInt64 = 1_000_000_000
    let timeouts = ConnectionStateMachine.Timeouts(
        header: 10 * second, body: 30 * second, idle: 75 * second, write: 30 * second, handshake: 10 * second, linger: 2 * second
    )
    var now: UInt64 = 1_000 * second
    var machine = ConnectionStateMachine(now: now, tls: first & 1 == 1, timeouts: timeouts)
    var unsent = 0
    var index = 1
    while index + 1 < input.count {
        let event = input[index]
        now &+= UInt64(input[index + 1]) * 100_000_000
        index += 2
        let wasClosed = machine.state == .closed
        let action: ConnectionStateMachine.Action
        var mayRespond = false
        var mayContinue = false
        switch event % 13 {
        case 0: action = machine.handshakeCompleted(now: now)
        case 1: action = machine.readCompleted(.bytes, now: now)
        case 2: action = machine.readCompleted(.endOfInput, now: now)
        case 3: action = machine.readCompleted(.failed, now: now)
        case 4:
            let could = machine.mayParse
            action = machine.parsed(.request, now: now)
            mayRespond = could
        case 5:
            let could = machine.mayParse
            let expects = event & 0x80 != 0
            action = machine.parsed(.needMoreData(atRequestStart: event & 0x20 != 0, awaitingBody: event & 0x40 != 0,
                                                  expectsContinue: expects), now: now)
            mayContinue = could && expects
        case 6:
            let could = machine.mayParse
            action = machine.parsed(.invalid, now: now)
            mayRespond = could
        case 7:
            unsent = Int(event >> 4) * 1000
            action = machine.responseQueued(keepAlive: event & 0x08 != 0, unsentBytes: unsent, now: now)
        case 8:
            let progressed = event & 0x80 != 0 && unsent > 0
            if progressed { unsent = max(0, unsent - Int(event & 0x7F) * 100) }
            action = machine.wrote(progressed: progressed, unsentBytes: unsent, now: now)
        case 9:
            action = machine.timerFired(now: now)
            // A deadline that passes and leaves the connection open has been re-armed: no spin.
            if action == .wait, machine.state != .closed { precondition(machine.deadline > now, "a passed deadline left armed") }
        case 10: action = machine.drainBegan(now: now)
        case 11: action = event & 0x80 != 0 ? machine.budgetExhausted(holdsInput: event & 0x40 != 0) : machine.budgetAvailable(now: now)
        default: action = machine.failed()
        }
        if action == .startLingering {
            precondition(!machine.interest.write, "lingering with output pending")
            machine.lingeringStarted(now: now)
            precondition(machine.deadline > now, "linger deadline not in the future")
        }
        if action == .close { precondition(machine.state == .closed, "close without entering closed") }
        if wasClosed {
            precondition(machine.state == .closed, "a closed machine reopened")
        }
        if machine.state == .closed {
            precondition(machine.interest == .init(read: false, write: false), "a closed machine wants I/O")
            precondition(!machine.mayParse, "a closed machine may parse")
            precondition(action == .close || action == .wait, "a closed machine asked for \(action)")
        }
        if action == .respond { precondition(mayRespond, "respond without a parsed request") }
        if action == .sendContinue { precondition(mayContinue, "100 Continue without a body that expects it") }
        if machine.state == .lingering || machine.discardsInput {
            precondition(!machine.mayParse, "parsing while closing or lingering")
        }
        if machine.interest.write { precondition(!machine.mayParse, "parsing while a response is pending") }
        if case .rejectTimeout = action { precondition(!machine.keepAlive(requested: true), "408 on a connection kept alive") }
    }
    return 0
}
