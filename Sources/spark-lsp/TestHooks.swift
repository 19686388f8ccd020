#if DEBUG
    import SparkLSP

    #if canImport(Glibc)
        import Glibc
    #elseif canImport(Darwin)
        import Darwin
    #endif

    /// Hooks for end-to-end tests only; deliberately not in `--help`, and compiled only
    /// into debug builds (the ones the tests run), so the release binary has neither the
    /// environment lookup nor the hooks behind it.
    enum TestHooks {
        /// `SPARK_LSP_TEST_DROP_DIDCHANGE=n` makes the server drop the n-th `didChange`, so the
        /// Neovim test can prove that it notices a server losing an edit.
        static func dropDidChangeNumber() -> Int? {
            guard let value = getenv("SPARK_LSP_TEST_DROP_DIDCHANGE") else { return nil }
            return Int(String(cString: value))
        }

        /// `SPARK_LSP_TEST_WRITER_LIMITS=<bytes>,<frames>,<stall ms>` shrinks the writer's queue, so the
        /// back-pressure test sees notifications dropped after a short stall.
        static func writerLimits() -> WriterLimits? {
            guard let value = getenv("SPARK_LSP_TEST_WRITER_LIMITS") else { return nil }
            let numbers = String(cString: value).split(separator: ",").compactMap { Int($0) }
            guard numbers.count == 3 else { return nil }
            return WriterLimits(
                queuedBytes: numbers[0], queuedFrames: numbers[1], stallLimit: .milliseconds(numbers[2]))
        }
    }
#endif
