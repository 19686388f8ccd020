import AgentCore
import CodingAgent

/// Where an `image_path` argument leads: a workspace file (confined as the coding tools confine paths: `..`
/// out, absolute paths outside and symbolic links out are refused) or an attached image in the data
/// directory's store (`attachment:<sha256>.<ext>`, see `ImageAttachment`).
///
/// The workspace is resolved when an image is opened, not when the agent is built: every run builds every
/// agent, and most runs never open an image.
struct ImageLocator: Sendable {
    /// The workspace folder, as configured.
    let workspacePath: String
    /// The attachment store's directory (`<data>/images`).
    let attachments: String

    /// The workspace folder, resolved (created when missing).
    func workspace() throws(ImageError) -> WorkspaceRoot {
        do {
            return try WorkspaceRoot(path: workspacePath)
        } catch {
            throw ImageError(error.reason, isRefusal: error.isRefusal)
        }
    }

    /// Opens the image `path` names.
    func open(_ path: String) throws(ImageError) -> ImageFile {
        if path.hasPrefix(ImageAttachment.scheme) {
            guard let name = ImageAttachment.fileName(of: path) else {
                throw ImageError("\(path) is not an attachment reference (attachment:<sha256>.<ext>)", isRefusal: true)
            }
            return try ImageFile(root: attachments, components: [name], shownAs: path)
        }
        let workspace = try workspace()
        let resolved = try resolve(path, in: workspace)
        return try ImageFile(root: workspace.path, components: resolved.components, shownAs: resolved.relative)
    }

    /// The workspace path `path` names, refused when it leads outside or into a protected folder.
    func resolve(_ path: String, in workspace: WorkspaceRoot) throws(ImageError) -> WorkspacePath {
        let resolved: WorkspacePath
        do {
            resolved = try workspace.resolve(path)
        } catch {
            throw ImageError(error.reason, isRefusal: error.isRefusal)
        }
        if let refusal = ProtectedPaths.readRefusal(for: resolved.components) {
            throw ImageError(refusal, isRefusal: true)
        }
        return resolved
    }
}
