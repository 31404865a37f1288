import Store

/// Events as an RFC 7946 FeatureCollection: one Point feature per event whose location has
/// coordinates (longitude first), the event's JSON as properties; events without a located
/// place get `geometry: null`, which RFC 7946 §3.2 allows.
enum GeoJSONEncoder {
    static func encode(_ events: [Event], representation: Representation) -> JSON {
        let features: [JSON] = events.map { event in
            var geometry = JSON.null
            if let id = event.location, let coordinates = representation.knowledgeBase.entity(id: id)?.coordinates {
                geometry = .object([
                    ("type", .string("Point")),
                    ("coordinates", .array([.double(coordinates.longitude), .double(coordinates.latitude)])),
                ])
            }
            return .object([
                ("type", .string("Feature")), ("id", .string(event.id)),
                ("geometry", geometry), ("properties", representation.event(event)),
            ])
        }
        return .object([("type", .string("FeatureCollection")), ("features", .array(features))])
    }
}
