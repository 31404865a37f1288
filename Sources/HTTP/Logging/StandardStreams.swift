#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// stdout (access log) and stderr (diagnostics) as non-blocking outputs.
///
/// A server must not stop because nobody reads its logs (`accord serve | sleep 60`, a full
/// pipe, a stuck collector): with ``makeNonBlocking()`` a write that the pipe cannot take is
/// dropped and counted here, never waited for on a loop, in a signal handler or at shutdown.
/// A line cut short is ended with a newline by the next write, so later lines stay whole.
public enum StandardStreams {
    public enum Stream: Int, Sendable, CaseIterable {
        case access = 1
        case diagnostics = 2

        public var label: String { self == .access ? "access" : "diagnostics" }
        var fd: Int32 { Int32(rawValue) }
    }

    final class Counters: Sendable {
        let droppedLines = Atomic<Int>(0)
        /// A write stopped inside a line: the next one starts with "\n".
        let cutShort = Atomic<Bool>(false)
    }

    static let counters = [Counters(), Counters()]

    /// Makes stdout and stderr non-blocking where a reader can stall them (pipes and FIFOs:
    /// `| sleep 60`, a container's log FIFO). The flag is set on a fresh open file description
    /// (`/proc/self/fd/N` reopened and put in place with `dup2`), never on the inherited one,
    /// which the parent shell and its other children share: setting O_NONBLOCK there would make
    /// their writes fail with EAGAIN. Regular files and terminals are left as they are.
    public static func makeNonBlocking() {
        for stream in Stream.allCases {
            var status = stat()
            guard fstat(stream.fd, &status) == 0, status.st_mode & S_IFMT == S_IFIFO else { continue }
            let fresh = open("/proc/self/fd/\(stream.fd)", O_WRONLY | O_NONBLOCK | O_CLOEXEC)
            guard fresh >= 0 else { continue }
            _ = dup2(fresh, stream.fd)
            _ = close(fresh)
        }
    }

    /// Lines dropped on `stream` because its reader did not keep up.
    public static func dropped(_ stream: Stream) -> Int {
        counters[stream.rawValue - 1].droppedLines.load(ordering: .relaxed)
    }

    /// Writes whole lines (`bytes` ends with "\n") as far as the stream takes them now,
    /// waiting at most `patienceMilliseconds` for room; counts what is left as dropped.
    @discardableResult
    public static func write(_ bytes: [UInt8], to stream: Stream, lines: Int = 1, patienceMilliseconds: Int32 = 0) -> Bool {
        let counter = counters[stream.rawValue - 1]
        if counter.cutShort.load(ordering: .relaxed) {
            guard writeSome([0x0A], to: stream.fd, patience: 0) == 1 else {
                counter.droppedLines.add(lines, ordering: .relaxed)
                return false
            }
            counter.cutShort.store(false, ordering: .relaxed)
        }
        let written = writeSome(bytes, to: stream.fd, patience: patienceMilliseconds)
        guard written < bytes.count else { return true }
        // Count the lines that did not go out whole.
        let lost = lines == 1 ? 1 : bytes[written...].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        counter.droppedLines.add(max(1, lost), ordering: .relaxed)
        if written > 0 && bytes[written - 1] != 0x0A { counter.cutShort.store(true, ordering: .relaxed) }
        return false
    }

    /// Writes until done, EAGAIN outlasts `patience` (ms), or an error; returns bytes written.
    static func writeSome(_ bytes: [UInt8], to fd: Int32, patience: Int32) -> Int {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            var waited = false
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = Glibc.write(fd, base + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                    continue
                }
                if written < 0 && errno == EINTR { continue }
                if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && patience > 0 && !waited {
                    waited = true
                    var poller = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                    if poll(&poller, 1, patience) > 0 { continue }
                }
                break
            }
            return offset
        }
    }
}
