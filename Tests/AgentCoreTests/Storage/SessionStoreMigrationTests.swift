import Testing

@testable import AgentCore

@Suite struct SessionStoreMigrationTests {
    /// A database written by schema version 1 (no titles, no reasoning) opens with its history intact.
    @Test func upgradesAVersion1Database() async throws {
        let directory = try StorageTestDirectory()
        let path = directory.file("v1.sqlite")
        do {
            let database = try SQLiteDatabase(path: path)
            try database.migrate(SessionSchema.migrations, upTo: 1)
            try database.execute(
                """
                INSERT INTO sessions VALUES ('old', 'coding', 10, 20);
                INSERT INTO messages (session_id, position, role, content, created_at)
                    VALUES ('old', 0, 'system', 'rules', 10), ('old', 1, 'user', 'Rename foo
                to bar', 10);
                INSERT INTO messages (session_id, position, role, tool_calls, agent, created_at)
                    VALUES ('old', 2, 'assistant', '[{"id":"c1","type":"function","function":{"name":"rename","arguments":"{}"}}]', 'coding', 20);
                INSERT INTO sessions VALUES ('parts', NULL, 30, 30);
                INSERT INTO messages (session_id, position, role, content_parts, created_at)
                    VALUES ('parts', 0, 'user', '[{"type":"image_url","image_url":{"url":"data:,"}},{"type":"text","text":"Describe"}]', 30);
                """)
        }
        let store = try SessionStore(path: path)
        let sessions = try await store.sessions()
        #expect(sessions.map(\.id) == ["parts", "old"])
        #expect(sessions.map(\.title) == ["Describe", "Rename foo"])
        #expect(sessions[1].messageCount == 3)
        #expect(try await store.activeAgent(session: "old") == "coding")
        #expect(
            try await store.messages(session: "old") == [
                .system("rules"), .user("Rename foo\nto bar"),
                .assistant(nil, toolCalls: [ToolCall(id: "c1", name: "rename", arguments: "{}")], agent: "coding"),
            ])
        let version = try SQLiteDatabase(path: path).userVersion()
        #expect(version == SessionSchema.migrations.count)
    }
}
