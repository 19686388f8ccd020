import ArgumentParser

/// `spark-bench all`: every registered benchmark in turn, each with its default options.
struct AllBenchmarks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all", abstract: "Run every benchmark in turn with its default options.")

    func run() async throws {
        for benchmark in SparkBenchCommand.benchmarks {
            print("== \(benchmark.configuration.commandName ?? "\(benchmark)") ==")
            var command = try benchmark.parse([])
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
            print("")
        }
    }
}
