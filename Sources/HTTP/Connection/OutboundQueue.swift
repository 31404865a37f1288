#if canImport(Glibc)
import Glibc
import CSystem
#endif

/// Response bytes accepted for a connection but not yet taken by the kernel.
///
/// Byte chunks keep their arrays (copy-on-write, so a cached body is shared, not copied) and
/// an offset; file chunks keep their ``SharedBody`` (so its memory file stays open) and the
/// range still to send. Owned by one connection on its loop's thread.
struct OutboundQueue {
    enum Chunk {
        case bytes([UInt8], offset: Int)
        case file(SharedBody, descriptor: Int32, offset: Int, end: Int)

        var remaining: Int {
            switch self {
            case .bytes(let bytes, let offset): bytes.count - offset
            case .file(_, _, let offset, let end): end - offset
            }
        }

        func advanced(by count: Int) -> Chunk {
            switch self {
            case .bytes(let bytes, let offset): .bytes(bytes, offset: offset + count)
            case .file(let body, let descriptor, let offset, let end): .file(body, descriptor: descriptor, offset: offset + count, end: end)
            }
        }

        var isFile: Bool {
            if case .file = self { return true }
            return false
        }
    }

    private(set) var chunks: [Chunk] = []
    private(set) var pendingBytes = 0

    var isEmpty: Bool { chunks.isEmpty }

    mutating func append(_ bytes: [UInt8], from offset: Int = 0) {
        guard offset < bytes.count else { return }
        append(.bytes(bytes, offset: offset))
    }

    /// `body`'s memory file from `offset` to its end.
    mutating func append(_ body: SharedBody, descriptor: Int32, from offset: Int = 0) {
        guard offset < body.bytes.count else { return }
        append(.file(body, descriptor: descriptor, offset: offset, end: body.bytes.count))
    }

    private mutating func append(_ chunk: Chunk) {
        chunks.append(chunk)
        pendingBytes += chunk.remaining
    }

    /// Writes as much as the socket takes. Returns true when the queue is empty.
    mutating func flush(_ transport: inout Transport) throws(SystemError) -> Bool {
        while let first = chunks.first {
            let result: IOResult
            if case .file(_, let descriptor, let offset, let end) = first {
                result = try transport.sendFile(descriptor, offset: offset, count: end - offset)
            } else {
                var batch = 1
                while batch < min(chunks.count, 16) && !chunks[batch].isFile { batch += 1 }
                // A file follows: let the kernel hold the head for the file's first segment.
                let more = batch < chunks.count
                var vectors = [iovec](repeating: iovec(), count: batch)
                result = try withIOVectors(batch, &vectors) { (pointer: UnsafePointer<iovec>) throws(SystemError) -> IOResult in
                    try transport.send(pointer, count: Int32(batch), more: more)
                }
            }
            guard case .processed(let written) = result, written > 0 else { return false }
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
            guard case .bytes(let bytes, let offset) = chunks[index] else { continue }
            bytes.withUnsafeBytes { raw in
                vectors[index].iov_base = UnsafeMutableRawPointer(mutating: raw.baseAddress! + offset)
                vectors[index].iov_len = raw.count - offset
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
            let available = chunks[drained].remaining
            if remaining >= available {
                remaining -= available
                drained += 1
            } else {
                chunks[drained] = chunks[drained].advanced(by: remaining)
                remaining = 0
            }
        }
        chunks.removeFirst(drained)
    }
}
