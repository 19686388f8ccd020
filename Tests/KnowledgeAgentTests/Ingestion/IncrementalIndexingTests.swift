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
