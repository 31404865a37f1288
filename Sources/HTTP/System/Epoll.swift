#if canImport(Glibc)
import Glibc
import CSystem
#endif

/// An epoll instance plus an eventfd used to wake it from other threads.
/// Owned by one event loop; only `wake()` may be called from other threads.
struct Epoll {
    let fd: Int32
    let wakeFD: Int32

    static let readable = UInt32(EPOLLIN.rawValue) | UInt32(EPOLLRDHUP.rawValue)
    static let writable = UInt32(EPOLLOUT.rawValue)
    static let hangup = UInt32(EPOLLHUP.rawValue) | UInt32(EPOLLERR.rawValue) | UInt32(EPOLLRDHUP.rawValue)

    init() throws(SystemError) {
        fd = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard fd >= 0 else { throw SystemError(call: "epoll_create1") }
        wakeFD = eventfd(0, Int32(EFD_NONBLOCK) | Int32(EFD_CLOEXEC))
        guard wakeFD >= 0 else { throw SystemError(call: "eventfd") }
        try add(wakeFD, events: UInt32(EPOLLIN.rawValue))
    }

    func add(_ target: Int32, events: UInt32) throws(SystemError) {
        try control(EPOLL_CTL_ADD, target, events)
    }

    func modify(_ target: Int32, events: UInt32) throws(SystemError) {
        try control(EPOLL_CTL_MOD, target, events)
    }

    func remove(_ target: Int32) {
        var event = epoll_event()
        _ = epoll_ctl(fd, EPOLL_CTL_DEL, target, &event)
    }

    private func control(_ operation: Int32, _ target: Int32, _ events: UInt32) throws(SystemError) {
        var event = epoll_event()
        event.events = events
        event.data.fd = target
        guard epoll_ctl(fd, operation, target, &event) == 0 else { throw SystemError(call: "epoll_ctl") }
    }

    /// Waits up to `timeoutMilliseconds`; EINTR counts as zero events.
    func wait(_ events: UnsafeMutablePointer<epoll_event>, capacity: Int32, timeoutMilliseconds: Int32) -> Int {
        let count = epoll_wait(fd, events, capacity, timeoutMilliseconds)
        if count < 0 {
            Syscall.check("epoll_wait")
            return 0
        }
        return Int(count)
    }

    func wake() {
        var one: UInt64 = 1
        _ = Glibc.write(wakeFD, &one, 8)
    }

    func drainWake() {
        var value: UInt64 = 0
        _ = Glibc.read(wakeFD, &value, 8)
    }

    func close() {
        Syscall.close(wakeFD)
        Syscall.close(fd)
    }
}
