/// A run's term numbers by the folded form of a token, before stemming (`calls` and `called`
/// both lead to the number of `call`): the index builder looks each token up here once, and
/// stems, makes a `String` of and numbers only the forms it has not met (a second table, by
/// stem, numbers the terms). The forms' bytes are
/// kept end to end in one array, hashed with ``FNV1a`` and found by open addressing; a `Dictionary`
/// of strings hashed every token twice (the stemmer's cache, then the term) with SipHash.
struct FoldedTermNumbers {
    /// Per slot: 1 + the entry's index, or 0 when empty.
    private var slots: [Int32]
    private var mask: Int
    /// Per entry: its hash, where its bytes start in `bytes`, its number.
    private var hashes: [UInt64] = []
    private var starts: [Int] = [0]
    private var numbers: [UInt32] = []
    private var bytes: [UInt8] = []

    init() {
        slots = [Int32](repeating: 0, count: 1024)
        mask = 1023
    }

    var count: Int { numbers.count }

    /// The number kept for `form`, or `make()`'s (then kept for it).
    mutating func number(for form: [UInt8], orMake make: () -> UInt32) -> UInt32 {
        let hash = FNV1a.hash(form).hash
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let entry = Int(slots[slot]) - 1
            if hashes[entry] == hash, holds(entry, form) {
                return numbers[entry]
            }
            slot = (slot + 1) & mask
        }
        let number = make()
        precondition(numbers.count < Int(Int32.max), "FoldedTermNumbers holds at most 2G forms")
        slots[slot] = Int32(numbers.count + 1)
        hashes.append(hash)
        numbers.append(number)
        bytes.append(contentsOf: form)
        starts.append(bytes.count)
        if numbers.count * 2 > slots.count { grow() }
        return number
    }

    /// Whether entry `entry`'s bytes are `form`'s.
    private func holds(_ entry: Int, _ form: [UInt8]) -> Bool {
        let start = starts[entry]
        guard starts[entry + 1] - start == form.count else { return false }
        for offset in form.indices where bytes[start + offset] != form[offset] { return false }
        return true
    }

    /// Twice the slots, every entry placed again by its kept hash.
    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for (entry, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry + 1)
        }
    }
}
