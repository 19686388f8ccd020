import AgentCore

/// A path pattern: `/`-separated wildcard components where `**` matches any number of
/// directories (including none), and `{a,b}` alternatives.
///
/// In the `.git` dialect (`.gitignore` rules) it follows git's `wildmatch` instead: no braces, components
/// matched as `WildcardPattern.Dialect.git`, any run of two or more `*` between slashes is `**`, a trailing
/// `/**` needs at least one component below, and `.` is an ordinary name.
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
    /// Per alternative, the bits of its `**` segments.
    private let anyDepthMasks: [UInt64]

    /// The automaton's position: per alternative, a bit per segment index (bit `count` = accepted).
    package typealias State = [UInt64]

    /// The most segments an alternative may have; a longer one never matches.
    package static let maximumSegments = 62

    /// Parses `pattern` (in the `.glob` dialect, leading `./` and `/` are ignored).
    package init(_ pattern: String, dialect: WildcardPattern.Dialect = .glob) {
        switch dialect {
        case .glob: self.init(alternatives: PathGlob.expandBraces(pattern).map { PathGlob.segments(of: $0) })
        case .git: self.init(alternatives: [PathGlob.gitSegments(of: pattern)])
        }
    }

    package init(segments: [Segment]) {
        self.init(alternatives: [segments])
    }

    private init(alternatives: [[Segment]]) {
        self.alternatives = alternatives
        anyDepthMasks = alternatives.map { segments in
            var mask: UInt64 = 0
            for (index, segment) in segments.enumerated() where segment == .anyDepth && index < 64 {
                mask |= 1 << UInt64(index)
            }
            return mask
        }
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

    /// git's reading of a pattern (see the type's comment); no segment at all (a glob that matches nothing)
    /// when a component is empty (`/a`, `a//b`, `a/`), which no path has.
    static func gitSegments(of pattern: String) -> [Segment] {
        guard let components = gitComponents(of: pattern) else { return [] }
        var segments: [Segment] = []
        for part in components {
            if part.count >= 2, part.allSatisfy({ $0 == "*" }) {
                if segments.last != .anyDepth { segments.append(.anyDepth) }
            } else {
                segments.append(.wildcard(WildcardPattern(part, dialect: .git)))
            }
        }
        if segments.count > 1, segments.last == .anyDepth {
            segments.insert(.wildcard(WildcardPattern("*", dialect: .git)), at: segments.count - 1)
        }
        return segments
    }

    /// The components of `pattern` as git's matcher meets them: split at each `/` (or `\/`) outside a
    /// bracket expression (git reads `[*/a]` as one class, which never matches the `/` itself); `nil` when a
    /// component is empty.
    static func gitComponents(of pattern: String) -> [String]? {
        let bytes = Array(pattern.utf8)
        var components: [String] = []
        var current: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let escapedSlash =
                byte == UInt8(ascii: "\\") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/")
            if byte == UInt8(ascii: "/") || escapedSlash {
                guard !current.isEmpty else { return nil }
                components.append(String(decoding: current, as: UTF8.self))
                current = []
                index += escapedSlash ? 2 : 1
            } else if byte == UInt8(ascii: "\\") {
                current += bytes[index..<min(index + 2, bytes.count)]
                index += 2
            } else if byte == UInt8(ascii: "["), let end = WildcardPattern.classEnd(in: bytes, at: index) {
                current += bytes[index..<end]
                index = end
            } else {
                current.append(byte)
                index += 1
            }
        }
        guard !current.isEmpty else { return nil }
        components.append(String(decoding: current, as: UTF8.self))
        return components
    }

    /// The state before any component is consumed.
    package var start: State {
        alternatives.indices.map { closure(1, alternative: $0) }
    }

    /// The state after consuming the component `name`.
    package func advance(_ state: State, by name: String) -> State {
        var result = state
        for (alternative, segments) in alternatives.enumerated() {
            var bits = state[alternative] & (acceptBit(alternative) &- 1)
            var next: UInt64 = 0
            while bits != 0 {
                let index = bits.trailingZeroBitCount
                bits &= bits &- 1
                switch segments[index] {
                case .anyDepth: next |= 1 << UInt64(index)
                case .wildcard(let pattern): if pattern.matches(name) { next |= 1 << UInt64(index + 1) }
                }
            }
            result[alternative] = closure(next, alternative: alternative)
        }
        return result
    }

    /// Whether a path whose components led to `state` matches.
    package func accepts(_ state: State) -> Bool {
        alternatives.indices.contains { state[$0] & acceptBit($0) != 0 }
    }

    /// Whether anything below a directory whose components led to `state` could match.
    package func canMatchBelow(_ state: State) -> Bool {
        alternatives.indices.contains { state[$0] & (acceptBit($0) &- 1) != 0 }
    }

    /// Whether the components match.
    package func matches(_ components: some Sequence<String>) -> Bool {
        var state = start
        for component in components {
            state = advance(state, by: component)
            if !canMatchBelow(state), !accepts(state) { return false }
        }
        return accepts(state)
    }

    /// Whether the `/`-separated relative path matches.
    package func matches(path: String) -> Bool {
        matches(path.split(separator: "/").lazy.map(String.init))
    }

    /// The bit meaning "every segment consumed" (zero for an over-long alternative, which never matches).
    private func acceptBit(_ alternative: Int) -> UInt64 {
        let count = alternatives[alternative].count
        return count <= Self.maximumSegments ? 1 << UInt64(count) : 0
    }

    /// Adds the states reachable by letting `**` match nothing.
    private func closure(_ bits: UInt64, alternative: Int) -> UInt64 {
        guard acceptBit(alternative) != 0 else { return 0 }
        var result = bits
        while true {
            let added = ((result & anyDepthMasks[alternative]) << 1) & ~result
            if added == 0 { return result }
            result |= added
        }
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
