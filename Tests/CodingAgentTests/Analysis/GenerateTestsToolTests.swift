import AgentCore
import CodingAgent
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@Suite struct GenerateTestsToolTests {
    let tool = GenerateTestsTool()

    static let python = """
        import asyncio


        def add(a: int, b: int = 0) -> int:
            return a + b


        def parse(text: str, strict: bool = False) -> dict:
            if not text:
                raise ValueError("empty")
            return {}


        async def fetch(url):
            await asyncio.sleep(0)
            return url


        class Account:
            def __init__(self, owner: str, balance: float = 0.0):
                self.owner = owner
                self.balance = balance

            def deposit(self, amount: float) -> float:
                self.balance += amount
                return self.balance

            def _audit(self):
                pass


        def _helper():
            pass
        """

    @Test func pytestSkeletonCoversPublicFunctionsAndParses() async throws {
        let result = try await AnalysisTestSupport.run(tool, ["code": .string(Self.python), "language": "python"])
        #expect(!result.isError)
        let skeleton = try #require(result.value?["skeleton"]?.stringValue)
        #expect(result.value?["functions"] == ["add", "parse", "fetch", "Account.deposit"])
        #expect(skeleton.contains("def test_add_returns_expected_result():"))
        #expect(skeleton.contains("result = add(a=1, b=1)"))
        #expect(skeleton.contains("pytest.param(0, 0, ..., id=\"a zero, b zero\")"))
        #expect(skeleton.contains("with pytest.raises(ValueError):"))
        #expect(skeleton.contains("asyncio.run(fetch(url=...))"))
        #expect(skeleton.contains("instance = Account(owner=\"hello\", balance=1.5)"))
        #expect(!skeleton.contains("_audit") && !skeleton.contains("_helper"))
        if AnalysisTestSupport.has("python3") {
            try await Self.expectPythonCompiles(skeleton)
        }
    }

    @Test func unittestSkeletonParses() async throws {
        let result = try await AnalysisTestSupport.run(
            tool, ["code": .string(Self.python), "language": "python", "framework": "unittest"])
        let skeleton = try #require(result.value?["skeleton"]?.stringValue)
        #expect(skeleton.contains("class AccountTest(unittest.TestCase):"))
        #expect(skeleton.contains("self.assertRaises(ValueError)"))
        if AnalysisTestSupport.has("python3") {
            try await Self.expectPythonCompiles(skeleton)
        }
    }

    /// `python3 -m py_compile` on the generated file: the skeleton must be valid Python.
    static func expectPythonCompiles(_ source: String) async throws {
        let directory = try AnalysisTestSupport.emptyDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = "\(directory)/test_generated.py"
        try Data(source.utf8).write(to: URL(fileURLWithPath: file))
        let report = await CodeAnalyzer().analyze(source, language: .python)
        #expect(!report.hasSyntaxErrors, "\(report.findings)")
        let status = try await AnalysisTestSupport.runProcess("python3", ["-m", "py_compile", file])
        #expect(status == 0)
    }

    @Test func swiftTestingAndXCTestSkeletons() async throws {
        let code = """
            public struct Parser {
                public init(strict: Bool) {}
                public func parse(_ text: String, limit: Int) throws -> [String] { [] }
            }
            public func slugify(_ title: String) -> String { title }
            """
        let testing = try await AnalysisTestSupport.run(tool, ["code": .string(code), "language": "swift"])
        let skeleton = try #require(testing.value?["skeleton"]?.stringValue)
        #expect(skeleton.contains("@Test func parserParseReturnsExpectedResult() throws {"))
        #expect(skeleton.contains("let subject = Parser(strict: true)"))
        #expect(skeleton.contains("let result = try subject.parse(\"hello\", limit: 1)"))
        #expect(skeleton.contains("#expect(throws: (any Error).self)"))
        #expect(skeleton.contains("let result = slugify(\"hello\")"))
        let xctest = try await AnalysisTestSupport.run(
            tool, ["code": .string(code), "language": "swift", "framework": "XCTest"])
        #expect(xctest.value?["skeleton"]?.stringValue?.contains("final class GeneratedTests: XCTestCase {") == true)
    }

    @Test func jestGoJUnitAndCargoSkeletons() async throws {
        let js = try await AnalysisTestSupport.run(
            tool,
            [
                "code": "export function total(items, tax) {\n  return items.length * tax;\n}\n",
                "language": "javascript",
            ])
        let jsSkeleton = try #require(js.value?["skeleton"]?.stringValue)
        #expect(jsSkeleton.contains("import { total } from \"./module-under-test\";"))
        #expect(jsSkeleton.contains("describe(\"total\", () => {"))
        #expect(jsSkeleton.contains("test.each(["))
        if AnalysisTestSupport.has("node") {
            let report = await CodeAnalyzer().analyze(jsSkeleton, language: .javascript)
            #expect(!report.hasSyntaxErrors, "\(report.findings)")
        }

        let go = try await AnalysisTestSupport.run(
            tool,
            [
                "code":
                    "package calc\n\nfunc Divide(a, b int) (int, error) {\n\treturn a / b, nil\n}\n\nfunc helper() {}\n",
                "language": "go", "framework": "go test",
            ])
        let goSkeleton = try #require(go.value?["skeleton"]?.stringValue)
        #expect(goSkeleton.contains("func TestDivide(t *testing.T) {"))
        #expect(goSkeleton.contains("got, err := Divide(tt.a, tt.b)"))
        #expect(goSkeleton.contains("wantErr bool"))
        #expect(!goSkeleton.contains("helper"))

        let java = try await AnalysisTestSupport.run(
            tool,
            [
                "code": "public class Calc {\n    public int add(int a, int b) {\n        return a + b;\n    }\n}\n",
                "language": "java",
            ])
        #expect(java.value?["skeleton"]?.stringValue?.contains("void addReturnsExpectedResult()") == true)

        let rust = try await AnalysisTestSupport.run(
            tool,
            [
                "code":
                    "pub fn parse(s: &str) -> Result<u32, String> {\n    s.parse().map_err(|e| format!(\"{e}\"))\n}\n",
                "language": "rust",
            ])
        let rustSkeleton = try #require(rust.value?["skeleton"]?.stringValue)
        #expect(rustSkeleton.contains("fn parse_returns_expected_result() {"))
        #expect(rustSkeleton.contains("let result = parse(\"hello\").expect(\"should succeed\");"))
        #expect(rustSkeleton.contains(".is_err()"))
    }

    @Test func wrongFrameworkIsAnError() async throws {
        let result = try await AnalysisTestSupport.run(
            tool, ["code": "def f(): pass", "language": "python", "framework": "jest"])
        #expect(result.isError)
        #expect(result.content.contains("use pytest"))
        let unknown = try await AnalysisTestSupport.run(
            tool, ["code": "def f(): pass", "language": "python", "framework": "nose"])
        #expect(unknown.isError && unknown.content.contains("unknown framework"))
    }
}
