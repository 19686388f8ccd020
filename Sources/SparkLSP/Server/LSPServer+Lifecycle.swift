import SparkJSON

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension LSPServer {
    /// `initialize` and `shutdown` run inline, so that the messages after them see the new state.
    func runLifecycleRequest(id: RequestID, method: String, params: JSONValue) async {
        do {
            switch method {
            case InitializeRequest.method:
                let params = try MessageCoding.decodeParams(InitializeRequest.self, from: params)
                let result = await initialize(params)
                context.connection.reply(to: id, result: result)
            default:
                context.updateState { $0.lifecycle = .shutDown }
                context.connection.reply(to: id, result: VoidResponse())
            }
        } catch {
            context.connection.reply(to: id, error: ResponseError(error))
        }
    }

    private func initialize(_ params: InitializeRequest) async -> InitializeResult {
        let encoding: PositionEncoding = params.capabilities.positionEncodings.contains("utf-8") ? .utf8 : .utf16
        await context.documents.setEncoding(encoding)
        context.updateState { state in
            state.lifecycle = .initialized
            state.clientCapabilities = params.capabilities
            state.clientInfo = params.clientInfo
            state.positionEncoding = encoding
            state.rootURI = params.rootUri ?? params.rootPath.map(FileURI.uri(fromPath:))
            state.workspaceFolders = params.workspaceFolders ?? []
            state.initializationOptions = params.initializationOptions
            state.trace = params.trace ?? .off
        }
        context.logger.info(
            "Initialized by \(params.clientInfo?.name ?? "an unnamed client"), position encoding \(encoding.rawValue)")
        let configuration = context.configuration
        let capabilities = ServerCapabilities(
            positionEncoding: encoding,
            textDocumentSync: TextDocumentSyncOptions(
                openClose: true, change: .incremental, save: SaveOptions(includeText: false)),
            codeActionProvider: CodeActionOptions(
                codeActionKinds: configuration.codeActionKinds, resolveProvider: true),
            executeCommandProvider: ExecuteCommandOptions(commands: configuration.executeCommands),
            workspace: WorkspaceServerCapabilities(
                workspaceFolders: WorkspaceFoldersServerCapabilities(supported: true, changeNotifications: true)))
        return InitializeResult(
            capabilities: capabilities, serverInfo: ServerInfo(name: configuration.name, version: configuration.version)
        )
    }
}
