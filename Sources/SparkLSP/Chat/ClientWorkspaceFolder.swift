/// The workspace root the editor gave: the first workspace folder, else `rootUri`.
enum ClientWorkspaceFolder {
    static func path(from state: SessionState) -> String? {
        if let folder = state.workspaceFolders.first, let path = FileURI.path(fromURI: folder.uri) { return path }
        return state.rootURI.flatMap(FileURI.path(fromURI:))
    }
}
