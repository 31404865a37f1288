#if canImport(Glibc)
import Glibc
import CSystem
#endif
import Dispatch
import Synchronization

/// Writes access-log lines (one JSON object per request) to a file descriptor, off the
/// event loops.
///
/// Each loop formats lines into its own ``AccessLogBuffer`` and hands full buffers here;
/// the writes happen on a serial Dispatch queue, so a slow stdout never stalls a loop.
/// If more than `maxQueuedBytes` are waiting, new batches are dropped and counted; a reader
/// that takes nothing for 100 ms loses the batch (counted), so shutdown never waits on it.
public final class AccessLog: Sendable {
    let written: AccessLogOutput
    let closing = Atomic<Bool>(false)
    let queue = DispatchQueue(label: "accord.access-log")
    let queuedBytes = Atomic<Int>(0)
    let droppedLines = Atomic<Int>(0)
    let maxQueuedBytes: Int

    public init(fd: Int32 = STDOUT_FILENO, maxQueuedBytes: Int = 8 * 1024 * 1024) {
        self.written = AccessLogOutput(fd: fd)
        self.maxQueuedBytes = maxQueuedBytes
    }

    /// Lines dropped because the output could not keep up (queue full, or the reader stuck).
    public var dropped: Int { droppedLines.load(ordering: .relaxed) + written.droppedLines }

    func submit(_ batch: [UInt8], lines: Int) {
        guard !batch.isEmpty else { return }
        let queued = queuedBytes.add(batch.count, ordering: .relaxed).newValue
        if queued > maxQueuedBytes {
            queuedBytes.subtract(batch.count, ordering: .relaxed)
            droppedLines.add(lines, ordering: .relaxed)
            return
        }
        queue.async { [self] in
            written.write(batch, lines: lines, patienceMilliseconds: closing.load(ordering: .relaxed) ? 0 : 100)
            queuedBytes.subtract(batch.count, ordering: .relaxed)
        }
    }

    /// Writes what is queued without waiting for a stuck reader (shutdown, tests).
    public func flush() {
        closing.store(true, ordering: .relaxed)
        queue.sync {}
        closing.store(false, ordering: .relaxed)
    }
}

/// Where access-log batches go: a non-blocking standard stream, or (tests) any descriptor.
final class AccessLogOutput: Sendable {
    let fd: Int32
    let droppedOnOther = Atomic<Int>(0)

    init(fd: Int32) { self.fd = fd }

    var droppedLines: Int {
        fd == STDOUT_FILENO ? StandardStreams.dropped(.access) : droppedOnOther.load(ordering: .relaxed)
    }

    func write(_ batch: [UInt8], lines: Int, patienceMilliseconds: Int32) {
        if fd == STDOUT_FILENO {
            StandardStreams.write(batch, to: .access, lines: lines, patienceMilliseconds: patienceMilliseconds)
        } else if StandardStreams.writeSome(batch, to: fd, patience: patienceMilliseconds) < batch.count {
            droppedOnOther.add(lines, ordering: .relaxed)
        }
    }
}

/// One loop's pending access-log lines. Not thread-safe: owned by its loop.
struct AccessLogBuffer {
    var bytes: [UInt8] = []
    var lines = 0

    /// Appends `{"time":…,"method":…,"target":…,"status":…,"bytes":…,"micros":…,"peer":…,"client":…,"requestId":…}`.
    mutating func append(
        time: String, method: String, target: String, status: Int, bodyBytes: Int,
        micros: UInt64, peer: String, client: String, requestID: String
    ) {
        if bytes.capacity == 0 { bytes.reserveCapacity(64 * 1024) }
        bytes.append(contentsOf: "{\"time\":\"".utf8)
        bytes.append(contentsOf: time.utf8)
        bytes.append(contentsOf: "\",\"method\":\"".utf8)
        bytes.append(contentsOf: method.utf8)
        bytes.append(contentsOf: "\",\"target\":\"".utf8)
        JSONString.escape(target, into: &bytes)
        bytes.append(contentsOf: "\",\"status\":".utf8)
        DecimalDigits.append(status, to: &bytes)
        bytes.append(contentsOf: ",\"bytes\":".utf8)
        DecimalDigits.append(bodyBytes, to: &bytes)
        bytes.append(contentsOf: ",\"micros\":".utf8)
        DecimalDigits.append(Int(clamping: micros), to: &bytes)
        bytes.append(contentsOf: ",\"peer\":\"".utf8)
        JSONString.escape(peer, into: &bytes)
        bytes.append(contentsOf: "\",\"client\":\"".utf8)
        JSONString.escape(client, into: &bytes)
        bytes.append(contentsOf: "\",\"requestId\":\"".utf8)
        JSONString.escape(requestID, into: &bytes)
        bytes.append(contentsOf: "\"}\n".utf8)
        lines += 1
    }

    mutating func take() -> (bytes: [UInt8], lines: Int) {
        defer {
            bytes = []
            lines = 0
        }
        return (bytes, lines)
    }
}

/// RFC 3339 UTC timestamps with milliseconds, formatting the date part once per second.
struct LogClock {
    private var second: time_t = -1
    private var prefix = ""

    mutating func now() -> String {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        if spec.tv_sec != second {
            second = spec.tv_sec
            var seconds = spec.tv_sec
            var parts = tm()
            gmtime_r(&seconds, &parts)
            func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
            prefix = "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
                + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))."
        }
        let millis = Int(spec.tv_nsec / 1_000_000)
        return prefix + String(millis).leftPadded(to: 3) + "Z"
    }
}
