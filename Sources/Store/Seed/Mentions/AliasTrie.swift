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

    /// The longest alias starting at token `start`: its target and the index
    /// one past its last token.
    func longestMatch(in tokens: [String], from start: Int) -> (target: Target, end: Int)? {
        var node = 0
        var best: (target: Target, end: Int)?
        var index = start
        while index < tokens.count, let next = child(of: node, tokens[index]) {
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

    private func child(of node: Int, _ token: String) -> Int? {
        frozen.count == children.count ? frozen[node][token] : children[node][token]
    }
}
