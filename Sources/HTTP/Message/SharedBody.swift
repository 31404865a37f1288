#if canImport(Glibc)
import Glibc
import CSystem
#endif
import Synchronization

/// A body served many times (a cached representation): its bytes, and from its second send a
/// sealed memory file with the same bytes, so a plain-HTTP connection can send it with
/// `sendfile(2)` instead of copying it from user memory into the socket on every response
/// (the copy was the largest single cost of a cached `/events`; nginx avoids it the same way).
///
/// A body sent once (a cache miss nobody repeats) never gets a file: the copy and four system
/// calls would cost more than they save. The file is made only for bodies of at least
/// ``minimumFileBytes`` and while fewer than
/// ``maximumFiles`` exist process-wide (each costs a descriptor); otherwise the bytes are
/// written as before. TLS connections always write the bytes. The file is closed when the
/// last holder (a cache entry or a partly sent response) lets go.
public final class SharedBody: Sendable {
    public let bytes: [UInt8]
    /// `untried`, `unavailable`, or the memory file's descriptor.
    private let state = Atomic<Int32>(SharedBody.untried)
    /// Sends asked for so far (the file is made from the second on).
    private let sends = Atomic<Int>(0)

    private static let untried: Int32 = -2
    private static let unavailable: Int32 = -1
    /// Below this, one `writev` of head and body costs less than `sendmsg` plus `sendfile`.
    public static let minimumFileBytes = 16 * 1024
    /// Memory files open at once, process-wide: an eighth of the open-file limit, at most 1,024,
    /// so they never take the descriptors connections need (a container may allow only 1,024).
    static let maximumFiles = max(16, min(1024, (Syscall.openFileLimit() ?? 0) / 8))
    static let openFiles = Atomic<Int>(0)

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Whether the body is large enough to get a memory file (a second copy of its bytes).
    public var mayHaveFile: Bool { bytes.count >= Self.minimumFileBytes }

    /// The memory file holding `bytes`, for a send: nil on the first call (the bytes are written),
    /// made on the second; nil when the body is too small, the process-wide cap is reached, or
    /// the kernel refuses (then the bytes are written).
    public var fileDescriptor: Int32? {
        let current = state.load(ordering: .acquiring)
        if current >= 0 { return current }
        if current == Self.unavailable || !mayHaveFile { return nil }
        guard sends.wrappingAdd(1, ordering: .relaxed).newValue >= 2 else { return nil }
        guard Self.openFiles.wrappingAdd(1, ordering: .relaxed).newValue <= Self.maximumFiles else {
            Self.openFiles.wrappingSubtract(1, ordering: .relaxed)
            return nil
        }
        let made = bytes.withUnsafeBytes { accord_sealed_memfd($0.baseAddress, $0.count) }
        if made < 0 { Self.openFiles.wrappingSubtract(1, ordering: .relaxed) }
        let proposed = made >= 0 ? made : Self.unavailable
        let (exchanged, winner) = state.compareExchange(
            expected: Self.untried, desired: proposed, ordering: .acquiringAndReleasing
        )
        if !exchanged, made >= 0 {
            // Another loop made one first: use theirs.
            Syscall.close(made)
            Self.openFiles.wrappingSubtract(1, ordering: .relaxed)
        }
        let descriptor = exchanged ? proposed : winner
        return descriptor >= 0 ? descriptor : nil
    }

    /// Whether the memory file exists (it is made by the second plain-HTTP send).
    var hasFile: Bool { state.load(ordering: .acquiring) >= 0 }

    deinit {
        let descriptor = state.load(ordering: .acquiring)
        if descriptor >= 0 {
            Syscall.close(descriptor)
            Self.openFiles.wrappingSubtract(1, ordering: .relaxed)
        }
    }
}
