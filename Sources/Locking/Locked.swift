#if canImport(Glibc)
import Glibc
#endif

/// A value guarded by a pthread mutex; every access goes through ``withLock(_:)``.
///
/// Used instead of `Synchronization.Mutex` because ThreadSanitizer understands pthread
/// mutexes but reports false races inside `Mutex.withLock`, and the TSan pass is part of CI.
public final class Locked<Value>: @unchecked Sendable {
    // @unchecked Sendable: `value` is only read or written while `mutex` is held.
    // `withLock` is inlinable, so it is specialised in the modules that call it (the engine's
    // request path, the copy's table), as it was while HTTP held it.
    @usableFromInline let mutex: UnsafeMutablePointer<pthread_mutex_t>
    @usableFromInline var value: Value

    public init(_ value: Value) {
        self.value = value
        mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    @inlinable
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
