import CCurl

/// One libcurl multi handle with its easy handle; the multi handle keeps the connection cache, so a handle
/// taken again from the pool reuses its open keep-alive connections.
///
/// `@unchecked Sendable`: a handle is used by one transfer thread at a time (the pool hands it out
/// exclusively); only `curl_multi_wakeup`, which libcurl documents as thread-safe, is called from elsewhere.
final class CurlHandle: @unchecked Sendable {
    let easy: UnsafeMutableRawPointer
    let multi: UnsafeMutableRawPointer

    init?() {
        guard CurlRuntime.loadFailure == nil, let easy = spark_curl_easy_init() else { return nil }
        guard let multi = spark_curl_multi_init() else {
            spark_curl_easy_cleanup(easy)
            return nil
        }
        self.easy = easy
        self.multi = multi
    }

    deinit {
        spark_curl_multi_cleanup(multi)
        spark_curl_easy_cleanup(easy)
    }
}
