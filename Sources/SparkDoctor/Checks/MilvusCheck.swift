import AgentCore
import SparkJSON

/// Milvus, when `MILVUS_HOST` is set: its RESTful API v1 lists the collections
/// (`GET http://host:port/v1/vector/collections`), else its health endpoint (`:9091/healthz`) says OK.
enum MilvusCheck {
    static let check = DoctorCheck(id: "milvus") { context in [await finding(context)] }

    static func finding(_ context: DoctorContext) async -> DoctorFinding {
        let id = "milvus"
        let title = "Milvus"
        guard let host = context.variable("MILVUS_HOST") else {
            return DoctorFinding(
                id: id, title: title, verdict: .skipped, detail: "MILVUS_HOST is not set (the SQLite vector store)")
        }
        let port = context.variable("MILVUS_PORT") ?? "19530"
        let base = host.contains("://") ? host : "http://\(host):\(port)"
        let collections = base + "/v1/vector/collections"
        do {
            let text = try await context.client.getText(collections)
            let reply = try? JSONValue(parsing: Array(text.utf8))
            // v1 answers errors with HTTP 200 and a code in the body.
            if let code = reply?["code"]?.intValue, code != 0 && code != 200 {
                let message = reply?["message"]?.stringValue ?? "code \(code)"
                return DoctorFinding(
                    id: id, title: title, verdict: .failure, detail: "\(collections): \(message)",
                    hint: "check Milvus's logs and credentials")
            }
            guard let names = reply?["data"]?.arrayValue else {
                return DoctorFinding(
                    id: id, title: title, verdict: .failure,
                    detail: "\(collections) answered, but not as Milvus's REST API v1 does",
                    hint: "MILVUS_HOST and MILVUS_PORT must name Milvus's proxy (port 19530)")
            }
            return DoctorFinding(
                id: id, title: title, verdict: .ok, detail: "\(base): \(names.count) collection(s)")
        } catch {
            let health = (host.contains("://") ? host : "http://\(host)") + ":9091/healthz"
            if !host.contains("://"), let text = try? await context.client.getText(health),
                text.trimmingWhitespace == "OK"
            {
                return DoctorFinding(
                    id: id, title: title, verdict: .warning,
                    detail: "\(health) says OK, but \(collections) does not answer: \(DoctorContext.describe(error))",
                    hint: "MILVUS_PORT must be the proxy's port (19530)")
            }
            return DoctorFinding(
                id: id, title: title, verdict: .failure,
                detail: "\(collections) does not answer: \(DoctorContext.describe(error))",
                hint: "start Milvus or correct MILVUS_HOST / MILVUS_PORT")
        }
    }
}
