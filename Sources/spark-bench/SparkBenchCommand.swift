import ArgumentParser

/// `spark-bench`: SparkLSP's benchmarks (`swift run -c release spark-bench <name>`), not timed tests.
@main
struct SparkBenchCommand: AsyncParsableCommand {
    /// Every benchmark, in the order `all` runs them. Adding one is one line here.
    static var benchmarks: [any AsyncParsableCommand.Type] {
        [
            StreamBenchmark.self
        ]
    }

    static let configuration = CommandConfiguration(
        commandName: "spark-bench",
        abstract: "SparkLSP's benchmarks.",
        subcommands: [AllBenchmarks.self] + benchmarks.map { $0 as any ParsableCommand.Type }
    )
}
