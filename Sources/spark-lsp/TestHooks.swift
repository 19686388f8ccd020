#if DEBUG
    #if canImport(Glibc)
        import Glibc
    #elseif canImport(Darwin)
        import Darwin
    #endif

    /// Hooks for negative end-to-end tests only; deliberately not in `--help`, and compiled only
    /// into debug builds (the ones the tests run), so the release binary has neither the
    /// environment lookup nor the hooks behind it.
    enum TestHooks {
        /// `SPARK_LSP_TEST_DROP_DIDCHANGE=n` makes the server drop the n-th `didChange`, so the
        /// Neovim test can prove that it notices a server losing an edit.
        static func dropDidChangeNumber() -> Int? {
            guard let value = getenv("SPARK_LSP_TEST_DROP_DIDCHANGE") else { return nil }
            return Int(String(cString: value))
        }
    }
#endif
