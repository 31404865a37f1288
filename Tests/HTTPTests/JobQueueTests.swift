#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Testing
@testable import HTTP
import Locking

/// The job queue the main thread (reloads) and the compaction threads run.
@Suite struct JobQueueTests {
    @Test func jobsRunInOrderOnTheRunningThreadUntilFinish() {
        let queue = JobQueue()
        let order = Locked<[Int]>([])
        let runner = Locked<pthread_t?>(nil)
        let ranOn = Locked<[pthread_t]>([])
        let ended = DispatchSemaphore(value: 0)
        // Submitted before the runner starts and while it runs: all run, in order, on its thread.
        for number in 0..<3 { queue.submit { order.withLock { $0.append(number) } } }
        try? LoopThread.spawn(name: "jobqueue-test") {
            runner.withLock { $0 = pthread_self() }
            queue.runUntilFinished()
            ended.signal()
        }
        for number in 3..<50 {
            queue.submit {
                order.withLock { $0.append(number) }
                ranOn.withLock { $0.append(pthread_self()) }
            }
        }
        queue.finish()
        queue.submit { order.withLock { $0.append(-1) } }  // after finish: never run
        #expect(ended.wait(timeout: .now() + 10) == .success)
        #expect(order.withLock { $0 } == Array(0..<50))
        let threads = ranOn.withLock { $0 }
        #expect(threads.count == 47 && threads.allSatisfy { $0 == runner.withLock { $0 } })
    }
}

