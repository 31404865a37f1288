extension Event {
    /// The countries of the people among the participants (Putin → Russia): a report may name
    /// the country for the person. `entity` looks an id up in the dataset being built or served.
    func peopleCountries(_ entity: (String) -> Entity?) -> Set<String> {
        Set(participants.compactMap { participant in
            entity(participant.entity).flatMap { $0.kind == .country ? nil : $0.country }
        })
    }

    /// The country of the city or site the event is placed in (``Entity/venueCountry``): a report
    /// placed in another country is of another gathering.
    func locationCountry(_ entity: (String) -> Entity?) -> String? {
        location.flatMap(entity).flatMap(\.venueCountry)
    }
}
