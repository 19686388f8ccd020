import AgentCore
import CodingAgent
import Testing

@Suite struct PatternTests {
    @Test func wildcards() {
        #expect(WildcardPattern("*.swift").matches("main.swift"))
        #expect(!WildcardPattern("*.swift").matches("main.swiftx"))
        #expect(WildcardPattern("?ain.*").matches("main.c"))
        #expect(WildcardPattern("?.txt").matches("é.txt"))
        #expect(WildcardPattern("[a-c]x").matches("bx"))
        #expect(!WildcardPattern("[!a-c]x").matches("bx"))
        #expect(WildcardPattern("[^a-c]x").matches("dx"))
        #expect(WildcardPattern(#"\*"#).matches("*"))
        #expect(!WildcardPattern(#"\*"#).matches("a"))
        #expect(WildcardPattern("a*b*c").matches("aXXbYYc"))
        #expect(!WildcardPattern("a*b*c").matches("aXXbYY"))
        #expect(WildcardPattern("[x").matches("[x"))
    }

    @Test func pathGlobs() {
        #expect(PathGlob("**/*.py").matches(path: "a.py"))
        #expect(PathGlob("**/*.py").matches(path: "a/b/c.py"))
        #expect(PathGlob("src/**/test_*.py").matches(path: "src/test_a.py"))
        #expect(PathGlob("src/**/test_*.py").matches(path: "src/x/y/test_a.py"))
        #expect(!PathGlob("src/**/test_*.py").matches(path: "lib/test_a.py"))
        #expect(!PathGlob("*.py").matches(path: "a/b.py"))
        #expect(PathGlob("a/**").matches(path: "a/b/c"))
        #expect(PathGlob("{src,lib}/*.{c,h}").matches(path: "lib/x.h"))
        #expect(!PathGlob("{src,lib}/*.{c,h}").matches(path: "doc/x.h"))
        let glob = PathGlob("src/*/x")
        #expect(glob.canMatchBelow(glob.advance(glob.start, by: "src")))
        #expect(!glob.canMatchBelow(glob.advance(glob.start, by: "docs")))
    }

    @Test func gitignoreRules() {
        var rules = IgnoreRules()
        rules.push(
            gitignore: "# comment\n*.o\n/build\ndocs/*.tmp\nlogs/\n!important.o\n\\#hash\ntrailing   \n", depth: 0)
        #expect(rules.isIgnored(["a.o"], isDirectory: false))
        #expect(rules.isIgnored(["deep", "x", "a.o"], isDirectory: false))
        #expect(!rules.isIgnored(["important.o"], isDirectory: false))
        #expect(rules.isIgnored(["build"], isDirectory: true))
        #expect(!rules.isIgnored(["src", "build"], isDirectory: true))
        #expect(rules.isIgnored(["docs", "a.tmp"], isDirectory: false))
        #expect(!rules.isIgnored(["x", "docs", "a.tmp"], isDirectory: false))
        #expect(rules.isIgnored(["logs"], isDirectory: true))
        #expect(!rules.isIgnored(["logs"], isDirectory: false))
        #expect(rules.isIgnored(["#hash"], isDirectory: false))
        #expect(rules.isIgnored(["trailing"], isDirectory: false))
        #expect(rules.isIgnored([".git"], isDirectory: true))
        #expect(rules.isIgnored(["a", "node_modules"], isDirectory: true))
        #expect(!rules.isIgnored(["node_modules"], isDirectory: false))
        // A nested file overrides its parent and applies below its own directory only.
        rules.push(gitignore: "!keep.o\n/local\n", depth: 1)
        #expect(!rules.isIgnored(["sub", "keep.o"], isDirectory: false))
        #expect(rules.isIgnored(["sub", "other.o"], isDirectory: false))
        #expect(rules.isIgnored(["sub", "local"], isDirectory: false))
        #expect(!rules.isIgnored(["local"], isDirectory: false))
        rules.pop(deeperThan: 0)
        #expect(rules.isIgnored(["sub", "keep.o"], isDirectory: false))
    }

    @Test func walkerAppliesNestedGitignores() throws {
        let workspace = try TestWorkspace()
        workspace.write(".gitignore", "*.tmp\n")
        workspace.write("a/.gitignore", "!keep.tmp\nsecret/\n")
        for path in ["x.tmp", "a/keep.tmp", "a/drop.tmp", "a/secret/s.txt", "a/b/c.txt", "b/keep.tmp"] {
            workspace.write(path, "x")
        }
        var seen: [String] = []
        try WorkspaceWalker(root: workspace.root).walk { entry in
            seen.append(entry.relativePath)
            return true
        }
        #expect(seen == [".gitignore", "a", "a/.gitignore", "a/b", "a/b/c.txt", "a/keep.tmp", "b"])
    }
}

@Suite struct ByteSearchTests {
    @Test func findsNonOverlappingOccurrencesAtEveryPosition() {
        for prefix in 0..<5 {
            let text = String(repeating: "e", count: prefix) + "needle_token and needle_tokenneedle_token"
            let expected = [prefix, prefix + 17, prefix + 29]
            #expect(ByteSearch.offsets(of: "needle_token", in: text) == expected)
        }
        #expect(ByteSearch.offsets(of: "aa", in: "aaaaa") == [0, 2])
        #expect(ByteSearch.offsets(of: "xyz", in: "xy") == [])
        #expect(ByteSearch.offsets(of: "é", in: "café é") == [3, 6])
    }
}
