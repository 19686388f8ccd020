import AgentCore

/// Which lines sit inside a loop body: by braces for brace languages, by indentation for Python.
enum LoopContext {
    static func lines(in source: ScannedSource) -> [Bool] {
        var inside = Array(repeating: false, count: source.lineCount)
        guard let loopStart = try? Regex(#"^\s*(?:\}\s*)?(?:for|while|loop|repeat|do)\b|\.forEach\("#) else {
            return inside
        }
        var openLoops: [Int] = []  // brace depth or indentation of each open loop
        for index in 0..<source.lineCount {
            let line = source.scrubbedLine(index)
            let blank = line.trimmingWhitespace.isEmpty
            if source.language == .python {
                let indent = line.indentationWidth
                if !blank { openLoops.removeAll { indent <= $0 } }
                inside[index] = !openLoops.isEmpty
                if !blank, line.firstMatch(of: loopStart) != nil { openLoops.append(indent) }
            } else {
                let depth = source.depthAtLineStart[index]
                openLoops.removeAll { depth <= $0 }
                inside[index] = !openLoops.isEmpty
                if line.firstMatch(of: loopStart) != nil { openLoops.append(depth) }
            }
        }
        return inside
    }
}
