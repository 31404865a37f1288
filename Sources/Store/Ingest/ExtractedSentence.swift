/// A fact the extraction rules read from one sentence: the sentence is its evidence.
public protocol ExtractedSentence {
    var article: String { get }
    var paragraph: Int { get }
    /// The sentence, verbatim from the cleaned text, and its offsets in the paragraph (code points).
    var quote: String { get }
    var start: Int { get }
    var end: Int { get }
}

extension ExtractedSentence {
    /// The sentence as evidence, marked extracted.
    public var evidence: Evidence {
        var evidence = Evidence(article: article, quote: quote, paragraph: paragraph, start: start, end: end)
        evidence.provenance = .extracted
        return evidence
    }
}

extension EventExtractor.Candidate: ExtractedSentence {}
extension StanceExtractor.Candidate: ExtractedSentence {}
