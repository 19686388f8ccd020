import AgentCore
import CodingAgent
import Testing

/// Ordinary development commands must pass.
@Suite struct CommandValidatorAllowedTests {
    static let validator = CommandValidator(workspaceRoot: "/work/space")

    static let allowed: [String] = [
        "ls -la",
        "ls -la | grep foo | wc -l",
        "cat README.md",
        "grep -rn \"TODO\" Sources --include='*.swift'",
        "rg -n 'fn main' src",
        "find . -name '*.py' -not -path './.git/*'",
        "find . -name '*.pyc' -delete",
        "find . -type f -exec wc -l {} +",
        "sort data.txt | uniq -c | sort -rn | head -20",
        "diff -u a.txt b.txt",
        "git status && git diff --stat",
        "git log --oneline -n 5",
        "python3 -c 'print(1 + 1)'",
        "python3 script.py > out.txt 2>&1",
        "node index.js",
        "npm test",
        "swift build 2>&1 | tail -30",
        "cargo test --quiet",
        "go test ./...",
        "make -j2",
        "pytest -q tests/",
        "echo \"hello world\" > notes.txt",
        "printf '%s\\n' a b c >> list.txt",
        "sed -n '1,20p' main.c",
        "awk '{ print $1 }' data.txt",
        "mkdir -p build/out && touch build/out/.keep",
        "cp a.txt b.txt && mv b.txt c.txt",
        "rm -f c.txt",
        "rm -rf build",
        "rm -rf ./build/*",
        "rm -rf /tmp/scratch-123",
        "cd src && ls",
        "cd /work/space/src && ls",
        "(cd src && make)",
        "{ echo a; echo b; } > both.txt",
        "if [ -f x ]; then echo yes; else echo no; fi",
        "for f in *.txt; do wc -l \"$f\"; done",
        "while read -r line; do echo \"$line\"; done < input.txt",
        "[[ -d src && -f Package.swift ]] && echo ok",
        "echo $(ls | wc -l) files",
        "echo \"count: $(grep -c x file.txt)\"",
        "echo $((1 + 2))",
        "X=1 Y=2 env | sort",
        "FOO=bar python3 -c 'import os; print(os.environ[\"FOO\"])'",
        "ls 2>/dev/null || true",
        "ls > /dev/null 2>&1",
        "cat <<'EOF' > config.json\n{\"a\": 1}\nEOF",
        "timeout 5 python3 slow.py",
        "xargs -n 1 echo < list.txt",
        "bash -c 'echo nested && ls'",
        "sleep 1 & wait",
        "echo done # a comment",
        "ls \\\n  -la",
        "chmod +x run.sh",
        "tar czf out.tgz src",
        "awk -F'|' '{ print $2 > \"out.txt\" }' data.txt",
        "awk '$1 == \"x\" || $2 > 3 { n++ } END { print n }' data.txt",
        "git config user.email dev@example.com",
        "git config --get remote.origin.url",
        "rg -n --glob '*.swift' pattern",
        "echo 'it''s'; echo \"a \\\"quoted\\\" word\"",
        "/usr/bin/env python3 --version",
        "command -v python3",
        "tee log.txt < input.txt",
    ]

    @Test(arguments: allowed)
    func passes(_ command: String) {
        #expect(Self.validator.validate(command) == .allowed, "\(command)")
    }

    @Test func allowlistIsConfigurable() {
        let narrow = CommandValidator(policy: CommandPolicy(allowedPrograms: ["echo"]), workspaceRoot: "/w")
        #expect(narrow.validate("echo hi") == .allowed)
        #expect(narrow.validate("ls").reason?.contains("`ls` is not an allowed program") == true)
        #expect(narrow.validate("echo $(ls)").reason?.contains("`ls`") == true)
    }
}
