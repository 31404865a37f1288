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

    /// What a paragraph is: a heading, a photo caption, or running text.
    static func kind(_ scalars: [Unicode.Scalar]) -> Paragraph.Kind {
        if isHeading(scalars) { return .heading }
        return isCaption(scalars) ? .caption : .body
    }

    /// A photo's caption, told by what only captions carry: a position marker after a name
    /// ("Mark Rutte (L) and …"), a credit after the last sentence ("… a second one. (Reuters:
    /// Kevin Lamarque)", "… in Berlin. Photo: Office of the President"), or the label itself
    /// ("Photo caption: …"). At most 80 words: a caption is short.
    static func isCaption(_ scalars: [Unicode.Scalar]) -> Bool {
        // Cheap shapes first: every marker, credit and label has a parenthesis or a colon, which
        // most paragraphs lack; the text is built only then.
        let hasParenthesis = scalars.contains("(")
        guard hasParenthesis || scalars.contains(":"), wordCount(scalars) <= 80 else { return false }
        let text = String(String.UnicodeScalarView(scalars))
        if text.hasPrefix("Photo caption:") || text.hasPrefix("(Photo caption:") { return true }
        guard hasParenthesis || creditLabels.contains(where: { text.contains($0) }) else { return false }
        if hasParenthesis, positionMarkers.contains(where: { text.contains($0) }) { return true }
        // "… a second one. (Reuters: Kevin Lamarque)", "… July 23, 2025. (AA Photo)".
        if scalars.last == ")", let open = scalars.lastIndex(of: "(") {
            let inner = String(String.UnicodeScalarView(scalars[(open + 1)..<(scalars.count - 1)]))
            var before = open
            while before > 0, scalars[before - 1] == " " { before -= 1 }
            let afterSentence = before > 0 && [".", "!", "?", "\u{201D}", "\""].contains(scalars[before - 1])
            let credit = inner.contains(":") || ["Photo", "photo", "Images", "Pool", "pool"].contains { inner.contains($0) }
            if afterSentence, credit, inner.unicodeScalars.count <= 60, !inner.contains("(") { return true }
        }
        // "… in Berlin. Photo: Office of the President of Ukraine", "… on Monday. Image: Lehtikuva".
        for label in creditLabels {
            guard let range = text.ranges(of: label).last else { continue }
            let credit = text[range.upperBound...]
            if credit.unicodeScalars.count <= 80 && !credit.contains(".") { return true }
        }
        return false
    }

    /// A photo's credit after the caption's last sentence.
    static let creditLabels = [". Photo: ", ". Image: ", ". Picture: ", ". Photograph: ", ". Pic: ", ". Credit: "]

    /// Where a person stands in a photo: "(L)", "(2nd R)", "(centre)".
    static let positionMarkers = ["(L)", "(R)", "(C)", "(L-R)", "(2nd L)", "(2nd R)", "(left)", "(right)", "(centre)", "(center)"]

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
