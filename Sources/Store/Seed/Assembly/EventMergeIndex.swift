/// The events an extracted group could report, found without scanning every event that shares
/// an entity with it (a hub entity such as Ukraine is in most events, which made the merge
/// quadratic at scale).
///
/// ``EventExtractor/reports(_:known:in:)`` needs a shared participant or the same location, a
/// compatible kind, and, when both are dated, overlapping periods; when either is undated, a
/// shared entity that is not a country. So events are indexed by
/// entity and kind class, and dated ones also by where their start period begins, in buckets
/// as wide as the longest period of their precision: a dated group looks only in the buckets
/// its period can overlap. ``candidates(for:)`` is a superset of the events that report the
/// group, in `events` order, so the first that reports it is the one a full scan would find.
struct EventMergeIndex {
    private struct Key: Hashable {
        let entity: String
        let kindClass: String
    }

    private struct Bucket: Hashable {
        let key: Key
        let width: Int
        let number: Int
    }

    /// Every event by entity and kind class (an undated group may report any of them).
    private var all: [Key: [Int]] = [:]
    /// Undated events by entity and kind class (a dated group may report them too).
    private var undated: [Key: [Int]] = [:]
    /// Dated events by entity, kind class, precision width and start bucket.
    private var dated: [Bucket: [Int]] = [:]

    /// Dated known events by their people's countries, kind class, width and start bucket.
    private var datedByCountry: [Bucket: [Int]] = [:]

    /// The widths of the start periods of each precision, in days: day and week, month, year.
    private static let widths = [7, 31, 366]

    mutating func add(_ event: Event, at position: Int) {
        let kindClass = Self.kindClass(event.kind)
        var entities = event.participants.map(\.entity)
        if let location = event.location { entities.append(location) }
        for entity in Set(entities) {
            let key = Key(entity: entity, kindClass: kindClass)
            all[key, default: []].append(position)
            if let start = event.start {
                let width = Self.width(start)
                dated[Bucket(key: key, width: width, number: Self.floorDivide(start.date.dayNumber, width)), default: []].append(position)
            } else {
                undated[key, default: []].append(position)
            }
        }
    }

    /// Indexes a dated event by the countries of its people: ``EventExtractor`` matches a dated
    /// group naming one of them to it when the dates agree.
    mutating func addCountries(_ countries: Set<String>, of event: Event, at position: Int) {
        guard let start = event.start else { return }
        let kindClass = Self.kindClass(event.kind)
        let width = Self.width(start)
        for country in countries {
            let key = Key(entity: country, kindClass: kindClass)
            datedByCountry[Bucket(key: key, width: width, number: Self.floorDivide(start.date.dayNumber, width)), default: []].append(position)
        }
    }

    /// Positions of every event that could report `group`, ascending and without repeats.
    ///
    /// Where either side is undated, the rule takes a shared place that is not a country or a
    /// shared participant that is not one (``EventExtractor/undatedSame(shared:sharesNonCountry:sameLocation:locationIsCountry:)``),
    /// so those events are looked up by the group's other entities only: a country named in most
    /// reports (Ukraine) no longer brings every undated gathering to each undated group.
    func candidates(for group: EventExtractor.Group) -> [Int] {
        let kindClass = Self.kindClass(group.kind)
        var keys: [(key: Key, strong: Bool)] = group.participants.map {
            (Key(entity: $0, kindClass: kindClass), !group.countries.contains($0))
        }
        if let location = group.location { keys.append((Key(entity: location, kindClass: kindClass), !group.locationIsCountry)) }
        var positions: [Int] = []
        /// Dated events in `table` under `key` whose period can overlap the group's date.
        func overlapping(_ table: [Bucket: [Int]], _ key: Key, _ date: DatePoint) {
            // An attack matches a start a day after its own too (``EventExtractor/datesAgree(_:_:kind:)``).
            let first = date.date.dayNumber, last = date.lastDayNumber + (group.kind == .attack ? 1 : 0)
            for width in Self.widths {
                // An event starting at s with a period of at most `width` days overlaps
                // [first, last] only if first - width < s <= last.
                let low = Self.floorDivide(first - width + 1, width), high = Self.floorDivide(last, width)
                guard low <= high else { continue }
                for number in low...high {
                    positions += table[Bucket(key: key, width: width, number: number)] ?? []
                }
            }
        }
        for (key, strong) in keys {
            guard let date = group.date else {
                if strong { positions += all[key] ?? [] }
                continue
            }
            if strong { positions += undated[key] ?? [] }
            overlapping(dated, key, date)
        }
        // Dated, a country for a person or the reverse: the group's countries among the known
        // events' people's, and its people's countries among their participants.
        if let date = group.date {
            for country in group.countries { overlapping(datedByCountry, Key(entity: country, kindClass: kindClass), date) }
            for country in group.affiliatedCountries { overlapping(dated, Key(entity: country, kindClass: kindClass), date) }
        }
        positions.sort()
        var unique: [Int] = []
        unique.reserveCapacity(positions.count)
        for position in positions where unique.last != position { unique.append(position) }
        return unique
    }

    /// Kinds ``EventExtractor/compatible(_:_:)`` treats as one: the gatherings, and each other kind alone.
    private static func kindClass(_ kind: Event.Kind) -> String {
        EventExtractor.compatible(kind, .summit) ? "gathering" : kind.rawValue
    }

    private static func width(_ start: DatePoint) -> Int {
        switch start.precision {
        case .day, .week: 7
        case .month: 31
        case .year: 366
        }
    }

    private static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }
}
