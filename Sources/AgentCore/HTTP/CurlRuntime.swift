import CCurl

/// libcurl, opened with dlopen (and `curl_global_init` run) once per process, when the first handle is made:
/// the binary does not link libcurl, so start-up does not load it and its ~30 dependent libraries.
enum CurlRuntime {
    /// `nil` once libcurl is loaded; otherwise why it could not be (for example, `libcurl.so.4` is missing).
    static let loadFailure: String? = {
        guard spark_curl_load() == 0 else { return nil }
        return "libcurl could not be loaded: \(String(cString: spark_curl_load_error()))"
    }()
}
