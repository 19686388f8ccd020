#if canImport(Glibc)
    import Glibc
#endif

/// Hooks for negative end-to-end tests only; deliberately not in `--help`.
enum TestHooks {
    /// `SPARK_LSP_TEST_DROP_DIDCHANGE=n` makes the server drop the n-th `didChange`, so the
    /// Neovim test can prove that it notices a server losing an edit.
    static func dropDidChangeNumber() -> Int? {
        guard let value = getenv("SPARK_LSP_TEST_DROP_DIDCHANGE") else { return nil }
        return Int(String(cString: value))
    }

}
