/// A boolean query parameter's value: `true` or `false`, nothing else.
enum Flag: String, CaseIterable, Sendable {
    case yes = "true"
    case no = "false"

    init(_ value: Bool) { self = value ? .yes : .no }
}
