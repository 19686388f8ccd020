/// The words of a query that search uses: letters and digits, lowercased, without the commonest English words.
struct QueryTerms {
    let terms: [String]

    init(_ query: String) {
        var terms: [String] = []
        var word = ""
        func flush() {
            if word.count >= 2, !Self.stopWords.contains(word), !terms.contains(word) { terms.append(word) }
            word = ""
        }
        for character in query.lowercased() {
            if character.isLetter || character.isNumber || character == "_" { word.append(character) } else { flush() }
        }
        flush()
        self.terms = terms
    }

    /// The FTS5 query: every term quoted (no operator syntax leaks through), any of them matching.
    var ftsQuery: String {
        terms.map { "\"\($0)\"" }.joined(separator: " OR ")
    }

    /// The share of the terms found in `text` (lowercased words), 0 to 1.
    func coverage(of text: String) -> Double {
        guard !terms.isEmpty else { return 0 }
        let words = QueryTerms.words(of: text)
        return Double(terms.filter { term in words.contains { $0.hasPrefix(term) || term.hasPrefix($0) && $0.count >= 4 } }.count)
            / Double(terms.count)
    }

    static func words(of text: String) -> Set<String> {
        Set(text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init))
    }

    static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "if", "then", "else", "of", "to", "in", "on", "at", "by", "for", "with",
        "from", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those",
        "do", "does", "did", "how", "what", "which", "who", "whom", "when", "where", "why", "can", "could", "should",
        "would", "will", "shall", "may", "might", "must", "i", "me", "my", "we", "our", "you", "your", "he", "she",
        "they", "them", "their", "there", "here", "so", "not", "no", "yes", "about", "into", "over", "under", "any",
        "all", "some", "such", "than", "too", "very", "just", "also", "only", "own", "same", "other", "up", "down",
        "out", "get", "use", "using", "used", "want", "need", "way", "there", "have", "has", "had",
    ]
}
