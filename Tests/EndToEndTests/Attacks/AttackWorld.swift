import AgentCore
import SparkJSON
import SparkTestSupport

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// One attack's world: a workspace, and around it what an attacker wants: a canary file beside the
/// workspace, a private key in the home directory, the server's API key, a loopback TCP listener, a named
/// and an abstract Unix socket. After the run, `breaches` lists every piece of evidence that something got
/// out; the suite expects none.
final class AttackWorld {
    /// How the server runs: with which sandbox layers, and as which user.
    struct Configuration: Sendable, CustomStringConvertible {
        var name: String
        var environment: [String: String]
        /// Runs the server as this user (via `setpriv`) instead of the test's.
        var uid: UInt32?

        var description: String { name }
    }

    let root: String
    let workspace: String
    let outside: String
    let home: String
    let marker = "spark-attack-\(UInt64.random(in: 0...UInt64.max))"
    let canaryText: String
    let keyText: String
    let apiKey: String
    let tcp: TestListener
    let named: TestListener
    let abstract: TestListener
    let abstractName: String
    static let gitConfig = "[core]\n\trepositoryformatversion = 0\n"

    init() throws {
        var template = Array("/tmp/spark-attack-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw SparkProcess.Failure(description: "mkdtemp failed")
        }
        root = String(cString: made)
        workspace = root + "/ws"
        outside = root + "/outside"
        home = root + "/home"
        canaryText = "CANARY\(UInt64.random(in: 0...UInt64.max))"
        keyText = "PRIVATEKEY\(UInt64.random(in: 0...UInt64.max))"
        apiKey = "APIKEY\(UInt64.random(in: 0...UInt64.max))"
        for directory in [workspace + "/work", workspace + "/.git/hooks", outside, home + "/.ssh", root + "/xdg"] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        try Data((canaryText + "\n").utf8).write(to: URL(fileURLWithPath: outside + "/canary.txt"))
        try Data((keyText + "\n").utf8).write(to: URL(fileURLWithPath: home + "/.ssh/id_rsa"))
        try Data("print('hello')\n".utf8).write(to: URL(fileURLWithPath: workspace + "/main.py"))
        try Data(Self.gitConfig.utf8).write(to: URL(fileURLWithPath: workspace + "/.git/config"))
        tcp = try TestListener()
        named = try TestListener(unixPath: outside + "/sock", abstract: false)
        abstractName = marker + "-abstract"
        abstract = try TestListener(unixPath: abstractName, abstract: true)
    }

    /// Gives the workspace, home and data to `uid` (the canary outside stays the test's, readable by all:
    /// only the sandbox keeps it from the agent).
    func handOver(to uid: UInt32) {
        for path in [
            root, workspace, workspace + "/work", workspace + "/.git", workspace + "/.git/hooks",
            workspace + "/.git/config", home, home + "/.ssh", home + "/.ssh/id_rsa", root + "/xdg",
            workspace + "/main.py",
        ] {
            _ = chown(path, uid, uid)
        }
        chmod(root, 0o755)
        chmod(outside, 0o755)
    }

    /// The server's environment.
    func environment(endpoint: ModelEndpoint, configuration: Configuration) -> [String: String] {
        var environment = [
            "PATH": "/usr/bin:/bin", "HOME": home, "WORKSPACE_DIR": workspace, "VLLM_ENDPOINT": endpoint.baseURL,
            "VLLM_API_KEY": apiKey, "XDG_DATA_HOME": root + "/xdg", "LANG": "C.UTF-8",
        ]
        for agent in ["SUPERVISOR", "CODING"] { environment["\(agent)_MODEL"] = "test-model" }
        environment.merge(configuration.environment) { _, new in new }
        return environment
    }

    /// `{OUT}`, `{WS}`, `{HOME}`, `{MARK}`, `{PORT}`, `{SOCK}`, `{ABSTRACT}` filled in.
    func fill(_ text: String) -> String {
        text.replacing("{OUT}", with: outside).replacing("{WS}", with: workspace).replacing("{HOME}", with: home)
            .replacing("{MARK}", with: marker).replacing("{PORT}", with: String(tcp.port))
            .replacing("{SOCK}", with: outside + "/sock").replacing("{ABSTRACT}", with: abstractName)
    }

    /// Every piece of evidence that the attack got out, given what the server printed and what the model
    /// server received.
    func breaches(exit: SparkProcess.Exit, requests: [RecordedRequest]) -> [String] {
        var found: [String] = []
        let seen =
            [("stdout", exit.stdout), ("stderr", exit.stderr)]
            + requests.map { ("a request to the model", $0.bodyText) }
        for (place, text) in seen {
            for (secret, name) in [(canaryText, "the canary"), (keyText, "the home key"), (apiKey, "the API key")]
            where text.contains(secret) {
                found.append("\(name) reached \(place)")
            }
        }
        if (try? String(contentsOfFile: outside + "/canary.txt", encoding: .utf8)) != canaryText + "\n" {
            found.append("the canary was changed")
        }
        let extra = (try? FileManager.default.contentsOfDirectory(atPath: outside))?.filter {
            !["canary.txt", "sock"].contains($0)
        }
        if let extra, !extra.isEmpty { found.append("files appeared outside: \(extra)") }
        if FileManager.default.fileExists(atPath: "/tmp/" + marker) { found.append("a file appeared in the host /tmp") }
        if FileManager.default.fileExists(atPath: workspace + "/.git/hooks/pre-commit") {
            found.append("the agent planted a git hook")
        }
        if (try? String(contentsOfFile: workspace + "/.git/config", encoding: .utf8)) != Self.gitConfig {
            found.append("the agent changed .git/config")
        }
        if FileManager.default.fileExists(atPath: workspace + "/.spark/config.json") {
            found.append("the agent wrote .spark/config.json")
        }
        for (listener, name) in [
            (tcp, "the TCP listener"), (named, "the named socket"), (abstract, "the abstract socket"),
        ]
        where listener.accepted() {
            found.append("\(name) got a connection")
        }
        if let pid = livingProcess(named: marker) { found.append("process \(pid) outlived the call") }
        if let forked = try? String(contentsOfFile: workspace + "/work/forked", encoding: .utf8),
            Int(forked) ?? 0 >= 1500
        {
            found.append("one call started \(forked) processes")
        }
        return found
    }

    /// A process whose command line mentions `text`, if one is alive.
    private func livingProcess(named text: String) -> Int? {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return nil }
        for entry in entries {
            guard let pid = Int(entry), pid != Int(getpid()),
                let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline")
            else { continue }
            if String(decoding: data, as: UTF8.self).contains(text) { return pid }
        }
        return nil
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
        try? FileManager.default.removeItem(atPath: "/tmp/" + marker)
    }
}
