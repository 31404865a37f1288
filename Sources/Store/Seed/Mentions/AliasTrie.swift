/// A trie over token sequences mapping each alias to the entity it names.
///
/// Nodes live in one array; children are keyed by token text. The first
/// insertion of a token sequence wins; later ones report the holder. Lookup
/// is leftmost-longest from a token position, in O(longest alias).
struct AliasTrie: Sendable {
    struct Target: Sendable, Hashable {
        let entity: String
        /// The alias as written in the catalog.
        let alias: String
    }

    private var children: [[String: Int]] = [[:]]
    private var targets: [Int: Target] = [:]
    /// `children` as word tables once ``freeze()`` is called (a lookup per token of every
    /// paragraph at load); stale, and not read, if a later insert adds a node.
    private var frozen: [WordTable<Int>] = []

    /// Inserts `tokens`; returns the existing target when the sequence is taken.
    @discardableResult
    mutating func insert(_ tokens: [String], target: Target) -> Target? {
        var node = 0
        for token in tokens {
            if let next = children[node][token] {
                node = next
            } else {
                children.append([:])
                children[node][token] = children.count - 1
                node = children.count - 1
            }
        }
        if let existing = targets[node] { return existing }
        targets[node] = target
        return nil
    }

    /// A paragraph's tokens as the tries look them up. An ASCII token is its bytes (uppercased
    /// for the capitals trie) and their ``FNV1a`` hash, with no `String` made; any other token is
    /// its ``UnicodeMatching`` key. Made once per paragraph; a token is read again by every match
    /// that reaches it.
    struct Keys {
        enum Key {
            case ascii(Range<Int>, hash: Int)
            case word(WordKey)
        }

        private(set) var keys: [Key] = []
        /// The ASCII tokens' bytes, one after another.
        private(set) var bytes: [UInt8] = []

        init(spans: [Range<Int>], in scalars: [Unicode.Scalar], uppercased: Bool) {
            keys.reserveCapacity(spans.count)
            // Tokens do not overlap: their ASCII bytes are at most the scalars.
            bytes.reserveCapacity(scalars.count)
            for span in spans {
                let start = bytes.count
                var ascii = true
                for position in span {
                    let scalar = scalars[position]
                    guard scalar.isASCII else {
                        ascii = false
                        break
                    }
                    let byte = UInt8(truncatingIfNeeded: scalar.value)
                    bytes.append(uppercased && byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte)
                }
                if ascii {
                    let (hash, _) = FNV1a.hash(bytes[start...])
                    keys.append(.ascii(start..<bytes.count, hash: Int(truncatingIfNeeded: hash)))
                } else {
                    bytes.removeSubrange(start...)
                    let key = UnicodeMatching.key(ShadowText.makeString(scalars[span]))
                    keys.append(.word(WordKey(uppercased ? key.uppercased() : key)))
                }
            }
        }

        var count: Int { keys.count }
    }

    /// The longest alias starting at token `start`: its target and the index
    /// one past its last token.
    func longestMatch(in tokens: Keys, from start: Int) -> (target: Target, end: Int)? {
        var node = 0
        var best: (target: Target, end: Int)?
        var index = start
        while index < tokens.count, let next = child(of: node, tokens.keys[index], bytes: tokens.bytes) {
            node = next
            index += 1
            if let target = targets[node] { best = (target, index) }
        }
        return best
    }

    /// Builds the word tables lookups read; call it when every alias is in.
    mutating func freeze() {
        frozen = children.map { WordTable($0) }
    }

    private func child(of node: Int, _ token: Keys.Key, bytes: [UInt8]) -> Int? {
        guard frozen.count == children.count else {
            switch token {
            case .ascii(let range, _): return children[node][String(decoding: bytes[range], as: UTF8.self)]
            case .word(let key): return children[node][key.word]
            }
        }
        switch token {
        case .ascii(let range, let hash): return frozen[node].value(asciiBytes: bytes[range], hash: hash)
        case .word(let key): return frozen[node][key]
        }
    }
}
