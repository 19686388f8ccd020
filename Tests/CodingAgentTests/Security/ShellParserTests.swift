import AgentCore
import SparkTestSupport
import Testing

@testable import CodingAgent

@Suite struct ShellParserTests {
    /// Every program word the parser finds, in order, including nested substitutions.
    func programs(_ text: String) throws -> [String] {
        try ShellParser.parse(text).flatMap { $0.stages.joined() }.flatMap { command in
            (command.words.first.map { [$0.literal] } ?? []) + (try command.substitutions.flatMap(programs))
        }
    }

    @Test func findsCommandsInEveryConstruct() throws {
        #expect(try programs("a | b || c && d; e & f\ng") == ["a", "b", "c", "d", "e", "f", "g"])
        #expect(try programs("(a; b) | { c; }") == ["a", "b", "c"])
        #expect(try programs("x $(y `z`) \"$(w)\" <(v)") == ["x", "y", "z", "w", "v"])
        #expect(try programs("if a; then b; elif c; then d; else e; fi") == ["a", "b", "c", "d", "e"])
        #expect(try programs("for i in $(a); do b; done; while c; do d; done") == ["a", "b", "c", "d"])
        #expect(try programs("A=$(a) B=1 b") == ["b", "a"])
        #expect(try programs("b > $(a)") == ["b", "a"])
        #expect(try programs("cat <<E\n$(a)\nE\nb") == ["cat", "a", "b"])
        #expect(try programs("cat <<'E'\n$(a)\nE") == ["cat"])
        #expect(try programs("echo $((1 + $(a)))") == ["echo", "a"])
        #expect(try programs("echo $( (a) && (b) )") == ["echo", "a", "b"])
        #expect(try programs("echo ${x:-$(a)}") == ["echo", "a"])
    }

    @Test func quotesAndEscapesAreRemoved() throws {
        let command = try #require(
            ShellParser.parse(#"e'c'"h"o \r\m "a b" 'c d'\ e $'x\ty'"#).first?.stages.first?.first)
        #expect(command.words.map(\.literal) == ["echo", "rm", "a b", "c d e", "x\ty"])
        #expect(command.words.allSatisfy { !$0.hasExpansion })
    }

    @Test func redirectionsAndDescriptorsAreParsed() throws {
        let command = try #require(
            ShellParser.parse("cmd 2>&1 >out.txt 3< in &>>log <<<word").first?.stages.first?.first)
        #expect(command.redirections.map(\.op) == [">&", ">", "<", "&>>", "<<<"])
        #expect(command.redirections.map(\.descriptor) == ["2", nil, "3", nil, nil])
        #expect(command.redirections.map(\.writesFile) == [false, true, false, true, false])
        #expect(command.words.map(\.literal) == ["cmd"])
    }

    @Test func keywordsOnlyCountInCommandPosition() throws {
        #expect(try programs("echo if then fi") == ["echo"])
        #expect(try programs("echo { }") == ["echo"])
    }

    @Test func deepNestingIsRefusedNotOverflowed() {
        let deep = String(repeating: "$(", count: 5000) + String(repeating: ")", count: 5000)
        #expect(throws: ShellSyntaxError.self) { try ShellParser.parse("echo " + deep) }
        let bangs = String(repeating: "! ", count: 20000) + "ls"
        #expect(throws: ShellSyntaxError.self) { try ShellParser.parse(bangs) }
        let parens = String(repeating: "(", count: 20000) + "ls" + String(repeating: ")", count: 20000)
        #expect(throws: ShellSyntaxError.self) { try ShellParser.parse(parens) }
    }

    @Test func randomInputNeverCrashesTheValidator() {
        let validator = CommandValidator(workspaceRoot: "/w")
        let alphabet = Array("ab rm-/\\'\"`$(){}[]|&;<>\n\t*~=#!0123456789cdEOF")
        var generator = SplitMix64(seed: 42)
        for _ in 0..<3000 {
            let length = Int(generator.next() % 40)
            let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            _ = validator.validate(text)
        }
    }
}
