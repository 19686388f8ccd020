/// The schema of the sessions database, as ordered migrations.
///
/// Version 1: sessions and their messages. Version 2: message reasoning text, session titles (filled in from
/// the first user message of existing sessions) and an index for listing sessions by recency. Version 3: the
/// owner of a session a front end with API keys created (the HTTP service), `NULL` for every other.
package enum SessionSchema {
    package static let migrations: [SQLiteMigration] = [
        SQLiteMigration(
            version: 1, name: "sessions and messages",
            sql: """
                CREATE TABLE sessions (
                    id TEXT PRIMARY KEY NOT NULL,
                    active_agent TEXT,
                    created_at REAL NOT NULL,
                    updated_at REAL NOT NULL
                );
                CREATE TABLE messages (
                    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    role TEXT NOT NULL,
                    content TEXT,
                    content_parts TEXT,
                    name TEXT,
                    tool_calls TEXT,
                    tool_call_id TEXT,
                    agent TEXT,
                    created_at REAL NOT NULL,
                    PRIMARY KEY (session_id, position)
                ) WITHOUT ROWID;
                """),
        SQLiteMigration(version: 2, name: "titles and reasoning") { database in
            try database.execute(
                """
                ALTER TABLE messages ADD COLUMN reasoning_content TEXT;
                ALTER TABLE sessions ADD COLUMN title TEXT;
                CREATE INDEX sessions_by_update ON sessions(updated_at);
                """)
            let firstUserMessages = try database.query(
                """
                SELECT m.session_id, \(SessionRow.columns) FROM messages m
                WHERE m.role = 'user' AND m.position = (
                    SELECT min(position) FROM messages WHERE session_id = m.session_id AND role = 'user')
                """)
            let update = try database.prepare("UPDATE sessions SET title = ?1 WHERE id = ?2")
            for row in firstUserMessages {
                let message = try SessionRow.message(from: row, offset: 1, reasoning: false)
                try update.run([SQLiteValue(SessionSummary.title(for: message)), row[0]])
            }
        },
        SQLiteMigration(
            version: 3, name: "session owners",
            sql: "ALTER TABLE sessions ADD COLUMN owner TEXT;"),
    ]
}
