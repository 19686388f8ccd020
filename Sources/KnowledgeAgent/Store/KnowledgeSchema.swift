import AgentCore

/// The schema of `knowledge.sqlite`, as ordered migrations.
///
/// Version 1: the indexed roots; their documents (path relative to the root, size, modification time, content
/// hash); the documents' chunks (heading trail, 1-based inclusive line range, text, and the path again so the
/// full-text index can weigh it); `chunks_fts`, an FTS5 index over path, headings and text kept in step by
/// triggers; chunk vectors as little-endian `Float32` blobs; and `settings` (the embedder identity the vectors
/// come from).
///
/// Version 2: the vectors of long chunks' passages (`EmbeddingPassages`), which the hybrid ranking scores a chunk
/// with: one row a chunk, its passages' vectors one after the other in one blob, so a search reads a candidate's
/// passages with one lookup (a row a passage, in a `WITHOUT ROWID` table, spilled each vector to an overflow page
/// and took 4-8 ms to read 100 candidates' passages). The chunk vectors stored before are dropped, so the next indexing embeds every chunk again with its
/// passages.
///
/// Version 3: each document records the chunking that cut it (`BenchmarkBaseline.Chunking.identity`), so a
/// release that chunks differently, or another chunking asked for, re-chunks the documents cut before; the
/// documents stored before record none, so the next indexing re-chunks them all (keeping the vectors of the
/// chunks that come out the same).
enum KnowledgeSchema {
    static let migrations: [SQLiteMigration] = [
        SQLiteMigration(
            version: 1, name: "documents, chunks, full-text index and vectors",
            sql: """
                CREATE TABLE roots (
                    id INTEGER PRIMARY KEY,
                    path TEXT NOT NULL UNIQUE
                );
                CREATE TABLE documents (
                    id INTEGER PRIMARY KEY,
                    root_id INTEGER NOT NULL REFERENCES roots(id) ON DELETE CASCADE,
                    path TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    modified_ns INTEGER NOT NULL,
                    hash TEXT NOT NULL,
                    line_count INTEGER NOT NULL,
                    UNIQUE (root_id, path)
                );
                CREATE INDEX documents_by_hash ON documents(hash);
                CREATE TABLE chunks (
                    id INTEGER PRIMARY KEY,
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    ordinal INTEGER NOT NULL,
                    path TEXT NOT NULL,
                    heading TEXT NOT NULL,
                    start_line INTEGER NOT NULL,
                    end_line INTEGER NOT NULL,
                    text TEXT NOT NULL
                );
                CREATE INDEX chunks_by_document ON chunks(document_id, ordinal);
                CREATE VIRTUAL TABLE chunks_fts USING fts5(
                    path, heading, text, content = 'chunks', content_rowid = 'id',
                    tokenize = 'porter unicode61 remove_diacritics 2'
                );
                CREATE TRIGGER chunks_fts_insert AFTER INSERT ON chunks BEGIN
                    INSERT INTO chunks_fts (rowid, path, heading, text)
                    VALUES (new.id, new.path, new.heading, new.text);
                END;
                CREATE TRIGGER chunks_fts_delete AFTER DELETE ON chunks BEGIN
                    INSERT INTO chunks_fts (chunks_fts, rowid, path, heading, text)
                    VALUES ('delete', old.id, old.path, old.heading, old.text);
                END;
                CREATE TRIGGER chunks_fts_update AFTER UPDATE ON chunks BEGIN
                    INSERT INTO chunks_fts (chunks_fts, rowid, path, heading, text)
                    VALUES ('delete', old.id, old.path, old.heading, old.text);
                    INSERT INTO chunks_fts (rowid, path, heading, text)
                    VALUES (new.id, new.path, new.heading, new.text);
                END;
                CREATE TABLE chunk_vectors (
                    chunk_id INTEGER PRIMARY KEY REFERENCES chunks(id) ON DELETE CASCADE,
                    vector BLOB NOT NULL
                );
                CREATE TABLE settings (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                );
                """),
        SQLiteMigration(
            version: 2, name: "passage vectors",
            sql: """
                CREATE TABLE passage_vectors (
                    chunk_id INTEGER PRIMARY KEY REFERENCES chunks(id) ON DELETE CASCADE,
                    vectors BLOB NOT NULL
                );
                DELETE FROM chunk_vectors;
                """),
        SQLiteMigration(
            version: 3, name: "the chunking each document was cut with",
            sql: "ALTER TABLE documents ADD COLUMN chunking TEXT NOT NULL DEFAULT '';"),
    ]
}
