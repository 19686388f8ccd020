/// The prompt files embedded at build time (`resources: [.embedInCode("Prompts")]`), by name without `.md`.
///
/// SwiftPM generates one `PackageResources.<file>_md` array per file; adding a prompt file means adding
/// its line here (a test checks that every `PromptName.bundled` prompt is present).
enum EmbeddedPrompts {
    static let files: [String: [UInt8]] = [
        "coding_system": PackageResources.coding_system_md,
        "code_review": PackageResources.code_review_md,
        "feature_development": PackageResources.feature_development_md,
        "code_architecture": PackageResources.code_architecture_md,
        "debugging": PackageResources.debugging_md,
        "supervisor_system": PackageResources.supervisor_system_md,
        "rag_system": PackageResources.rag_system_md,
        "image_system": PackageResources.image_system_md,
    ]
}
