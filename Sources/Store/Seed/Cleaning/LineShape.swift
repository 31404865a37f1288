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
    /// ("Photo caption: …"). At most 80 words: a caption is short. Read on the scalars, at the
    /// parentheses and colons only (this runs on every paragraph at load).
    static func isCaption(_ scalars: [Unicode.Scalar]) -> Bool {
        func starts(with word: [Unicode.Scalar], at index: Int) -> Bool {
            index >= 0 && index + word.count <= scalars.count && scalars[index..<(index + word.count)].elementsEqual(word)
        }
        var found = starts(with: captionLabel, at: 0) || starts(with: captionLabel, at: 1) && scalars.first == "("
        for index in scalars.indices where !found {
            switch scalars[index] {
            case "(":
                // "(L)", "(2nd R)", "(centre)".
                found = positionMarkers.contains { starts(with: $0, at: index + 1) }
            case ":":
                // "… in Berlin. Photo: Office of the President", "… on Monday. Image: Lehtikuva":
                // a label after a sentence, and a credit without a sentence after it.
                guard index + 1 < scalars.count, scalars[index + 1] == " " else { continue }
                found = creditLabels.contains { label in
                    starts(with: label, at: index - label.count) && index - label.count >= 2
                        && scalars[index - label.count - 1] == " " && scalars[index - label.count - 2] == "."
                } && !scalars[(index + 1)...].contains(".") && scalars.count - index <= 80
            default:
                continue
            }
        }
        // "… a second one. (Reuters: Kevin Lamarque)", "… July 23, 2025. (AA Photo)".
        if !found, scalars.last == ")", let open = scalars.lastIndex(of: "("), scalars.count - open <= 62 {
            let inner = scalars[(open + 1)..<(scalars.count - 1)]
            var before = open
            while before > 0, scalars[before - 1] == " " { before -= 1 }
            let afterSentence = before > 0 && [".", "!", "?", "\u{201D}", "\""].contains(scalars[before - 1])
            let credit = inner.contains(":") || creditWords.contains { word in
                inner.indices.contains { starts(with: word, at: $0) }
            }
            found = afterSentence && credit
        }
        return found && wordCount(scalars) <= 80
    }

    private static func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }
    static let captionLabel = scalars("Photo caption:")
    /// A photo's credit after the caption's last sentence, before its colon.
    static let creditLabels = ["Photo", "Image", "Picture", "Photograph", "Pic", "Credit"].map(scalars)
    /// In a credit in parentheses: "(AA Photo)", "(Getty Images)", "(Pool via Reuters)".
    static let creditWords = ["Photo", "photo", "Images", "Pool", "pool"].map(scalars)
    /// Where a person stands in a photo: "(L)", "(2nd R)", "(centre)", after the parenthesis.
    static let positionMarkers = ["L)", "R)", "C)", "L-R)", "2nd L)", "2nd R)", "left)", "right)", "centre)", "center)"].map(scalars)

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
