import AgentCore
import ArgumentParser
import Logging
import SparkJSON
import SparkTestSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `spark-bench stream`: the stream path against the scripted server, through `HTTPModelClient` alone, through
/// `SwarmEngine` on top of it (client + engine), and through the `curl` command reading the same SSE.
///
/// 1. Throughput: the server replays a prerendered vLLM stream of `--tokens` one-token chunks; tokens per second
///    through the client and through the engine (median run), next to curl's time for the same body.
/// 2. Latency: the server writes `--latency-chunks` chunks `--interval-us` apart, each carrying its write time
///    (monotonic clock); the receive time minus the write time is taken per chunk, through the client (when the
///    event comes out of its `AsyncThrowingStream`), through the engine (when the run's text delta comes out) and
///    through `curl -N` (when its output reaches a pipe). The added latency is the difference of the medians.
///
/// Targets (issue 3): at least 50,000 tokens/s through client + engine, under 0.2 ms added per chunk at the median.
struct StreamBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stream",
        abstract: "Stream throughput and per-chunk latency of the model client and the engine against curl.")

    @Option(help: "Tokens (content chunks) in the replayed stream.")
    var tokens = 100_000

    @Option(help: "Measured runs of the throughput part, each side.")
    var runs = 5

    @Option(help: "Chunks in the paced latency stream.")
    var latencyChunks = 2_000

    @Option(help: "Microseconds between two chunks of the latency stream.")
    var intervalUs = 500

    func run() async throws {
        let server = try ScriptedModelServer()
        let client = HTTPModelClient(logger: Logger(label: "spark-bench", factory: { _ in SwiftLogNoOpLogHandler() }))
        let engine = Self.makeEngine(client: client, endpoint: server.endpoint)
        let request = ChatRequest(model: "test-model", messages: [.user("stream")], maxTokens: tokens)
        let requestFile = "/tmp/spark-bench-stream-\(getpid()).json"
        try write(request.wireBody.serialized(), to: requestFile)
        defer { unlink(requestFile) }
        let curlArguments = [
            "-sN", "-H", "Content-Type: application/json", "--data-binary", "@" + requestFile,
            server.endpoint.baseURL + "/chat/completions",
        ]

        // Throughput.
        let body = ScriptedModelServer.renderTextStream(tokens: tokens)
        let clientSeconds = try await BenchmarkMath.timeRuns(runs) {
            server.enqueue(.rawSSE(body))
            var deltas = 0
            for try await event in client.streamChat(request, endpoint: server.endpoint) {
                if case .contentDelta = event { deltas += 1 }
            }
            guard deltas == tokens else { throw ValidationError("client: \(deltas) of \(tokens) deltas") }
        }
        let engineSeconds = try await BenchmarkMath.timeRuns(runs) {
            server.enqueue(.rawSSE(body))
            var deltas = 0
            try await Self.streamText(engine) { _ in deltas += 1 }
            guard deltas == tokens else { throw ValidationError("engine: \(deltas) of \(tokens) deltas") }
        }
        var curlSeconds: [Double] = []
        for run in 0...runs {
            server.enqueue(.rawSSE(body))
            let output = try CurlCommand.output(["-o", "/dev/null", "-w", "%{time_total}"] + curlArguments)
            guard let elapsed = Double(output) else { throw ValidationError("curl printed '\(output)'") }
            if run > 0 { curlSeconds.append(elapsed) }
        }

        // Latency.
        let interval = Duration.microseconds(intervalUs)
        server.enqueue(.timestamped(chunks: latencyChunks, interval: interval))
        var clientLatencies: [Double] = []
        for try await event in client.streamChat(request, endpoint: server.endpoint) {
            let now = ScriptedModelServer.monotonicNanoseconds()
            if case .contentDelta(let text) = event, let stamp = UInt64(text) {
                clientLatencies.append(Double(now &- stamp) / 1000)
            }
        }
        server.enqueue(.timestamped(chunks: latencyChunks, interval: interval))
        var engineLatencies: [Double] = []
        try await Self.streamText(engine) { text in
            let now = ScriptedModelServer.monotonicNanoseconds()
            if let stamp = UInt64(text) { engineLatencies.append(Double(now &- stamp) / 1000) }
        }
        server.enqueue(.timestamped(chunks: latencyChunks, interval: interval))
        var curlLatencies: [Double] = []
        var pending: [UInt8] = []
        try CurlCommand.run(curlArguments) { bytes in
            let now = ScriptedModelServer.monotonicNanoseconds()
            pending += bytes
            while let newline = pending.firstIndex(of: 0x0A) {
                if let stamp = Self.stamp(in: pending[..<newline]) { curlLatencies.append(Double(now &- stamp) / 1000) }
                pending.removeSubrange(...newline)
            }
        }

        let format = BenchmarkMath.format
        func throughput(_ name: String, _ times: [Double]) -> String {
            let median = BenchmarkMath.median(times)
            return "  \(name) \(format(median * 1000)) ms, \(Int(Double(tokens) / median)) tokens/s"
        }
        let curlMedian = BenchmarkMath.median(curlSeconds)
        let engineMedian = BenchmarkMath.median(engineSeconds)
        print("throughput: \(tokens) one-token chunks, \(body.count) bytes of SSE, median of \(runs) runs")
        print(throughput("HTTPModelClient:            ", clientSeconds))
        print(throughput("SwarmEngine (client+engine):", engineSeconds) + " (target >= 50000)")
        print(throughput("curl -N:                    ", curlSeconds))
        print("  engine vs curl per chunk: \(format((engineMedian - curlMedian) / Double(tokens) * 1e6)) µs")
        let latency = (
            client: BenchmarkMath.median(Array(clientLatencies.dropFirst(10))),
            engine: BenchmarkMath.median(Array(engineLatencies.dropFirst(10))),
            curl: BenchmarkMath.median(Array(curlLatencies.dropFirst(10)))
        )
        print("latency: \(latencyChunks) chunks \(intervalUs) µs apart, write to receipt, median")
        print("  HTTPModelClient:             \(format(latency.client)) µs (\(clientLatencies.count) chunks)")
        print("  SwarmEngine (client+engine): \(format(latency.engine)) µs (\(engineLatencies.count) chunks)")
        print("  curl -N:                     \(format(latency.curl)) µs (\(curlLatencies.count) chunks)")
        print("  added per chunk, client:          \(format(latency.client - latency.curl)) µs")
        print("  added per chunk, client + engine: \(format(latency.engine - latency.curl)) µs (target < 200)")
    }

    /// The write time in a `data:` line of a `.timestamped` stream (`"content":"<digits>"`).
    private static func stamp(in line: ArraySlice<UInt8>) -> UInt64? {
        let marker = Array("\"content\":\"".utf8)
        guard line.count > marker.count else { return nil }
        var index = line.startIndex
        while index + marker.count <= line.endIndex {
            if line[index..<index + marker.count].elementsEqual(marker) {
                let digits = line[(index + marker.count)...].prefix { $0 >= 0x30 && $0 <= 0x39 }
                return digits.isEmpty ? nil : UInt64(String(decoding: digits, as: UTF8.self))
            }
            index += 1
        }
        return nil
    }

    private func write(_ text: String, to path: String) throws {
        guard let file = fopen(path, "w") else { throw ValidationError("cannot write \(path)") }
        defer { fclose(file) }
        fputs(text, file)
    }
}
