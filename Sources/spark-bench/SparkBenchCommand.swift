import ArgumentParser

/// `spark-bench`: SparkLSP's benchmarks (`swift run -c release spark-bench <name>`), not timed tests.
@main
struct SparkBenchCommand: AsyncParsableCommand {
    /// Every benchmark, in the order `all` runs them. Adding one is one line here.
    static var benchmarks: [any ParsableCommand.Type] {
        [
            LSPStartupBench.self,
            LSPMemoryBench.self,
            LSPDidChangeBench.self,
            DocumentEditBenchmark.self,
            LSPFramingBench.self,
            StreamBenchmark.self,
            SearchBenchmark.self,
            CodeActionBenchmark.self,
            ChatLatencyBenchmark.self,
            SandboxBenchmark.self,
            ImageBenchmark.self,
        ]
    }

    static let configuration = CommandConfiguration(
        commandName: "spark-bench",
        abstract: "SparkLSP's benchmarks. Run the release build.",
        subcommands: [AllBenchmarks.self] + benchmarks
    )
}
