import AgentCore
import Testing

@testable import CodingAgent

/// Inputs the shell fuzz target and its differential driver (`make fuzz`, against `shfmt --to-json`) found,
/// each now refused as bash or shfmt refuses it.
@Suite struct ShellFuzzRegressionTests {
    let validator = CommandValidator(workspaceRoot: "/nonexistent/spark-fuzz-workspace")

    /// `[[ ]]` was taken apart word by word, whatever was inside: the validator allowed
    /// `if [[ -f  [[ -f a a ]]; then (cd sub && make) ; fi`, which bash refuses ("syntax error in conditional
    /// expression"), so what it checked was not what bash would have parsed.
    @Test func malformedConditionalExpressionsAreRefused() {
        for text in [
            "if [[ -f  [[ -f a a ]]; then (cd sub && make) ; fi", "[[ ///////-& ! ]]", "[[ a ; b ]]", "[[ ]]",
            "[[ -f a == b ]]", "[[ a == ]]", "[[ ( a ]]", "[[ a =~ ) ]]", "[[ a b ]]", "[[ ! ]]",
        ] {
            #expect(throws: ShellSyntaxError.self, "\(text)") { try ShellParser.parse(text) }
            #expect(!validator.validate(text).isAllowed, "\(text)")
        }
    }

    @Test func wellFormedConditionalExpressionsStillParse() throws {
        for text in [
            "[[ -f a ]]", "[[ a ]]", "[[ -f ]]", "[[ ! -d b && ( x == y || $z != w ) ]]", "[[ a < b ]]",
            "[[ $v =~ ^(a|b)+$ ]]", "[[ -n $(ls) ]]", "[[ a -nt b ]] > out", "[[ a &&\n b ]]",
        ] {
            #expect(throws: Never.self, "\(text)") { try ShellParser.parse(text) }
        }
        #expect(validator.validate("[[ -f a.txt && ! -d b ]] && echo yes").isAllowed)
        #expect(!validator.validate("[[ -n $(sudo id) ]]").isAllowed)
    }

    /// `! ! cmd` and `${(}`: bash parses both (the second fails when it runs), shfmt refuses both; refused.
    @Test func doubleNegationAndBadSubstitutionsAreRefused() {
        for text in ["! ! true", " -& ! ! \\] t4h,dt4h,d ", "fo n}|*${(}h", "echo ${}", "echo \"${ x}\""] {
            #expect(throws: ShellSyntaxError.self, "\(text)") { try ShellParser.parse(text) }
        }
        #expect(throws: Never.self) { try ShellParser.parse("! true; echo ${#x} ${!y} ${1} ${@} ${x:-a}") }
    }
}
