/// A point in decimal degrees (WGS 84): latitude -90...90, longitude -180...180.
public struct Coordinates: Sendable, Hashable {
    public let latitude: Double
    public let longitude: Double
}
