/// The words the entity patterns read, as data: titles that introduce a person, words that
/// make a capitalised phrase an organisation's name, and capitalised words that are never a
/// name. Lowercased; multi-word titles as space-separated phrases.
enum EntityPatternLexicon {
    static let titles: Set<String> = [
        "president", "vice president", "prime minister", "deputy prime minister", "chancellor", "minister",
        "foreign minister", "defence minister", "defense minister", "finance minister", "interior minister",
        "deputy foreign minister", "secretary", "secretary of state", "defense secretary", "defence secretary",
        "press secretary", "secretary general", "secretary - general", "spokeswoman", "spokesman", "spokesperson",
        "aide", "foreign policy aide", "adviser", "advisor", "national security adviser", "national security advisor",
        "envoy", "special envoy", "ambassador", "general", "gen", "lieutenant general", "commander", "commander - in - chief",
        "chief of staff", "head", "chief", "leader", "senator", "sen", "rep", "representative", "congressman",
        "congresswoman", "governor", "gov", "mayor", "king", "queen", "pope", "chairman", "chairwoman", "chair",
        "director", "deputy", "speaker", "lawmaker", "mp", "negotiator", "diplomat", "official", "premier",
        "foreign ministry spokeswoman", "foreign ministry spokesman", "kremlin spokesman", "kremlin spokeswoman",
        "kremlin aide", "presidential aide", "first lady", "high representative", "commissioner", "ombudsman",
        "correspondent", "journalist", "host", "anchor", "analyst", "economist", "professor", "dr", "mr", "mrs", "ms",
        "sir", "dame", "lord", "baroness",
    ]

    /// Honorifics between a title and a name ("Prime Minister Sir Keir Starmer"), never part of the name.
    static let honorifics: WordTable<Void> = ["sir", "dame", "lord", "lady", "baroness", "baron", "mr", "mrs", "ms", "dr", "madame", "monsieur"]
    /// The first word of every title: a word that starts none is passed over before any phrase
    /// is built (the finder looks at every word of every article).
    static let titleFirstWords = WordTable(words: titles.map { title in
        title.split(separator: " ").first.map(String.init) ?? title
    })

    static let organisationWords: WordTable<Void> = [
        "coalition", "forum", "foundation", "office", "council", "ministry", "agency", "organisation", "organization",
        "union", "committee", "assembly", "parliament", "bank", "fund", "institute", "commission", "court", "service",
        "party", "army", "forces", "alliance", "group", "department", "administration", "bureau", "guard", "navy",
        "cabinet", "secretariat", "initiative", "programme", "program", "network", "centre", "center", "university",
        "company", "corporation", "duma", "rada", "senate", "congress", "authority", "directorate", "staff",
    ]

    /// Capitalised words that start sentences or name things other than people.
    static let notNames: WordTable<Void> = [
        "the", "a", "an", "on", "in", "at", "of", "and", "but", "said", "says", "told", "who", "whose", "that", "this",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "office", "peace", "ukraine", "russia", "ukrainian", "russian", "european", "american", "british", "french",
        "german", "kremlin", "white", "house", "state", "department", "ministry", "minister", "president", "foreign",
    ]
}
