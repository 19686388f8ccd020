import AgentCore
import KnowledgeAgent
import SparkTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct IncrementalIndexingTests {
    @Test func unchangedTreeDoesNoWorkAndEditsDeletesRenamesAreFollowed() async throws {
        let fixture = try KnowledgeFixture()
        defer { fixture.cleanUp() }
        try fixture.writeLoggingDocs()
        let index = try fixture.index()
        let first = try await index.index(roots: [fixture.root])
        #expect(first.files == 3 && first.indexed == 3 && first.chunks > 3)

        let again = try await index.index(roots: [fixture.root])
        #expect(again.indexed == 0 && again.unchanged == 3 && again.chunks == 0 && again.removed == 0)

        try fixture.write("logging.md", "# Logging\n\nRotation keeps seven files of history.\n")
        let edited = try await index.index(roots: [fixture.root])
        #expect(edited.indexed == 1 && edited.unchanged == 2)
        #expect(try await index.search("rotation history", limit: 3).first?.chunk.path == "logging.md")
        #expect(try await index.search("handler destination syslog", limit: 3).isEmpty)

        let installID = try #require(try await index.search("unpack archive", limit: 1).first?.chunk.documentID)
        try fixture.move("guide/install.md", "guide/setup.md")
        let renamed = try await index.index(roots: [fixture.root])
        #expect(renamed.moved == 1 && renamed.indexed == 0 && renamed.removed == 0)
        let moved = try #require(try await index.search("unpack archive", limit: 1).first)
        #expect(moved.chunk.path == "guide/setup.md")
        #expect(moved.chunk.documentID == installID, "a moved file keeps its document, chunks and vectors")

        try fixture.remove("Sources/Cache.swift")
        let deleted = try await index.index(roots: [fixture.root])
        #expect(deleted.removed == 1)
        #expect(try await index.search("evict pages deadline", limit: 3).isEmpty)
        let statistics = try await index.base.statistics()
        #expect(statistics.documents == 2)
    }

    /// A guide of three sections too long to share a chunk, each with passages, and the texts the model is sent.
    private struct EmbeddedGuide {
        let fixture: KnowledgeFixture
        let server: ScriptedModelServer
        let store = MemoryVectorStore()

        init(_ fixture: KnowledgeFixture) throws {
            self.fixture = fixture
            server = try BagOfWords.server()
            try write(levels: "Debug, info and error.")
        }

        func write(levels: String) throws {
            func section(_ title: String, _ sentence: String) -> String {
                "## \(title)\n\n" + String(repeating: sentence + " ", count: 800 / sentence.count) + "\n\n"
            }
            try fixture.write(
                "guide.md",
                "# Guide\n\n" + section("Install", "Unpack the archive in your home folder.")
                    + section("Rotation", "Rotated files keep their history for a week.")
                    + section("Levels", levels))
        }

        func index() throws -> KnowledgeIndex {
            try fixture.index(embedder: BagOfWords.embedder(server), vectorStore: store)
        }

        /// The texts embedded since the last call, the fingerprint's probe left out.
        func embedded() -> [String] {
            defer { server.forgetRequests() }
            return BagOfWords.embeddedTexts(server)
        }

        /// Whether every chunk has its vector in SQLite and in the store, and the store holds no other.
        func everyChunkHasItsVector(_ index: KnowledgeIndex) async throws -> Bool {
            let statistics = try await index.base.statistics()
            let document = try #require(try await index.base.documents(inRoot: fixture.root)["guide.md"])
            let ids = try await index.base.chunks(document: document.id).map(\.id)
            let similarities = store.similarities(of: ids, to: [Float](repeating: 0.125, count: BagOfWords.dimension))
            let stored = try await store.count()
            return statistics.vectors == statistics.chunks && Set(similarities.keys) == Set(ids) && stored == ids.count
        }
    }

    @Test func anEditEmbedsOnlyTheSectionsItChanged() async throws {
        let fixture = try KnowledgeFixture()
        defer { fixture.cleanUp() }
        let guide = try EmbeddedGuide(fixture)
        let index = try guide.index()
        _ = try await index.index(roots: [fixture.root])
        let first = guide.embedded()
        #expect(first.count > 4, "four sections, and the long one's passages: \(first)")
        #expect(try await guide.everyChunkHasItsVector(index))

        try guide.write(levels: "Debug, info, warning and error.")
        let edited = try await index.index(roots: [fixture.root])
        #expect(edited.indexed == 1)
        let reembedded = guide.embedded()
        // The section, then its passages (the heading's line is one), under the section's title line.
        #expect(reembedded.count == 4 && reembedded.first?.contains("warning") == true)
        #expect(reembedded.allSatisfy { $0.hasPrefix("guide.md › Guide › Levels\n") }, "\(reembedded)")
        #expect(try await guide.everyChunkHasItsVector(index))
        let rotation = try #require(try await index.search("rotated history week", limit: 1).first)
        #expect(rotation.chunk.headings == ["Guide", "Rotation"])
    }

    @Test func documentsCutByAnEarlierChunkingAreCutAgain() async throws {
        let fixture = try KnowledgeFixture()
        defer { fixture.cleanUp() }
        let guide = try EmbeddedGuide(fixture)
        _ = try await guide.index().index(roots: [fixture.root])
        _ = guide.embedded()
        let unchanged = try await guide.index().index(roots: [fixture.root])
        #expect(unchanged.unchanged == 1 && unchanged.indexed == 0)

        // As a release before the chunking was recorded left it: the document is cut again, and its chunks, the
        // same, keep their vectors.
        let database = try SQLiteDatabase(path: fixture.dataDirectory + "/knowledge.sqlite")
        try database.execute("UPDATE documents SET chunking = ''")
        let index = try guide.index()
        let again = try await index.index(roots: [fixture.root])
        #expect(again.indexed == 1 && again.unchanged == 0)
        #expect(guide.embedded().isEmpty)
        #expect(try await guide.everyChunkHasItsVector(index))
        #expect(try await index.index(roots: [fixture.root]).unchanged == 1)

        // Another chunking asked for cuts it again too.
        let windows = try fixture.index(
            embedder: BagOfWords.embedder(guide.server), baseline: BenchmarkBaseline(chunking: .lines(4)))
        #expect(try await windows.index(roots: [fixture.root]).indexed == 1)
        #expect(try await windows.base.chunks(document: 1).allSatisfy { $0.headings.isEmpty })
    }

    @Test func gitignoredFilesAndTheDataDirectoryAreLeftOut() async throws {
        let fixture = try KnowledgeFixture()
        defer { fixture.cleanUp() }
        try fixture.write(".gitignore", "build/\n*.log.md\n")
        try fixture.write("build/out.md", "# Generated\n")
        try fixture.write("debug.log.md", "# Log\n")
        try fixture.write(".spark/notes.md", "# Private\n")
        try fixture.write("kept.md", "# Kept\n\nText.\n")
        let report = try await fixture.index().index(roots: [fixture.root])
        #expect(report.files == 1)
    }

    @Test func badInputIsSkippedWithACountAndTheRestIsIndexed() async throws {
        let fixture = try KnowledgeFixture()
        defer { fixture.cleanUp() }
        try fixture.writeLoggingDocs()
        // A binary with a text extension.
        try fixture.write("blob.txt", "text\u{0}\u{1}\u{2}binary")
        // A 1 GB sparse file: skipped by its size, never read.
        let sparse = open(fixture.root + "/huge.md", O_CREAT | O_WRONLY, 0o644)
        #expect(ftruncate(sparse, 1 << 30) == 0)
        close(sparse)
        // A symbolic link loop and a link to a folder outside.
        #expect(symlink("loop", fixture.root + "/loop") == 0)
        #expect(symlink("/etc", fixture.root + "/etc-link") == 0)
        // A folder nobody may read (root reads it anyway).
        try fixture.write("secret/hidden.md", "# Hidden\n")
        #expect(chmod(fixture.root + "/secret", 0) == 0)
        let report = try await fixture.index().index(roots: [fixture.root, fixture.directory + "/missing"])
        #expect(report.skipped.binary == 1)
        #expect(report.skipped.tooLarge == 1)
        #expect(report.skipped.links == 2)
        if getuid() != 0 { #expect(report.skipped.unreadable == 1) }
        #expect(report.indexed >= 3)
        #expect(report.rootErrors.count == 1 && report.rootErrors[0].contains("missing"))
        #expect(report.summary.contains("1 too large") && report.summary.contains("1 binary"))
    }
}
