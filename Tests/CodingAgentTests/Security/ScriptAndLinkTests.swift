import AgentCore
import CodingAgent
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Rules that look at the disk: script contents for `bash FILE`, symbolic links planted in the workspace.
@Suite struct ScriptAndLinkTests {
    let workspace: String

    init() throws {
        workspace = try ExecutionFixture.makeDirectory()
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: workspace + "/" + name))
    }

    @Test func scriptFilesAreCheckedFromDisk() throws {
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        let validator = CommandValidator(workspaceRoot: workspace)
        try write("good.sh", "#!/bin/bash\nset -e\necho building\nmake -j2\n")
        try write("bad.sh", "#!/bin/bash\necho cleaning\nrm -rf ~\n")
        #expect(validator.validate("bash good.sh") == .allowed)
        #expect(validator.validate("sh -e ./good.sh arg") == .allowed)
        #expect(
            validator.validate("bash bad.sh").reason
                == "the script `bad.sh` would be refused: recursive delete in the home directory (`~`) is not allowed")
        #expect(validator.validate("bash missing.sh").reason?.contains("does not exist yet") == true)
        var sandboxed = validator
        sandboxed.policy.checkScriptContents = false
        #expect(sandboxed.validate("bash bad.sh") == .allowed)
        #expect(sandboxed.validate("echo 'rm -rf /' | bash").reason?.contains("standard input") == true)
    }

    @Test func aPlantedSymlinkIsJudgedByWhereItLeads() throws {
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        try FileManager.default.createSymbolicLink(atPath: workspace + "/etc-link", withDestinationPath: "/etc")
        try FileManager.default.createDirectory(atPath: workspace + "/real", withIntermediateDirectories: true)
        let validator = CommandValidator(workspaceRoot: workspace)
        #expect(
            validator.validate("echo x > etc-link/passwd").reason == "redirects output to the system path `/etc/passwd`"
        )
        #expect(validator.validate("rm -rf etc-link/").reason?.contains("outside the workspace (`/etc`)") == true)
        #expect(validator.validate("echo x > real/file.txt") == .allowed)
        #expect(validator.validate("rm -rf real") == .allowed)
    }

    /// Found by the real-vLLM suite (bash without bwrap): `touch LINK` and `> LINK` write through a
    /// link planted in the workspace to the file it leads to, outside.
    @Test func writesThroughALinkToAFileOutsideAreRefused() throws {
        let outside = try ExecutionFixture.makeDirectory()
        defer {
            try? FileManager.default.removeItem(atPath: workspace)
            try? FileManager.default.removeItem(atPath: outside)
        }
        try Data("secret\n".utf8).write(to: URL(fileURLWithPath: outside + "/secret.txt"))
        try FileManager.default.createSymbolicLink(
            atPath: workspace + "/secret-link.txt", withDestinationPath: outside + "/secret.txt")
        try FileManager.default.createSymbolicLink(atPath: workspace + "/outside", withDestinationPath: outside)
        let validator = CommandValidator(workspaceRoot: workspace)
        for command in [
            "touch secret-link.txt", "touch ./secret-link.txt", "echo x > secret-link.txt", "touch outside/secret.txt",
            "cp src secret-link.txt", "tee secret-link.txt", "chmod 777 secret-link.txt", "rm -rf outside/",
        ] {
            #expect(validator.validate(command) != .allowed, "\(command)")
        }
        #expect(validator.validate("cat secret-link.txt") == .allowed)
        // Naming a path under /tmp (an extra writable root) stays allowed: the text shows where it goes.
        #expect(validator.validate("touch \(outside)/secret.txt") == .allowed)
        #expect(validator.validate("echo x > /tmp/scratch-file") == .allowed)
    }
}
