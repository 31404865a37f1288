/// The event enums compare and hash by case. A raw-value enum otherwise takes both from the
/// standard library's `RawRepresentable` defaults, which build and hash the raw-value string: two
/// string hashes per event a filter checks (`/events?kind=…&status=…`), 6% of a cache miss.
extension Event.Kind {
    var ordinal: Int {
        switch self {
        case .summit: 0
        case .bilateralMeeting: 1
        case .multilateralMeeting: 2
        case .talks: 3
        case .phoneCall: 4
        case .visit: 5
        case .unSession: 6
        case .deadline: 7
        case .attack: 8
        case .pressConference: 9
        case .other: 10
        }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.ordinal == rhs.ordinal }
    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }
}

extension Event.Status {
    var ordinal: Int {
        switch self {
        case .held: 0
        case .scheduled: 1
        case .proposed: 2
        case .rejected: 3
        case .cancelled: 4
        }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.ordinal == rhs.ordinal }
    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }
}

extension Provenance {
    var ordinal: Int {
        switch self {
        case .curated: 0
        case .extracted: 1
        }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.ordinal == rhs.ordinal }
    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }
}
