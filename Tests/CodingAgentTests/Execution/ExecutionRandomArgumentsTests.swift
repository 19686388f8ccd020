import AgentCore
import CodingAgent
import SparkJSON
import SparkTestSupport
import Testing

/// Schema-valid but random arguments: no crash, no hang, always a result.
@Suite(.timeLimit(.minutes(3))) struct ExecutionRandomArgumentsTests {
    static let alphabet = Array("ab xy01()[]{}'\"`$|&;<>\n\\=+-*/.:#~!?,")

    func randomText(_ generator: inout SplitMix64, maximum: Int) -> String {
        let length = Int(generator.next() % UInt64(maximum))
        return String((0..<length).map { _ in Self.alphabet[Int(generator.next() % UInt64(Self.alphabet.count))] })
    }

    @Test func theToolsAnswerEveryRandomCall() async throws {
        let fixture = try ExecutionFixture(sandbox: ExecutionFixture.bwrapWorks ? .automatic : .disabled)
        var generator = SplitMix64(seed: 7)
        let languages: [JSONValue] = ["python", "js", "sh", "c", "cobol", ""]
        for round in 0..<20 {
            let text = JSONValue.string(randomText(&generator, maximum: 30))
            let timeout: JSONValue = [.int(-1), .int(0), .double(0.5), .int(2), .int(1_000_000), .string("x")][
                round % 6]
            let bash = try await fixture.call("bash", ["command": text, "timeout": timeout])
            let code = try await fixture.call(
                "execute_code", ["code": text, "language": languages[round % languages.count], "timeout": timeout])
            let repl = try await fixture.call(
                "python_repl", ["code": text, "reset": .bool(round % 7 == 0), "timeout": timeout])
            for result in [bash, code, repl] {
                #expect(!result.content.isEmpty)
            }
        }
        let alive = try await fixture.call("python_repl", ["code": "6 * 7"])
        #expect(alive.content.hasSuffix("42"), "\(alive.content)")
        await fixture.toolkit.shutdown()
    }
}
