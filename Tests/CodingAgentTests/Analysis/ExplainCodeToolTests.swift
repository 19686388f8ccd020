import AgentCore
import CodingAgent
import Testing

@Suite struct ExplainCodeToolTests {
    let analyzer = CodeAnalyzer()

    static let python = """
        import os
        from pathlib import Path


        class Store:
            def __init__(self, root):
                self.root = root

            def load(self, name):
                path = self.path_for(name)
                if path.exists() and path.is_file():
                    return path.read_text()
                return None

            def path_for(self, name):
                return Path(self.root) / name


        def classify(n):
            if n < 0:
                return "negative"
            elif n == 0:
                return "zero"
            for _ in range(3):
                while n > 100:
                    n //= 2
            return "positive" if n else "zero"


        def main():
            store = Store(os.getcwd())
            print(classify(len(store.load("a.txt") or "")))
        """

    @Test func pythonStructureComplexityAndCalls() async throws {
        let (outline, notes) = await analyzer.outline(Self.python, language: .python)
        #expect(notes.isEmpty)
        #expect(outline.imports.map(\.module) == ["os", "pathlib"])
        #expect(outline.types.map(\.name) == ["Store"])
        let byName = Dictionary(uniqueKeysWithValues: outline.functions.map { ($0.qualifiedName, $0) })
        let load = try #require(byName["Store.load"])
        #expect(load.startLine == 9 && load.endLine == 13)
        #expect(load.parameters.map(\.name) == ["self", "name"])
        #expect(load.complexity == 3)  // if + `and`
        let classify = try #require(byName["classify"])
        #expect(classify.complexity == 6)  // if, elif, for, while, conditional expression
        #expect(byName["main"]?.complexity == 2)  // `or`
        let graph = outline.callGraph
        #expect(graph["Store.load"] == ["path_for"])
        #expect(graph["main"] == ["classify", "load"])
        #expect(outline.callers(of: "classify") == ["main"])
    }

    @Test func swiftStructureFromTheBraceParser() async throws {
        let code = """
            import Foundation

            /// A counter.
            public struct Counter: Sendable {
                private var value = 0

                public mutating func add(_ amount: Int, times: Int = 1) -> Int {
                    for _ in 0..<times {
                        if amount > 0 && value < 100 {
                            value += amount
                        }
                    }
                    return total()
                }

                func total() -> Int { value }
            }

            func run() throws {
                var counter = Counter()
                _ = counter.add(2)
            }
            """
        let (outline, _) = await analyzer.outline(code, language: .swift)
        #expect(outline.imports.map(\.module) == ["Foundation"])
        #expect(outline.types.first?.name == "Counter")
        #expect(outline.types.first?.endLine == 17)
        let add = try #require(outline.functions.first { $0.name == "add" })
        #expect(add.container == "Counter")
        #expect(add.startLine == 7 && add.endLine == 14)
        #expect(add.parameters.map(\.label) == ["_", nil])
        #expect(add.parameters.map(\.name) == ["amount", "times"])
        #expect(add.parameters.last?.defaultValue == "1")
        #expect(add.returnType == "Int")
        #expect(add.complexity == 4)  // for, if, &&
        #expect(add.maxNesting == 2)
        #expect(outline.functions.first { $0.name == "run" }?.canThrow == true)
        #expect(outline.callGraph["Counter.add"] == ["total"])
        #expect(outline.callGraph["run"] == ["add"])
    }

    @Test func goJavaScriptRustJavaAndCFunctionsAreFound() async throws {
        let samples: [(SourceLanguage, String, [String])] = [
            (
                .go,
                "package main\n\nimport \"fmt\"\n\ntype Box struct{ n int }\n\nfunc (b *Box) Add(n int) int {\n\treturn b.n + n\n}\n\nfunc main() {\n\tfmt.Println((&Box{}).Add(1))\n}\n",
                ["Box.Add", "main"]
            ),
            (
                .typescript,
                "import fs from 'fs';\n\nexport async function load(path: string): Promise<string> {\n  return fs.promises.readFile(path, 'utf8');\n}\n\nconst twice = (x: number): number => x * 2;\n\nclass Greeter {\n  greet(name) {\n    if (name) { return `hi ${name}`; }\n    return twice(1);\n  }\n}\n",
                ["load", "twice", "Greeter.greet"]
            ),
            (
                .rust,
                "use std::fmt;\n\npub struct P { x: i32 }\n\nimpl P {\n    pub fn new(x: i32) -> Self {\n        P { x }\n    }\n    fn double(&self) -> i32 { self.x * 2 }\n}\n\npub fn run() -> i32 {\n    P::new(1).double()\n}\n",
                ["P.new", "P.double", "run"]
            ),
            (
                .java,
                "import java.util.List;\n\npublic class Calc {\n    public int add(int a, int b) {\n        return a + b;\n    }\n\n    private static String name(List<String> parts) throws Exception {\n        return String.join(\",\", parts);\n    }\n}\n",
                ["Calc.add", "Calc.name"]
            ),
            (
                .c,
                "#include <stdio.h>\n\nstatic int square(int x) {\n    return x * x;\n}\n\nint main(int argc, char **argv) {\n    printf(\"%d\\n\", square(argc));\n    return 0;\n}\n",
                ["square", "main"]
            ),
        ]
        for (language, code, expected) in samples {
            let (outline, _) = await analyzer.outline(code, language: language)
            #expect(outline.functions.map(\.qualifiedName) == expected, "\(language)")
        }
        let (c, _) = await analyzer.outline(samples[4].1, language: .c)
        #expect(c.imports.map(\.module) == ["stdio.h"])
        #expect(c.callGraph["main"] == ["square"])
        #expect(c.functions.first?.isPublic == false)  // static
        let (java, _) = await analyzer.outline(samples[3].1, language: .java)
        #expect(java.functions.last?.canThrow == true)
        #expect(java.functions.first?.parameters.map(\.type) == ["int", "int"])
    }

    @Test func toolTextListsFunctionsAndRelations() async throws {
        let result = try await AnalysisTestSupport.run(
            ExplainCodeTool(analyzer: analyzer), ["code": .string(Self.python), "language": "python"])
        #expect(!result.isError)
        #expect(result.content.contains("- classify(n): lines 19-27 (9 lines), complexity 6"))
        #expect(result.content.contains("- class Store: lines 5-16 (12 lines)"))
        #expect(result.content.contains("- main -> classify, load"))
        #expect(result.content.contains("Entry points (not called from this code): Store.__init__, main"))
        #expect(result.content.contains("Imports:\n- line 1: os"))
    }
}
