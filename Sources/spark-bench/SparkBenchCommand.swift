import ArgumentParser

@main
struct SparkBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "spark-bench")
    mutating func run() async throws {}
}
