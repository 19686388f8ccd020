/// How an `LSPServer` presents itself and its limits.
public struct ServerConfiguration: Sendable {
    /// `serverInfo.name`.
    public var name = "spark-lsp"
    /// `serverInfo.version`.
    public var version = sparkLSPVersion
    /// Frames larger than this are refused without being buffered.
    public var maximumFrameLength = FrameParser.defaultMaximumFrameLength
    /// The commands `executeCommandProvider` lists.
    public var executeCommands = ["spark.codeAction", "spark.chat", "spark.index"]
    /// The kinds `codeActionProvider` lists.
    public var codeActionKinds: [CodeActionKind] = [.quickFix, .refactorRewrite]
    /// How long server-to-client requests wait for the client's response.
    public var clientRequestTimeout: Duration = .seconds(60)
    /// How much the writer queues for a client that does not read before it drops droppable notifications,
    /// and how long the exit path waits for queued frames.
    public var writerLimits = WriterLimits()
    #if DEBUG
        /// Test hook, debug builds only: drop the n-th (1-based) `didChange` so that tests
        /// can prove they notice a server that loses an edit.
        package var dropDidChangeNumber: Int?
    #endif

    public init() {}
}
