import COpenSSL

/// SHA-256 through OpenSSL's low-level functions (no EVP provider; see `accord_sha256_begin`).
public enum SHA256 {
    /// The digest of `bytes`; a contiguous collection is hashed in place, without a copy.
    public static func digest<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        withHasher { add in
            if bytes.withContiguousStorageIfAvailable({ add(UnsafeRawBufferPointer($0)) }) == nil {
                Array(bytes).withUnsafeBytes { add($0) }
            }
        }
    }

    /// Incremental hashing of several inputs (the dataset version hashes every seed file).
    public static func digest(parts: [[UInt8]]) -> [UInt8] {
        withHasher { add in
            for part in parts { part.withUnsafeBytes { add($0) } }
        }
    }

    /// Runs `body` with a function that adds bytes to one hash state, then returns the digest.
    static func withHasher(_ body: ((UnsafeRawBufferPointer) -> Void) -> Void) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: 32)
        // The C state on the stack, aligned for its `unsigned int` words.
        withUnsafeTemporaryAllocation(byteCount: accord_sha256_state_size(), alignment: 16) { stateBytes in
            guard let context = stateBytes.baseAddress else { return }
            accord_sha256_begin(context)
            body { bytes in
                guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
                accord_sha256_add(context, base, bytes.count)
            }
            output.withUnsafeMutableBufferPointer { accord_sha256_end(context, $0.baseAddress) }
        }
        return output
    }

    public static func hex(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(digest.count * 2)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
