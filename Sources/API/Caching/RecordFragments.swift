import HTTP
import Locking

/// The compact JSON of single records (an entity, an event, a proposal) as clients at one base
/// URL see them, kept for the life of a dataset: a list that misses the response cache copies
/// each record's bytes instead of building and serializing its JSON again.
///
/// Bounded two ways, since both the base URL (`Host`, forwarded headers) and the corpus come from
/// outside: at most ``maximumBases`` base URLs, and at most ``budgetBytes`` in all. Past either,
/// records are still served, just built every time.
final class RecordFragments: Sendable {
    static let maximumBases = 4
    static let budgetBytes = 64 << 20

    private struct Contents {
        var byBase: [String: [String: [UInt8]]] = [:]
        var bytes = 0
    }

    private let contents = Locked(Contents())

    /// The record's compact bytes as a ``JSON/raw(_:)`` value, built with `build` on first use.
    func json(base: String, key: String, build: () -> JSON) -> JSON {
        if let bytes = contents.withLock({ $0.byBase[base]?[key] }) { return .raw(bytes) }
        let bytes = build().serialized()
        contents.withLock { contents in
            guard contents.bytes + bytes.count <= Self.budgetBytes else { return }
            guard contents.byBase[base] != nil || contents.byBase.count < Self.maximumBases else { return }
            if contents.byBase[base, default: [:]].updateValue(bytes, forKey: key) == nil { contents.bytes += bytes.count }
        }
        return .raw(bytes)
    }

    /// Bytes held and base URLs held (for tests).
    var byteCount: Int { contents.withLock { $0.bytes } }
    var baseCount: Int { contents.withLock { $0.byBase.count } }
}
