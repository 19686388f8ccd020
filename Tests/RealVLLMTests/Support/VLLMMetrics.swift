/// The figures of vLLM's `GET /metrics` (Prometheus text) the tests read.
struct VLLMMetrics {
    /// Sample lines by metric name, labels kept in the key: `name{labels}` -> value.
    let samples: [String: Double]

    init(text: String) {
        var samples: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else {
                continue
            }
            samples[String(line[..<space])] = value
        }
        self.samples = samples
    }

    /// The sum of every sample of `name` (over all label sets).
    func total(_ name: String) -> Double {
        samples.filter { $0.key == name || $0.key.hasPrefix(name + "{") }.values.reduce(0, +)
    }

    /// Requests the server finished, whatever the reason (`stop`, `length`, `abort`, ...).
    var finishedRequests: Double { total("vllm:request_success_total") }
    var runningRequests: Double { total("vllm:num_requests_running") }
    var generatedTokens: Double { total("vllm:generation_tokens_total") }
}
