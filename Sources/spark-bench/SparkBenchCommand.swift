import ArgumentParser

/// `spark-bench`: benchmarks (run the release build: `swift run -c release spark-bench <name>`).
@main
struct SparkBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spark-bench",
        abstract: "SparkLSP benchmarks (not timed tests). Run the release build.",
        // Every benchmark is listed here, and only here.
        subcommands: [
            LSPStartupBench.self,
            LSPMemoryBench.self,
            LSPDidChangeBench.self,
            LSPFramingBench.self,
        ]
    )
}
