import AgentCore
import ArgumentParser
import SparkJSON
import SparkLSP
import SparkTestSupport

/// Process start to `initialize` reply, spark-lsp against clangd measured in the same run.
struct LSPStartupBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp-startup", abstract: "Process start to initialize reply: spark-lsp vs clangd (median).")

    @Option(help: "Runs per server.") var runs = 10
    @Option(help: "The spark-lsp binary (default: next to spark-bench).") var sparkLSP: String?
    @Option(help: "The clangd binary.") var clangd = "/opt/swift/usr/bin/clangd"
    /// The default is the command line vscode-languageclient uses.
    @Option(help: "spark-lsp's arguments, space-separated (--spark-arguments='--stdio --log-level error').")
    var sparkArguments = "--stdio"

    func run() async throws {
        let spark = sparkLSP ?? BuiltProducts.executable("spark-lsp")
        let clangd = clangd
        let runs = runs
        let sparkArguments = sparkArguments.split(separator: " ").map(String.init)
        let (sparkTimes, clangdTimes) = try await DetachedThread.run { () -> Result<([Double], [Double]), any Error> in
            Result {
                var sparkTimes: [Double] = []
                var clangdTimes: [Double] = []
                for _ in 0..<runs {  // interleaved so both see the same machine load
                    sparkTimes.append(try Self.measure(spark, sparkArguments))
                    clangdTimes.append(try Self.measure(clangd, ["--log=error"]))
                }
                return (sparkTimes, clangdTimes)
            }
        }.get()
        let sparkMedian = Statistics.median(sparkTimes)
        let clangdMedian = Statistics.median(clangdTimes)
        print(
            "start-to-initialize (median of \(runs)): spark-lsp \(Statistics.format(sparkMedian)) ms, clangd \(Statistics.format(clangdMedian)) ms, ratio \(Statistics.format(sparkMedian / clangdMedian, digits: 2))x"
        )
    }

    static func measure(_ executable: String, _ arguments: [String]) throws -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        let session = try LSPProcessSession(executable: executable, arguments: arguments)
        session.write(LSPProcessSession.initialize)
        _ = try session.awaitResponse(id: 1)
        let elapsed = clock.now - start
        session.stop()
        return Statistics.milliseconds(elapsed)
    }
}
