/// Connections whose next request must wait, when their last request was expensive, for the
/// loop's ``Fairness`` share. (Over the server-wide budget of unsent bytes nobody waits: a
/// large response is refused instead, ``EventLoop/overloadResponseBytes``; a wait held every
/// client's request, `/healthz` too, behind those that do not read.)
extension EventLoop {
    /// Whether `connection` may not parse its next request yet.
    func mustWait(_ connection: Connection) -> Bool {
        connection.heavy && fairness.exhausted(now: now)
    }

    func enqueueWaiting(_ connection: Connection) {
        guard !connection.queued else { return }
        connection.queued = true
        waiting.append(connection)
    }

    /// Records the time `connection`'s request took against the loop's share for expensive work.
    func chargeWork(_ connection: Connection, nanoseconds: UInt64) {
        connection.heavy = fairness.charge(nanoseconds, now: now, contends: !connection.heavy)
    }

    /// Lets waiting connections parse again, oldest first, as far as the budget and the
    /// share allow. Work-conserving: when no cheap request was served lately (nothing else
    /// wants the loop, ``Fairness/contended(now:)``), every waiting connection goes, whatever
    /// the share says.
    func resumeWaiting() {
        let contended = fairness.contended(now: now)
        let batch = waiting
        waiting = []
        var index = 0
        while index < batch.count {
            let connection = batch[index]
            guard isOpen(connection) else {
                connection.queued = false
                index += 1
                continue
            }
            if connection.heavy && fairness.exhausted(now: now) {
                if contended { break }
                // Its one request goes now; what it costs decides whether the next waits.
                connection.heavy = false
            }
            connection.queued = false
            index += 1
            perform(connection, connection.machine.budgetAvailable(now: now))
        }
        // Those not reached keep their place ahead of any that queued meanwhile.
        if index < batch.count { waiting = Array(batch[index...]) + waiting }
    }

    /// How long the loop may sleep in `epoll_wait` while connections wait: until the share
    /// refills (at most the contention window, after which they go anyway), and not at all when
    /// they may go now.
    func waitingTimeout() -> Int32 {
        let refill = fairness.millisecondsUntilAvailable(now: now)
        return Int32(min(refill, Int(Fairness.contentionWindow / 1_000_000)))
    }
}
