import Testing
@testable import Store

/// `/entities/resolve` on the shipped seeds: the analyst's names that used to be 404, and the
/// vague ones that must stay unresolved rather than guess.
@Suite struct NameResolutionTests {
    @Test(arguments: [
        ("Kelley", "john-kelley", EntityMatch.Source.partial),
        ("UN", "united-nations", .alias), ("U.N.", "united-nations", .alias), ("United Nations", "united-nations", .name),
        ("Security Council", "un-security-council", .partial),
        ("NATO chief", "mark-rutte", .role), ("Kremlin spokesperson", "dmitry-peskov", .role),
        ("President Trump", "donald-trump", .title), ("Chancellor Merz", "friedrich-merz", .title),
        ("US president", "donald-trump", .alias), ("U.S. President", "donald-trump", .alias),
        ("Russian President", "vladimir-putin", .role), ("French President", "emmanuel-macron", .role),
        ("Donetsk", "donetsk-oblast", .partial), ("Andrii Yermak", "andriy-yermak", .variant),
        ("Steven Witkoff", "steve-witkoff", .variant), ("Kiev", "kyiv", .alias),
    ] as [(String, String, EntityMatch.Source)])
    func namesResolve(_ name: String, _ id: String, _ source: EntityMatch.Source) throws {
        let match = try #require(EventExtractionTests.base.resolve(name: name), "\(name) did not resolve")
        #expect(match.entity.id == id, "\(name)")
        #expect(match.source == source, "\(name)")
    }

    /// Several entities fit, or none: no guess.
    @Test(arguments: ["President", "foreign minister", "Vladimir", "Council", "Germany's foreign minister", "xx"])
    func vagueNamesStayUnresolved(_ name: String) {
        #expect(EventExtractionTests.base.resolve(name: name) == nil, "\(name)")
    }
}
