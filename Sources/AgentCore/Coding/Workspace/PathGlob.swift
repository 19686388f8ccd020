/// A path pattern: `/`-separated wildcard components where `**` matches any number of
/// directories (including none), and `{a,b}` alternatives.
///
/// Matching runs as a small automaton over the path's components, so a walker can also ask
/// whether anything below a directory could still match (`canMatchBelow`) and prune the rest.
package struct PathGlob: Hashable, Sendable {
    package enum Segment: Hashable, Sendable {
        case anyDepth
        case wildcard(WildcardPattern)
    }

    /// One alternative per brace expansion.
    private let alternatives: [[Segment]]

    /// Parses `pattern` (leading `./` and `/` are ignored).
    package init(_ pattern: String) {
        alternatives = PathGlob.expandBraces(pattern).map(PathGlob.segments(of:))
    }

    package init(segments: [Segment]) {
        alternatives = [segments]
    }

    static func segments(of pattern: String) -> [Segment] {
        var segments: [Segment] = []
        for part in pattern.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
            if part == "**" {
                if segments.last != .anyDepth { segments.append(.anyDepth) }
            } else {
                segments.append(.wildcard(WildcardPattern(part)))
            }
        }
        return segments
    }

    /// The states (one set per alternative) before any component is consumed.
    package var start: [Set<Int>] {
        alternatives.map { closure([0], in: $0) }
    }

    /// The states after consuming the component `name`.
    package func advance(_ states: [Set<Int>], by name: String) -> [Set<Int>] {
        zip(alternatives, states).map { segments, current in
            var next: Set<Int> = []
            for index in current where index < segments.count {
                switch segments[index] {
                case .anyDepth: next.insert(index)
                case .wildcard(let pattern): if pattern.matches(name) { next.insert(index + 1) }
                }
            }
            return closure(next, in: segments)
        }
    }

    /// Whether a path whose components led to `states` matches.
    package func accepts(_ states: [Set<Int>]) -> Bool {
        zip(alternatives, states).contains { segments, current in current.contains(segments.count) }
    }

    /// Whether anything below a directory whose components led to `states` could match.
    package func canMatchBelow(_ states: [Set<Int>]) -> Bool {
        zip(alternatives, states).contains { segments, current in current.contains { $0 < segments.count } }
    }

    /// Whether the components match.
    package func matches(_ components: some Sequence<String>) -> Bool {
        var states = start
        for component in components {
            states = advance(states, by: component)
            if !canMatchBelow(states), !accepts(states) { return false }
        }
        return accepts(states)
    }

    /// Whether the `/`-separated relative path matches.
    package func matches(path: String) -> Bool {
        matches(path.split(separator: "/").lazy.map(String.init))
    }

    private func closure(_ states: Set<Int>, in segments: [Segment]) -> Set<Int> {
        var result = states
        for index in states.sorted() {
            var cursor = index
            while cursor < segments.count, segments[cursor] == .anyDepth {
                cursor += 1
                result.insert(cursor)
            }
        }
        return result
    }

    /// `a{b,c}d` -> `abd`, `acd` (nested braces expand too; an unbalanced brace is literal).
    static func expandBraces(_ pattern: String) -> [String] {
        let characters = Array(pattern)
        var depth = 0
        var open: Int?
        var commas: [Int] = []
        for (index, character) in characters.enumerated() {
            if character == "{" {
                if depth == 0 { open = index; commas = [] }
                depth += 1
            } else if character == "}", depth > 0 {
                depth -= 1
                if depth == 0, let start = open, !commas.isEmpty {
                    let prefix = String(characters[..<start])
                    let suffix = String(characters[(index + 1)...])
                    let bounds = [start] + commas + [index]
                    var results: [String] = []
                    for pair in 0..<(bounds.count - 1) {
                        let option = String(characters[(bounds[pair] + 1)..<bounds[pair + 1]])
                        results += expandBraces(prefix + option + suffix)
                    }
                    return results
                }
                if depth == 0 { open = nil }
            } else if character == ",", depth == 1 {
                commas.append(index)
            }
        }
        return [pattern]
    }
}
