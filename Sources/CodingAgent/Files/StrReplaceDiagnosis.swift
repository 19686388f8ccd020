import AgentCore

/// Messages for an `old_text` that matched zero or several times, quoting the file so the model
/// can retry with text that matches exactly once.
enum StrReplaceDiagnosis {
    /// Quotes where `old` nearly matches: the same lines ignoring indentation and trailing
    /// spaces when they exist, else the lines most like its first line.
    static func noMatch(for old: String, in text: String, path: String) -> String {
        let file = LineNumberedText(text)
        let wanted = LineNumberedText(old).lines.map(normalized)
        var message = "old_text was not found in \(path); it must match exactly, including whitespace and indentation."
        guard file.count > 0, let firstWanted = wanted.first(where: { !$0.isEmpty }) else {
            return message + (file.count == 0 ? " The file is empty." : "")
        }
        let normalizedFile = file.lines.map(normalized)
        if wanted.count <= normalizedFile.count {
            for start in 0...(normalizedFile.count - wanted.count)
            where Array(normalizedFile[start..<(start + wanted.count)]) == wanted {
                message +=
                    "\nIgnoring whitespace it matches lines \(start + 1)-\(start + wanted.count), which read exactly:\n"
                return message + file.numbered((start + 1)...(start + wanted.count))
            }
        }
        var best = 0
        var bestScore = -1.0
        for (index, line) in normalizedFile.enumerated() {
            let score = similarity(line, firstWanted)
            if score > bestScore {
                best = index
                bestScore = score
            }
        }
        let from = best + 1 - 2
        let to = best + 1 + max(wanted.count, 1) + 2
        message += "\nThe closest lines are \(max(from, 1))-\(min(to, file.count)):\n"
        return message + file.numbered(from...to)
    }

    /// Lists where `old` matched, so the model can add context to single one out.
    static func severalMatches(_ offsets: [Int], of old: String, in text: String, path: String) -> String {
        let file = LineNumberedText(text)
        let bytes = Array(text.utf8)
        var lineNumbers: [Int] = []
        var line = 1
        var position = 0
        for offset in offsets {
            while position < offset {
                if bytes[position] == UInt8(ascii: "\n") { line += 1 }
                position += 1
            }
            lineNumbers.append(line)
        }
        let shown = offsets.count >= 50 ? "50 or more" : String(offsets.count)
        var message =
            "old_text matches \(shown) times in \(path) (at lines \(lineNumbers.map(String.init).joined(separator: ", "))); "
        message += "include more surrounding lines so that it matches exactly once.\n"
        for number in lineNumbers.prefix(10) { message += file.numbered(number...number) }
        return message
    }

    private static func normalized(_ line: Substring) -> String {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    /// Dice coefficient of the character bigrams.
    private static func similarity(_ a: String, _ b: String) -> Double {
        if a == b { return 2 }
        let left = bigrams(a)
        let right = bigrams(b)
        guard !left.isEmpty, !right.isEmpty else { return 0 }
        var counts: [String: Int] = [:]
        for gram in left { counts[gram, default: 0] += 1 }
        var common = 0
        for gram in right where counts[gram, default: 0] > 0 {
            counts[gram]! -= 1
            common += 1
        }
        return 2 * Double(common) / Double(left.count + right.count)
    }

    private static func bigrams(_ text: String) -> [String] {
        let characters = Array(text)
        guard characters.count > 1 else { return characters.map(String.init) }
        return (0..<(characters.count - 1)).map { String(characters[$0...($0 + 1)]) }
    }
}
