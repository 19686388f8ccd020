import AgentCore
import Prometheus

/// The service's Prometheus metrics (`GET /metrics`):
/// - `spark_http_requests_total{route,method,status}`, `spark_http_request_duration_seconds{route,method}` (to
///   the response's head) and `spark_http_stream_duration_seconds` (a stream, to its last event);
/// - `spark_http_open_streams`;
/// - `spark_model_requests_total{model}`, `spark_model_tokens_total{direction="in"|"out"}`;
/// - `spark_tool_calls_total{tool}`, `spark_tool_refusals_total{tool}` (results beginning with `refused:`);
/// - `spark_handoffs_total{from,to}`;
/// - `spark_errors_total{cause}`: HTTP errors by code (`invalid_json`, `unknown_agent`, `run_failed`, ...) and
///   streamed runs that failed (`run`, `timeout`, ...).
public final class ServiceMetrics: Sendable {
    /// The registry; a counter is looked up by name and labels on each use (the registry keeps one per pair).
    public let registry = PrometheusCollectorRegistry()
    private let openStreams: Gauge
    private let streamDuration: DurationHistogram

    private static var requests: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "spark", subsystem: "http", metricName: "requests", unitName: "total",
            helpText: "HTTP requests answered")
    }
    private static var requestDuration: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "spark", subsystem: "http", metricName: "request_duration", unitName: "seconds",
            helpText: "HTTP request latency to the response head")
    }
    private static var modelRequests: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "spark", subsystem: "model", metricName: "requests", unitName: "total",
            helpText: "Model requests")
    }
    private static var tokens: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "spark", subsystem: "model", metricName: "tokens", unitName: "total", helpText: "Model tokens")
    }
    private static var toolCalls: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "spark", subsystem: "tool", metricName: "calls", unitName: "total", helpText: "Tool calls")
    }
    private static var toolRefusals: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "spark", subsystem: "tool", metricName: "refusals", unitName: "total",
            helpText: "Tool calls refused")
    }
    private static var handoffs: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "spark", metricName: "handoffs", unitName: "total", helpText: "Handoffs between agents")
    }
    private static var errors: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "spark", metricName: "errors", unitName: "total", helpText: "Errors by cause")
    }
    private static let latencyBuckets: [Duration] = [
        .milliseconds(1), .milliseconds(5), .milliseconds(25), .milliseconds(100), .milliseconds(250),
        .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10), .seconds(30), .seconds(60),
        .seconds(120), .seconds(300),
    ]

    public init() {
        openStreams = registry.makeGauge(
            descriptor: MetricNameDescriptor(
                namespace: "spark", subsystem: "http", metricName: "open_streams", unitName: "",
                helpText: "Event streams open now"))
        streamDuration = registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(
                namespace: "spark", subsystem: "http", metricName: "stream_duration", unitName: "seconds",
                helpText: "Event streams, to their last event"),
            buckets: Self.latencyBuckets)
    }

    func request(route: String, method: String, status: Int, duration: Duration) {
        registry.makeCounter(
            descriptor: Self.requests, labels: [("route", route), ("method", method), ("status", "\(status)")]
        ).increment()
        registry.makeDurationHistogram(
            descriptor: Self.requestDuration, labels: [("route", route), ("method", method)],
            buckets: Self.latencyBuckets
        ).record(duration)
    }

    func streamOpened() { openStreams.increment() }

    func streamClosed(after duration: Duration) {
        openStreams.decrement()
        streamDuration.record(duration)
    }

    func modelRequest(model: String) {
        registry.makeCounter(descriptor: Self.modelRequests, labels: [("model", model)]).increment()
    }

    func tokens(_ usage: Usage) {
        registry.makeCounter(descriptor: Self.tokens, labels: [("direction", "in")])
            .increment(by: Int64(usage.promptTokens))
        registry.makeCounter(descriptor: Self.tokens, labels: [("direction", "out")])
            .increment(by: Int64(usage.completionTokens))
    }

    func error(cause: String) {
        registry.makeCounter(descriptor: Self.errors, labels: [("cause", cause)]).increment()
    }

    /// Counts what a run reports: tool calls and refusals, handoffs.
    func observe(_ event: ChatEvent) {
        switch event {
        case .toolCall(_, let call):
            registry.makeCounter(descriptor: Self.toolCalls, labels: [("tool", call.function.name)]).increment()
        case .toolResult(_, let call, let result) where result.content.hasPrefix("refused:"):
            registry.makeCounter(descriptor: Self.toolRefusals, labels: [("tool", call.function.name)]).increment()
        case .handoff(let from, let to):
            registry.makeCounter(descriptor: Self.handoffs, labels: [("from", from), ("to", to)]).increment()
        default:
            break
        }
    }

    /// The Prometheus text exposition.
    func exposition() -> [UInt8] { registry.emitToBuffer() }
}
