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

/// Divergences from `git check-ignore` the ignore fuzz target's differential driver (`make fuzz`) found; each
/// expectation is git's answer.
@Suite struct GitignoreFuzzRegressionTests {
    func ignored(_ gitignore: String, _ path: String, isDirectory: Bool = false) -> Bool {
        var rules = IgnoreRules()
        rules.push(gitignore: gitignore, depth: 0)
        return rules.isIgnored(path.split(separator: "/").map(String.init), isDirectory: isDirectory)
    }

    /// git's `?` is one byte: it does not match `é` (two bytes), `??` does.
    @Test func questionMarkIsOneByte() {
        #expect(!ignored("?\n", "é"))
        #expect(ignored("??\n", "é"))
        #expect(WildcardPattern("?").matches("é"))  // the glob tool keeps whole characters
    }

    @Test func posixCharacterClasses() {
        #expect(ignored("[[:alpha:]]\n", "a"))
        #expect(!ignored("[[:alpha:]]\n", "1"))
        #expect(ignored("a/[[:digit:]][[:alpha:]]\n", "a/1b"))
        #expect(ignored("[[:alpha]\n", ":"))  // no `:]`: an ordinary set of `[`, `:`, `a`, ...
        #expect(!ignored("[[:foo:]]\n", "f"))  // an unknown class matches nothing
    }

    /// An unclosed `[` or a trailing `\` makes git's matcher give up: the pattern matches nothing.
    @Test func malformedPatternsMatchNothing() {
        #expect(!ignored("[ab\n", "[ab"))
        #expect(!ignored("a\\\n", "a\\"))
        #expect(WildcardPattern("[x").matches("[x"))  // the glob tool reads it literally
    }

    /// One leading and one trailing `/` only: `///**`, `a//b` and `a//` match nothing.
    @Test func onlyOneSlashIsStrippedAtEachEnd() {
        #expect(!ignored("///**\n", "x"))
        #expect(!ignored("a//b\n", "a/b"))
        #expect(!ignored("a//\n", "a", isDirectory: true))
        #expect(ignored("/a/\n", "a", isDirectory: true))
    }

    /// A run of `*` between slashes is `**`: `****/[a-c]` matches `a`.
    @Test func aRunOfStarsIsAnyDepth() {
        #expect(ignored("****/[a-c]\n", "a", isDirectory: true))
        #expect(ignored("x/***/y\n", "x/1/2/y"))
    }

    /// `a/**` matches what is inside `a`, not `a` itself, so `!a/keep` can re-include a file.
    @Test func trailingDoubleStarNeedsAComponentBelow() {
        #expect(!ignored("a/**\n", "a", isDirectory: true))
        #expect(ignored("a/**\n", "a/b"))
        #expect(!ignored("a/**\n!a/keep\n", "a/keep"))
    }

    /// git reads `[*/[a-c]` as one bracket expression, `/` and all: `**[*/[a-c]` is an anchored pattern of one
    /// component that matches `a` (and `\/` separates like `/`).
    @Test func bracketExpressionsSpanSlashes() {
        #expect(ignored("**[*/[a-c]\n", "a", isDirectory: true))
        #expect(ignored("x[/]y/z\n", "x/y/z") == false)
        #expect(ignored("a\\/b\n", "a/b"))
    }

    /// git expands no braces: `/{a,b}` is a literal name.
    @Test func bracesAreLiteral() {
        #expect(!ignored("/{a,b}\n", "a"))
        #expect(ignored("/{a,b}\n", "{a,b}"))
    }

    /// A CRLF file was one line: splitting the `String` at `\n` kept each `\r\n` (one `Character`) whole.
    @Test func crlfLinesAreSplit() {
        #expect(ignored("a\r\nb\r\n", "a"))
        #expect(ignored("a\r\nb\r\n", "b"))
    }

    /// Trailing blanks go unless escaped, as git's `trim_trailing_spaces` decides.
    @Test func trailingBlanks() {
        #expect(ignored("a  \n", "a"))
        #expect(ignored("a\\ \n", "a "))
        #expect(ignored("a\\\\ \n", "a\\"))
    }

    @Test func walkerReadsTheRepositoryExcludes() throws {
        let workspace = try TestWorkspace()
        workspace.write(".git/info/exclude", "*.log\n")
        workspace.write(".gitignore", "!keep.log\n")
        for path in ["a.log", "keep.log", "b.txt"] { workspace.write(path, "x") }
        var seen: [String] = []
        try WorkspaceWalker(root: workspace.root).walk { entry in
            seen.append(entry.relativePath)
            return true
        }
        #expect(seen == [".gitignore", "b.txt", "keep.log"])
    }
}
