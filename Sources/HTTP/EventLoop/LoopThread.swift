#if canImport(Glibc)
import Glibc
import CSystem
#endif

/// Starts a named POSIX thread running `body` (the engine avoids Foundation's Thread so the
/// server does not link Foundation and its ICU data). The event loops run on these, and so does
/// the API's dataset compaction.
public enum LoopThread {
    final class Box {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    public static func spawn(name: String, _ body: @escaping @Sendable () -> Void) throws(SystemError) {
        let box = Unmanaged.passRetained(Box(body))
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { argument in
            guard let argument else { return nil }
            let box = Unmanaged<LoopThread.Box>.fromOpaque(argument).takeRetainedValue()
            box.body()
            return nil
        }, box.toOpaque())
        guard status == 0 else {
            box.release()
            throw SystemError(call: "pthread_create", code: status)
        }
        // Linux limits thread names to 15 bytes.
        _ = accord_pthread_setname(thread, String(name.prefix(15)))
        pthread_detach(thread)
    }
}
