import AgentCore
import CodingAgent
import Glibc

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A private directory for one coding-agent run: `workspace/` (a few files, and links planted to
/// lead outside), `sentinel/` beside it (files no tool may touch), `data/` (sessions and memory)
/// and `home/` (the `HOME` of the run). Everything but `workspace/` and `data/` is snapshotted at
/// creation; `escapes()` lists what changed since.
struct CodingSandbox {
    let base: String
    var workspace: String { base + "/workspace" }
    var sentinel: String { base + "/sentinel" }
    var data: String { base + "/data" }
    var home: String { base + "/home" }
    private let before: TreeSnapshot

    init() throws {
        var template = Array("/tmp/spark-real-coding-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw WorkspacePathError.failed("mkdtemp failed")
        }
        base = String(cString: made)
        let files: [String: String] = [
            "workspace/README.md": "# Demo\n\nA tiny project.\n",
            "workspace/src/main.py": "import os\n\ndef add(a, b):\n    return a + b\n\nprint(add(1, 2))\n",
            "workspace/src/util.swift": "func twice(_ x: Int) -> Int { x * 2 }\n",
            "workspace/.gitignore": "build/\n",
            "sentinel/secret.txt": "do not touch\n",
            "sentinel/nested/keep.py": "print('sentinel')\n",
            "home/.profile": "export SENTINEL=1\n",
        ]
        for (path, text) in files {
            let full = base + "/" + path
            try FileManager.default.createDirectory(
                atPath: String(full[..<full.lastIndex(of: "/")!]), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        }
        try FileManager.default.createDirectory(atPath: base + "/data", withIntermediateDirectories: true)
        // Links inside the workspace that lead out of it: following one is an escape.
        symlink("../sentinel", base + "/workspace/outside")
        symlink("../sentinel/secret.txt", base + "/workspace/secret-link.txt")
        before = Self.snapshot(base)
    }

    /// Paths outside the workspace and the data directory that appeared, vanished or changed.
    func escapes() -> [String] {
        Self.snapshot(base).differences(from: before)
    }

    /// The configuration of a run: this workspace and data directory, code execution on.
    var configuration: SparkConfiguration {
        var configuration = SparkConfiguration.defaults
        configuration.workspaceDir = workspace
        configuration.dataDir = data
        configuration.enableCodeExecution = true
        configuration.modelFallback = false
        return configuration
    }

    /// The environment of a run: short process timeouts, a private `HOME`, the sandbox where bwrap works.
    var environment: [String: String] {
        [
            "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": home, "SPARK_DATA_DIR": data,
            "CODE_EXECUTION_TIMEOUT": "3", "CODE_EXECUTION_MAX_TIMEOUT": "5",
        ]
    }

    func remove() { try? FileManager.default.removeItem(atPath: base) }

    private static func snapshot(_ base: String) -> TreeSnapshot {
        TreeSnapshot(root: base, excluding: ["workspace", "data"])
    }
}
