import KnowledgeAgent
import Testing

@Suite struct ChunkingTests {
    let chunker = DocumentChunker()

    @Test func markdownSectionsCarryTheirHeadingTrailAndLines() {
        let text = """
            # Logging

            Intro text about logging that is long enough to stand on its own as a section of the page. It says
            what the module does, who should read the page, and where the reference for each function is found,
            so that it forms a chunk of its own. One more line of introduction keeps it well above the size
            under which a section is folded into the next.

            ## Configuration

            ### Handlers

            A handler sends records somewhere.

            ```sh
            # not a heading
            ```

            ## Levels

            Debug and info.
            """
        let chunks = chunker.chunks(of: text, kind: .markdown)
        #expect(chunks.map(\.headings) == [["Logging"], ["Logging", "Configuration", "Handlers"], ["Logging", "Levels"]])
        // The empty `Configuration` heading opens its subsection's chunk; the fenced `#` is no heading.
        #expect(chunks[0].startLine == 1 && chunks[0].endLine == 6)
        #expect(chunks[1].startLine == 8)
        #expect(chunks[1].endLine == 16)
        #expect(chunks[1].text.hasPrefix("## Configuration"))
        #expect(chunks[2].startLine == 18 && chunks[2].endLine == 20)
    }

    @Test func setextAndReStructuredTextTitlesAreHeadings() {
        let long = String(repeating: "A body sentence that makes the section long enough to stand alone. ", count: 4)
        let markdown = chunker.chunks(of: "Title\n=====\n\n\(long)\n\nPart\n----\n\nMore.", kind: .markdown)
        #expect(markdown.map(\.headings) == [["Title"], ["Title", "Part"]])
        let rst = chunker.chunks(
            of: "=====\nGuide\n=====\n\n\(long)\n\nSetup\n-----\n\nRun it.\n", kind: .restructuredText)
        #expect(rst.map(\.headings) == [["Guide"], ["Guide", "Setup"]])
        #expect(rst.first?.startLine == 1)
        // A short introduction opens its first subsection's chunk.
        let short = chunker.chunks(of: "Guide\n=====\n\nIntro.\n\nSetup\n-----\n\nRun it.\n", kind: .restructuredText)
        #expect(short.map(\.headings) == [["Guide", "Setup"]])
        #expect(short.first?.startLine == 1 && short.first?.endLine == 9)
    }

    @Test func htmlHeadingsAndTextWithoutMarkup() {
        let html = """
            <html><head><style>h1 { color: red }</style><script>var x = "<h2>";</script></head>
            <body><h1>Server &amp; Client</h1>
            <p>The server listens on a port and this paragraph is long enough to form a section of its own. It also says how the client connects, which protocols both speak and where the logs go, so it stays a chunk. Timeouts, retries and the size of the connection pool are set in the same file.</p>
            <h2 id="tls">TLS</h2>
            <p>Certificates live in <code>/etc/ssl</code>.</p>
            </body></html>
            """
        let chunks = chunker.chunks(of: html, kind: .html)
        #expect(chunks.last?.headings == ["Server & Client", "TLS"])
        #expect(chunks.last?.text.contains("Certificates live in /etc/ssl.") == true)
        #expect(chunks.allSatisfy { !$0.text.contains("<") && !$0.text.contains("color: red") })
        #expect(chunks.last?.startLine == 4)
    }

    /// Sphinx (and MkDocs) put a permalink anchor, `¶`, in every heading: neither the titles nor the text keep it.
    /// The `<section>` line before the heading is folded into its chunk, which keeps the heading.
    @Test func htmlPermalinkAnchorsAreDropped() {
        let html = """
            <section id="logging-to-a-file">
            <h2>Logging to a file<a class="headerlink" href="#logging-to-a-file" title="Permalink to this heading">¶</a></h2>
            <p>A very common situation is that of recording logging events in a <a href="#files">file</a>.</p>
            </section>
            """
        let chunks = chunker.chunks(of: html, kind: .html)
        #expect(chunks.map(\.headings) == [["Logging to a file"]])
        #expect(chunks.first?.text.contains("¶") == false)
        #expect(chunks.first?.text.contains("events in a file.") == true)
    }

    /// DocBook (Valgrind's manual) opens a heading on one line and breaks its title over the next ones.
    @Test func htmlTitlesBrokenOverLinesReadAsOneLine() {
        let html = """
            <div class="titlepage"><div><div><h3 class="title">
            <a name="mc-manual.syscalls"></a>4.2.3. Use of uninitialised or unaddressable values in system
                   calls</h3></div></div></div>
            <p>Memcheck checks all parameters to system calls.</p>
            """
        let chunks = chunker.chunks(of: html, kind: .html)
        #expect(chunks.map(\.headings) == [["4.2.3. Use of uninitialised or unaddressable values in system calls"]])
    }

    @Test func codeIsCutAtDeclarationsWithTheirComments() {
        let code = """
            import Foundation

            /// A cache.
            struct PageCache {
                var pages: [String: String] = [:]

                /// Drops old pages, a method long enough to stand as its own chunk of code in the index.
                mutating func evict(before deadline: Int) {
                    pages.removeAll()
                    print("evicted every page older than the deadline that the caller gave")
                }
            }

            func render(_ page: String) -> String {
                // Renders the page, with enough text in this body to make it a chunk of its own for the test.
                return page.uppercased() + " rendered by the renderer function of this module"
            }
            """
        let chunks = chunker.chunks(of: code, kind: .code(.swift))
        let evict = try? #require(chunks.first { $0.headings.last?.contains("evict") == true })
        // The type's short header opens its first member's chunk.
        #expect(evict?.startLine == 3)
        #expect(evict?.headings.first == "struct PageCache")
        let render = chunks.first { $0.headings == ["render"] }
        #expect(render?.startLine == 14 && render?.endLine == 17)
    }

    @Test func longSectionsAreWindowsThatOverlap() {
        let paragraph = (1...12).map { "Line \($0) of a paragraph that carries a fair amount of text." }.joined(separator: "\n")
        let text = "# Big\n\n" + (1...6).map { _ in paragraph }.joined(separator: "\n\n")
        let chunks = chunker.chunks(of: text, kind: .markdown)
        #expect(chunks.count > 1)
        #expect(chunks.allSatisfy { $0.text.utf8.count <= 1200 && $0.headings == ["Big"] })
        for (previous, next) in zip(chunks, chunks.dropFirst()) {
            #expect(next.startLine <= previous.endLine + 1, "windows leave no gap")
            #expect(next.startLine > previous.startLine)
        }
        #expect(chunks.last?.endLine == text.split(separator: "\n", omittingEmptySubsequences: false).count)
    }

    @Test func kindsFollowExtensionsAndWellKnownNames() {
        #expect(DocumentKind(fileName: "README") == .text)
        #expect(DocumentKind(fileName: "guide.RST") == .restructuredText)
        #expect(DocumentKind(fileName: "main.py") == .code(.python))
        #expect(DocumentKind(fileName: "photo.png") == nil)
        #expect(DocumentKind(fileName: ".hidden") == nil)
    }
}
