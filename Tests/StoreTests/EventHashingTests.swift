@testable import Store
import Testing

/// The event enums hash and compare by case (not through their raw-value strings): each case
/// has its own ordinal in declaration order, and equality and hashing agree with the raw values.
@Suite("Event enums hash by case")
struct EventHashingTests {
    @Test func ordinalsFollowTheCasesAndAgreeWithRawValues() {
        #expect(Event.Kind.allCases.map(\.ordinal) == Array(Event.Kind.allCases.indices))
        #expect(Event.Status.allCases.map(\.ordinal) == Array(Event.Status.allCases.indices))
        #expect(Provenance.allCases.map(\.ordinal) == Array(Provenance.allCases.indices))
        for a in Event.Kind.allCases {
            for b in Event.Kind.allCases {
                #expect((a == b) == (a.rawValue == b.rawValue))
                if a == b { #expect(a.hashValue == b.hashValue) }
            }
        }
        #expect(Set(Event.Kind.allCases).count == Event.Kind.allCases.count)
        #expect(Set(Event.Status.allCases).count == Event.Status.allCases.count)
        #expect(Set([Provenance.curated, .extracted, .curated]) == [.curated, .extracted])
        #expect(Set(["held", "cancelled"].compactMap(Event.Status.init(rawValue:))).contains(.cancelled))
    }
}
