#if canImport(Glibc)
import Glibc
import CSystem
#endif

/// Response bytes accepted for a connection but not yet taken by the kernel.
///
/// Chunks keep their arrays (copy-on-write, so a cached body is shared, not copied) and an
/// offset. Owned by one connection on its loop's thread.
struct OutboundQueue {
    private(set) var chunks: [(bytes: [UInt8], offset: Int)] = []
    private(set) var pendingBytes = 0

    var isEmpty: Bool { chunks.isEmpty }

    mutating func append(_ bytes: [UInt8], from offset: Int = 0) {
        guard offset < bytes.count else { return }
        chunks.append((bytes, offset))
        pendingBytes += bytes.count - offset
    }

    /// Writes as much as the socket takes. Returns true when the queue is empty.
    mutating func flush(_ transport: inout Transport) throws(SystemError) -> Bool {
        while !chunks.isEmpty {
            let batch = min(chunks.count, 16)
            var vectors = [iovec](repeating: iovec(), count: batch)
            let result: IOResult = try withIOVectors(batch, &vectors) { (pointer: UnsafePointer<iovec>) throws(SystemError) -> IOResult in
                try transport.send(pointer, count: Int32(batch))
            }
            guard case .processed(let written) = result else { return false }
            consume(written)
        }
        chunks = []
        return true
    }

    private func withIOVectors<R>(
        _ batch: Int, _ vectors: inout [iovec],
        _ body: (UnsafePointer<iovec>) throws(SystemError) -> R
    ) throws(SystemError) -> R {
        // The arrays stay alive in `chunks` for the duration of the call, so their storage
        // pointers are valid while the kernel copies from them.
        for index in 0..<batch {
            let chunk = chunks[index]
            chunk.bytes.withUnsafeBytes { raw in
                vectors[index].iov_base = UnsafeMutableRawPointer(mutating: raw.baseAddress! + chunk.offset)
                vectors[index].iov_len = raw.count - chunk.offset
            }
        }
        return try vectors.withUnsafeBufferPointer { (buffer) throws(SystemError) -> R in
            try body(buffer.baseAddress!)
        }
    }

    private mutating func consume(_ written: Int) {
        var remaining = written
        pendingBytes -= written
        var drained = 0
        while remaining > 0 && drained < chunks.count {
            let available = chunks[drained].bytes.count - chunks[drained].offset
            if remaining >= available {
                remaining -= available
                drained += 1
            } else {
                chunks[drained].offset += remaining
                remaining = 0
            }
        }
        chunks.removeFirst(drained)
    }
}
