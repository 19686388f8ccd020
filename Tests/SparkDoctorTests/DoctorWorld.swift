import AgentCore
import SparkDoctor
import SparkTestSupport

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// A private directory with a workspace and a data directory, and the environment the doctor examines: only
/// `PATH`, `HOME`, the endpoint, the workspace and the data directory, so the developer's own setup never
/// leaks in.
struct DoctorWorld {
    let directory: String
    var environment: [String: String]

    init(endpoint: ModelEndpoint) throws {
        var template = Array("/tmp/spark-doctor-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw SparkProcess.Failure(description: "mkdtemp failed") }
        directory = String(cString: made)
        try FileManager.default.createDirectory(atPath: directory + "/ws", withIntermediateDirectories: true)
        environment = [
            "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": directory, "VLLM_ENDPOINT": endpoint.baseURL,
            "WORKSPACE_DIR": directory + "/ws", "SPARK_DATA_DIR": directory + "/data",
        ]
    }

    var dataDirectory: String { directory + "/data" }

    /// The context of a doctor run in this world.
    func context(agents: [String] = ["supervisor", "coding"]) -> DoctorContext {
        DoctorContext(environment: environment, agentNames: agents, timeout: .seconds(10))
    }

    /// Runs `check` alone.
    func run(_ id: String, agents: [String] = ["supervisor", "coding"]) async -> [DoctorFinding] {
        let check = Doctor.checks.first { $0.id == id }!
        return await check.run(context(agents: agents))
    }

    /// A directory of executables named `names` (each a copy of `true`), for a `PATH` with exactly those.
    func programs(_ names: [String], in name: String = "bin") throws -> String {
        let bin = directory + "/" + name
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        for program in names {
            try "#!/bin/sh\nexit 0\n".write(toFile: bin + "/" + program, atomically: true, encoding: .utf8)
            chmod(bin + "/" + program, 0o755)
        }
        return bin
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }
}
