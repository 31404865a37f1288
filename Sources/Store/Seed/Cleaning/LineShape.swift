/// Shape tests on a single trimmed line shared by the cleaning rules.
enum LineShape {
    /// Characters that end a sentence or clause; a heading ends with none of them.
    static let terminalPunctuation: Set<Unicode.Scalar> = [
        ".", "!", "?", "\u{2026}", ":", ";", ",", "\"", "'", "\u{201D}", "\u{2019}", ")", "]",
    ]

    static func wordCount(_ scalars: [Unicode.Scalar]) -> Int {
        var count = 0
        var inWord = false
        for scalar in scalars {
            if SourceLine.isTrimmable(scalar) {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }

    /// A section subhead: short, starts with a capital or digit, contains a
    /// letter, and has no terminal punctuation (e.g. `TRUMP UPS PRESSURE`).
    static func isHeading(_ scalars: [Unicode.Scalar]) -> Bool {
        guard scalars.count <= 80, let first = scalars.first, let last = scalars.last,
              !terminalPunctuation.contains(last), wordCount(scalars) <= 12 else { return false }
        guard first.properties.isUppercase || first.properties.numericType != nil else { return false }
        return scalars.contains { $0.properties.isAlphabetic } && !isTimestamp(scalars)
    }

    /// Every cased letter is uppercase and there are at least two letters.
    static func isAllCapitals(_ scalars: some Sequence<Unicode.Scalar>) -> Bool {
        var letters = 0
        for scalar in scalars where scalar.properties.isAlphabetic {
            if scalar.properties.isLowercase { return false }
            letters += 1
        }
        return letters >= 2
    }

    /// `08:42`, `8:42 pm`, `2025-08-18`, `18.08.2025`, `5 hours ago`.
    static func isTimestamp(_ scalars: [Unicode.Scalar]) -> Bool {
        guard scalars.count <= 24 else { return false }
        let text = String(String.UnicodeScalarView(scalars)).lowercased()
        let shape = String(text.map { $0.isNumber ? "9" : $0 })
        let clocks = ["9:99", "99:99"]
        for clock in clocks {
            if shape == clock || shape == clock + " am" || shape == clock + " pm" || shape == clock + "am" || shape == clock + "pm" {
                return true
            }
        }
        if ["9999-99-99", "99.99.9999", "99/99/9999", "9.9.9999", "9/9/9999"].contains(shape) { return true }
        let words = text.split(separator: " ")
        if words.count == 3, words[2] == "ago", words[0].allSatisfy(\.isNumber) {
            let units: Set<Substring> = ["sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes",
                                         "hour", "hours", "hr", "hrs", "day", "days", "week", "weeks"]
            return units.contains(words[1])
        }
        return false
    }
}
