@testable import CodingAgent

/// `.gitignore` rules and path globs on our side alone: no crash, linear time, and the glob's pruning is
/// sound (a directory the walker would skip because nothing below it `canMatchBelow` never holds a match).
/// The comparison with git is the `ignore-differential` driver, which replays this target's corpus through
/// `git check-ignore`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIgnore(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput(data, size).bytes
    let budget = TimeBudget()
    let ignoreCase = IgnoreCase(bytes)
    _ = ignoreCase.ignoredByUs()

    // Every ignore line, read as a glob (the `glob` tool's patterns, braces expanded), against every path.
    let patterns = ignoreCase.files.values.flatMap { $0.split(separator: "\n").map(String.init) }
    for pattern in patterns {
        let glob = PathGlob(pattern)
        for entry in ignoreCase.entries {
            var state = glob.start
            for (index, component) in entry.components.enumerated() {
                if index > 0, glob.matches(entry.components) {
                    fuzzCheck(
                        glob.canMatchBelow(state),
                        "\(pattern.debugDescription) matches \(entry.path) but its pruning skips "
                            + entry.components[..<index].joined(separator: "/"))
                }
                state = glob.advance(state, by: component)
            }
            fuzzCheck(glob.accepts(state) == glob.matches(entry.components), "accepts and matches disagree")
        }
    }
    budget.check(length: bytes.count, "decoding and matching")
    return 0
}
