import AgentCore
import CodingAgent

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Brings the knowledge base in step with the files under its roots: new and changed files read and chunked,
/// unchanged ones (same size and modification time, or same content hash, and cut with the same chunking) left
/// alone, moved ones carried over with their chunks and vectors, deleted ones removed.
struct KnowledgeIndexer: Sendable {
    let base: KnowledgeBase
    let maxFileSize: Int
    /// How files are cut into chunks (the shipped chunking, or a benchmark baseline's windows).
    var chunking: BenchmarkBaseline.Chunking = .default
    /// Files read and chunked per transaction.
    var batchSize = 256

    /// Indexes the root at `path` (it must exist and be a directory).
    func index(
        root path: String, progress: @escaping @Sendable (IndexProgress) -> Void,
        applied: @escaping @Sendable (AppliedUpdates) async throws -> Void
    ) async throws -> IndexReport {
        var report = IndexReport()
        let root: WorkspaceRoot
        do {
            root = try Self.existingRoot(path)
        } catch {
            report.rootErrors.append("\(path): \(error)")
            return report
        }
        progress(IndexProgress(phase: "scanning", done: 0, total: 0, root: root.path))
        let maxFileSize = maxFileSize
        let chunking = chunking
        let identity = chunking.identity
        let scan = try await BlockingFileWork.run { flag in
            try FileScan.scan(root: root, maxFileSize: maxFileSize, isCancelled: { flag.isCancelled })
        }
        try Task.checkCancellation()
        report.files = scan.files.count
        report.skipped = scan.skipped
        var stored = try await base.documents(inRoot: root.path)
        let present = Set(scan.files.map(\.path))
        var gone: [String: IndexedDocument] = [:]
        for (path, document) in stored where !present.contains(path) { gone[path] = document }
        var goneByHash: [String: [IndexedDocument]] = [:]
        for document in gone.values where document.chunking == identity {
            goneByHash[document.hash, default: []].append(document)
        }
        let changed = scan.files.filter { file in
            guard let document = stored[file.path] else { return true }
            return document.size != file.size || document.modifiedNanoseconds != file.modifiedNanoseconds
                || document.chunking != identity
        }
        report.unchanged = scan.files.count - changed.count
        var done = 0
        for start in stride(from: 0, to: changed.count, by: batchSize) {
            try Task.checkCancellation()
            let batch = Array(changed[start..<min(start + batchSize, changed.count)])
            let prepared = try await BlockingFileWork.run { _ in batch.map { Self.prepare($0, root: root, maxFileSize: maxFileSize, chunking: chunking) } }
            var updates: [DocumentUpdate] = []
            for (file, outcome) in zip(batch, prepared) {
                switch outcome {
                case .skipped(let counts):
                    report.skipped = report.skipped + counts
                    report.files -= 1
                    if let document = stored[file.path] { updates.append(.remove(documentID: document.id)) }
                case .document(let document, let chunks):
                    if let previous = stored[file.path], previous.hash == document.hash, previous.chunking == identity {
                        updates.append(.touch(documentID: previous.id, size: document.size, modifiedNanoseconds: document.modifiedNanoseconds))
                        report.unchanged += 1
                    } else if stored[file.path] == nil, var candidates = goneByHash[document.hash], let moved = candidates.popLast() {
                        goneByHash[document.hash] = candidates
                        gone[moved.path] = nil
                        stored[moved.path] = nil
                        updates.append(.move(documentID: moved.id, to: document.path, modifiedNanoseconds: document.modifiedNanoseconds))
                        report.moved += 1
                    } else {
                        updates.append(.store(document, chunks: chunks))
                        report.indexed += 1
                        report.chunks += chunks.count
                    }
                }
            }
            try await applied(try await base.apply(updates, root: root.path))
            done += batch.count
            progress(IndexProgress(phase: "indexing", done: done, total: changed.count, root: root.path))
        }
        if !gone.isEmpty {
            try await applied(try await base.apply(gone.values.map { .remove(documentID: $0.id) }, root: root.path))
            report.removed = gone.count
        }
        return report
    }

    enum Prepared {
        case document(DocumentFile, [ChunkDraft])
        case skipped(SkipCounts)
    }

    /// Reads, checks, hashes and chunks one file. Blocking.
    static func prepare(
        _ file: ScannedFile, root: WorkspaceRoot, maxFileSize: Int, chunking: BenchmarkBaseline.Chunking = .default
    ) -> Prepared {
        var skipped = SkipCounts()
        let bytes: [UInt8]
        do {
            let read = try SecureFileSystem.readFile(root: root.path, components: file.components, limit: maxFileSize + 1)
            guard read.size <= maxFileSize else {
                skipped.tooLarge = 1
                return .skipped(skipped)
            }
            bytes = read.bytes
        } catch {
            skipped.unreadable = 1
            return .skipped(skipped)
        }
        guard !bytes.prefix(8192).contains(0) else {
            skipped.binary = 1
            return .skipped(skipped)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let chunks: [ChunkDraft]
        switch chunking {
        case .default: chunks = DocumentChunker().chunks(of: text, kind: file.kind)
        case .lines(let size): chunks = FixedLineWindows.chunks(of: text, size: size)
        }
        let lineCount = bytes.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 } + (bytes.last == 0x0A || bytes.isEmpty ? 0 : 1)
        return .document(
            DocumentFile(
                path: file.path, kind: file.kind.name, size: bytes.count, modifiedNanoseconds: file.modifiedNanoseconds,
                hash: ContentHash.of(bytes), lineCount: lineCount, chunking: chunking.identity),
            chunks)
    }

    /// The root at `path`, resolved, without creating it (`WorkspaceRoot` would).
    static func existingRoot(_ path: String) throws -> WorkspaceRoot {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw KnowledgeError("cannot index \(path): \(String(cString: strerror(errno)))")
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw KnowledgeError("cannot index \(path): not a directory") }
        return try WorkspaceRoot(path: path)
    }
}
