import AgentCore

/// How the indexer's changes to documents reach the store: documents and their chunks replaced, touched, moved
/// or removed, and the vectors of the chunks an edit left alone kept.
extension KnowledgeBase {
    /// Applies `updates` to the documents of `root` in one transaction. A stored document's new chunks that are
    /// the same as old ones (heading trail and text, so the same input to the embedding model) keep those vectors
    /// and passages: an edit re-embeds only the sections it changed.
    func apply(_ updates: [DocumentUpdate], root: String) throws -> AppliedUpdates {
        try database.transaction {
            let rootID = try rootID(root)
            var applied = AppliedUpdates()
            let insertDocument = try database.prepare(
                """
                INSERT INTO documents (root_id, path, kind, size, modified_ns, hash, line_count, chunking)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                ON CONFLICT (root_id, path) DO UPDATE SET kind = excluded.kind, size = excluded.size,
                    modified_ns = excluded.modified_ns, hash = excluded.hash, line_count = excluded.line_count,
                    chunking = excluded.chunking
                RETURNING id
                """)
            let insertChunk = try database.prepare(
                """
                INSERT INTO chunks (document_id, ordinal, path, heading, start_line, end_line, text)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id
                """)
            let keepVector = try database.prepare("INSERT INTO chunk_vectors (chunk_id, vector) VALUES (?1, ?2)")
            let keepPassages = try database.prepare("INSERT INTO passage_vectors (chunk_id, vectors) VALUES (?1, ?2)")
            for update in updates {
                switch update {
                case .store(let file, let chunks):
                    let id =
                        try insertDocument.query([
                            .integer(rootID), .text(file.path), .text(file.kind), .integer(Int64(file.size)),
                            .integer(file.modifiedNanoseconds), .text(file.hash), .integer(Int64(file.lineCount)),
                            .text(file.chunking),
                        ]).first?.int(0) ?? 0
                    var previous = try embeddedChunks(document: Int64(id))
                    applied.removed += try chunkIDs(document: Int64(id))
                    try database.run("DELETE FROM chunks WHERE document_id = ?1", .integer(Int64(id)))
                    for (ordinal, chunk) in chunks.enumerated() {
                        let heading = chunk.headings.joined(separator: KnowledgeChunk.headingSeparator)
                        let chunkID = Int64(
                            try insertChunk.query([
                                .integer(Int64(id)), .integer(Int64(ordinal)), .text(file.path), .text(heading),
                                .integer(Int64(chunk.startLine)), .integer(Int64(chunk.endLine)), .text(chunk.text),
                            ]).first?.int(0) ?? 0)
                        let key = EmbeddedChunkKey(heading: heading, text: chunk.text)
                        guard let same = previous[key]?.popLast() else { continue }
                        try keepVector.run([.integer(chunkID), .blob(same.vector)])
                        if let passages = same.passages { try keepPassages.run([.integer(chunkID), .blob(passages)]) }
                        applied.kept.append(ChunkVector(chunkID: chunkID, vector: VectorBlob.floats(of: same.vector)))
                    }
                case .touch(let id, let size, let modified):
                    try database.run(
                        "UPDATE documents SET size = ?2, modified_ns = ?3 WHERE id = ?1", .integer(id),
                        .integer(Int64(size)), .integer(modified))
                case .move(let id, let path, let modified):
                    try database.run(
                        "UPDATE documents SET path = ?2, modified_ns = ?3 WHERE id = ?1", .integer(id), .text(path),
                        .integer(modified))
                    try database.run("UPDATE chunks SET path = ?2 WHERE document_id = ?1", .integer(id), .text(path))
                case .remove(let id):
                    applied.removed += try chunkIDs(document: id)
                    try database.run("DELETE FROM documents WHERE id = ?1", .integer(id))
                }
            }
            return applied
        }
    }

    /// What identifies a chunk's input to the embedding model within its document: its heading trail and text.
    fileprivate struct EmbeddedChunkKey: Hashable {
        var heading: String
        var text: String
    }

    /// A chunk's stored vector and its passages' vectors, as blobs.
    fileprivate typealias StoredVectors = (vector: [UInt8], passages: [UInt8]?)

    /// The stored vectors of the chunks of the document `id` that have one, by heading trail and text.
    fileprivate func embeddedChunks(document id: Int64) throws -> [EmbeddedChunkKey: [StoredVectors]] {
        var result: [EmbeddedChunkKey: [StoredVectors]] = [:]
        for row in try database.query(
            """
            SELECT c.heading, c.text, v.vector, p.vectors FROM chunks c JOIN chunk_vectors v ON v.chunk_id = c.id
            LEFT JOIN passage_vectors p ON p.chunk_id = c.id WHERE c.document_id = ?1 ORDER BY c.ordinal DESC
            """, .integer(id))
        {
            guard let vector = row[2].blobValue else { continue }
            result[EmbeddedChunkKey(heading: try row.string(0), text: try row.string(1)), default: []].append(
                (vector, row[3].blobValue))
        }
        return result
    }

    fileprivate func chunkIDs(document: Int64) throws -> [Int64] {
        try database.query("SELECT id FROM chunks WHERE document_id = ?1", .integer(document)).map {
            Int64(try $0.int(0))
        }
    }
}
