import CCurl

/// `curl_global_init`, run once per process before the first handle is made.
enum CurlRuntime {
    private static let initialized: Bool = spark_curl_global_init_all() == CURLE_OK

    static func initializeOnce() { _ = initialized }
}
