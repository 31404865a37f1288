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
/// If more than `maxQueuedBytes` are waiting, new batches are dropped and counted.
public final class AccessLog: Sendable {
    let fd: Int32
    let queue = DispatchQueue(label: "accord.access-log")
    let queuedBytes = Atomic<Int>(0)
    let droppedLines = Atomic<Int>(0)
    let maxQueuedBytes: Int

    public init(fd: Int32 = STDOUT_FILENO, maxQueuedBytes: Int = 8 * 1024 * 1024) {
        self.fd = fd
        self.maxQueuedBytes = maxQueuedBytes
    }

    /// Lines dropped because the output could not keep up.
    public var dropped: Int { droppedLines.load(ordering: .relaxed) }

    func submit(_ batch: [UInt8], lines: Int) {
        guard !batch.isEmpty else { return }
        let queued = queuedBytes.add(batch.count, ordering: .relaxed).newValue
        if queued > maxQueuedBytes {
            queuedBytes.subtract(batch.count, ordering: .relaxed)
            droppedLines.add(lines, ordering: .relaxed)
            return
        }
        queue.async { [self] in
            writeAll(batch)
            queuedBytes.subtract(batch.count, ordering: .relaxed)
        }
    }

    /// Blocks until every submitted batch is written (shutdown, tests).
    public func flush() {
        queue.sync {}
    }

    private func writeAll(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = write(fd, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    return
                }
                offset += written
            }
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
