import AgentCore

/// How to build and run one `execute_code` source file with the toolchains found.
struct RunPlan: Sendable {
    /// The toolchain used, for the result (`python3`, `gcc`, ...).
    var toolchain: String
    /// The compile command (absolute program first), when the language is compiled.
    var compile: [String]?
    /// The run command (absolute program first).
    var run: [String]
    /// Extra environment for both steps.
    var environment: [String: String] = [:]

    /// The plan for `language`, or an error naming the missing toolchain.
    static func make(
        language: CodeLanguage, sourceFile: String, scratch: String, locator: ToolchainLocator
    ) -> Result<RunPlan, ExecutionError> {
        func need(_ names: [String]) -> Result<(name: String, path: String), ExecutionError> {
            guard let found = locator.locateFirst(names) else {
                let list = names.map { "`\($0)`" }.joined(separator: ", ")
                return .failure(ExecutionError("\(language.rawValue) is not available here: no \(list) on PATH"))
            }
            return .success(found)
        }
        let program = scratch + "/program"
        switch language {
        case .python:
            return need(["python3", "python"]).map { RunPlan(toolchain: $0.name, run: [$0.path, "-u", sourceFile]) }
        case .javascript:
            return need(["node"]).map { RunPlan(toolchain: $0.name, run: [$0.path, sourceFile]) }
        case .bash:
            return need(["bash"]).map {
                RunPlan(toolchain: $0.name, run: [$0.path, "--noprofile", "--norc", sourceFile])
            }
        case .typescript:
            if let runner = locator.locateFirst(["deno", "bun", "tsx", "ts-node"]) {
                let run =
                    runner.name == "deno"
                    ? [runner.path, "run", "--no-prompt", sourceFile] : [runner.path, sourceFile]
                return .success(RunPlan(toolchain: runner.name, run: run))
            }
            guard let tsc = locator.locate("tsc"), let node = locator.locate("node") else {
                return .failure(
                    ExecutionError(
                        "typescript is not available here: no `deno`, `bun`, `tsx`, `ts-node` or `tsc` with `node` on PATH"
                    ))
            }
            let output = String(sourceFile.dropLast(3)) + ".js"
            return .success(
                RunPlan(toolchain: "tsc", compile: [tsc, "--outDir", scratch, sourceFile], run: [node, output]))
        case .go:
            return need(["go"]).map {
                RunPlan(
                    toolchain: $0.name, compile: [$0.path, "build", "-o", program, sourceFile], run: [program],
                    environment: [
                        "GOCACHE": scratch + "/.gocache", "GOPATH": scratch + "/.gopath", "GO111MODULE": "off",
                    ])
            }
        case .rust:
            return need(["rustc"]).map {
                RunPlan(
                    toolchain: $0.name, compile: [$0.path, "--edition", "2021", "-o", program, sourceFile],
                    run: [program])
            }
        case .java:
            return need(["javac"]).flatMap { javac in
                need(["java"]).map { java in
                    let className = String(sourceFile.split(separator: "/").last!.dropLast(5))
                    return RunPlan(
                        toolchain: "javac", compile: [javac.path, "-d", scratch, sourceFile],
                        run: [java.path, "-cp", scratch, className])
                }
            }
        case .c:
            return need(["gcc", "clang", "cc"]).map {
                RunPlan(
                    toolchain: $0.name, compile: [$0.path, "-O1", "-o", program, sourceFile, "-lm"], run: [program])
            }
        case .cpp:
            return need(["g++", "clang++", "c++"]).map {
                RunPlan(
                    toolchain: $0.name, compile: [$0.path, "-std=c++17", "-O1", "-o", program, sourceFile],
                    run: [program])
            }
        }
    }
}
