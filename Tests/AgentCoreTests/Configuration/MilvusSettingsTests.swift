import AgentCore
import Testing

/// `MILVUS_HOST` / `MILVUS_PORT` / `MILVUS_TOKEN` and `knowledgeBase.milvus` choose the Milvus server.
@Suite struct MilvusSettingsTests {
    @Test func noHostMeansNoMilvus() throws {
        let configuration = try SparkConfiguration.load(environment: ["MILVUS_PORT": "19531"])
        #expect(configuration.milvus.baseURL == nil)
        #expect(configuration.milvus.port == 19531)
    }

    @Test func theEnvironmentNamesHostPortAndToken() throws {
        let configuration = try SparkConfiguration.load(environment: [
            "MILVUS_HOST": "milvus.internal", "MILVUS_PORT": "19540", "MILVUS_TOKEN": "root:Milvus",
        ])
        #expect(configuration.milvus.baseURL == "http://milvus.internal:19540")
        #expect(configuration.milvus.token == "root:Milvus")
        #expect(try SparkConfiguration.load(environment: ["MILVUS_HOST": "::1"]).milvus.baseURL == "http://[::1]:19530")
        #expect(
            try SparkConfiguration.load(environment: ["MILVUS_HOST": "https://cloud.example/"]).milvus.baseURL
                == "https://cloud.example")
    }

    @Test func aBadPortNamesItsVariable() {
        for text in ["0", "65536", "port"] {
            #expect {
                try SparkConfiguration.load(environment: ["MILVUS_HOST": "h", "MILVUS_PORT": text])
            } throws: { error in
                "\(error)".contains("MILVUS_PORT")
            }
        }
    }

    @Test func theFileAndTheEditorSetIt() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write(
            #"{"knowledgeBase": {"milvus": {"host": "10.0.0.5", "port": 19600}}}"#, to: "config.json")
        let fromFile = try SparkConfiguration.load(configFile: file, environment: [:])
        #expect(fromFile.milvus.baseURL == "http://10.0.0.5:19600")
        // The environment wins over the file; a port alone changes the file's host's port.
        #expect(
            try SparkConfiguration.load(configFile: file, environment: ["MILVUS_PORT": "1"]).milvus.baseURL
                == "http://10.0.0.5:1")
        let edited = try fromFile.applying(editorSettings: ["knowledgeBase": ["milvus": ["host": "editor-host"]]])
        #expect(edited.milvus.baseURL == "http://editor-host:19600")

        let typo = try directory.write(#"{"knowledgeBase": {"milvus": {"hots": "x"}}}"#, to: "typo.json")
        #expect {
            try SparkConfiguration.load(configFile: typo, environment: [:])
        } throws: { error in
            "\(error)".contains("knowledgeBase.milvus.hots")
        }
    }

    /// Vectors of the user's documents go to the Milvus host: a workspace's own file may not pick it.
    @Test func anUntrustedWorkspaceFileCannotChooseTheHost() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try directory.write(
            #"{"knowledgeBase": {"milvus": {"host": "10.9.9.9", "port": 1, "token": "t"}}}"#, to: ".spark/config.json")
        let trust = WorkspaceTrust(file: directory.path + "/user/trusted-workspaces.json")
        let untrusted = try SparkConfiguration.load(workspace: directory.path, environment: [:], trust: trust)
        #expect(untrusted.milvus.baseURL == nil && untrusted.milvus.token == nil)
        #expect(untrusted.untrusted?.ignored == ["knowledgeBase.milvus.host", "knowledgeBase.milvus.token"])
    }
}
