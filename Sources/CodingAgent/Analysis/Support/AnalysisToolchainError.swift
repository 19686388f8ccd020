/// A checker that could not run (a timeout, a failed helper, no scratch space); the analysis
/// reports it as a note rather than a finding.
struct AnalysisToolchainError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
