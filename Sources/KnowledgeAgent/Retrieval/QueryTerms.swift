/// The words of a query that search uses: letters and digits, lowercased, without the commonest English words.
public struct QueryTerms {
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

    /// Whether `query` names a code symbol: a camelCase, PascalCase or snake_case name (`isCodeName`), two names
    /// of two characters or more joined by a dot (`os.uptime`, not "e.g."), or a call's empty parentheses
    /// (`refresh()`).
    public static func namesCodeSymbol(_ query: String) -> Bool {
        let characters = Array(query)
        func isName(_ character: Character) -> Bool { character.isLetter || character.isNumber || character == "_" }
        func nameEnd(from start: Int) -> Int {
            var end = start
            while end < characters.count, isName(characters[end]) { end += 1 }
            return end
        }
        var index = 0
        while index < characters.count {
            guard isName(characters[index]) else {
                index += 1
                continue
            }
            let start = index
            index = nameEnd(from: start)
            if isCodeName(characters[start..<index]) { return true }
            guard index + 1 < characters.count else { break }
            let next = characters[index + 1]
            if characters[index] == ".", index - start >= 2, next.isLetter || next == "_",
                nameEnd(from: index + 1) - (index + 1) >= 2
            {
                return true
            }
            if characters[index] == "(", next == ")" { return true }
        }
        return false
    }

    /// Whether a name is written as code: an underscore inside (`max_length`, `__init__`), camelCase (a capital
    /// then a lowercase letter after a lowercase start: `setTimeout`, not `macOS`), or PascalCase with two inner
    /// capitals or more (`EventEmitterAsync`, not `JavaScript` or `GitHub`).
    static func isCodeName(_ name: ArraySlice<Character>) -> Bool {
        let letters = Array(name)
        if letters.count >= 3, letters.contains("_"), letters.contains(where: \.isLetter) { return true }
        var humps = 0
        var humpBeforeLowercase = false
        for index in letters.indices.dropFirst() where letters[index - 1].isLowercase && letters[index].isUppercase {
            humps += 1
            if index + 1 < letters.count, letters[index + 1].isLowercase { humpBeforeLowercase = true }
        }
        return letters.first?.isLowercase == true ? humpBeforeLowercase : humps >= 2
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
