import CCurl
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One HTTP transfer attempt, run to completion on a dedicated thread by `run(on:)`.
///
/// `@unchecked Sendable`: all mutable state except `cancelled` and `activeHandle` (both behind their own
/// synchronisation) is touched only by the transfer thread, inside `run(on:)` and the libcurl callbacks it
/// drives.
final class CurlTransfer: @unchecked Sendable {
    /// Receives the body of a 2xx response on the transfer thread; returns an error to abort the transfer.
    typealias Consumer = (UnsafeRawBufferPointer) -> (any Error)?
    /// Receives the final response's status and headers on the transfer thread, once they are all in (before its body).
    typealias HeadHandler = (_ status: Int, _ headers: [String: String]) -> Void

    private let spec: HTTPRequestSpec
    private let timeouts: TransportTimeouts
    private let userAgent: String
    private let consumer: Consumer?
    private let onHead: HeadHandler?
    private let cancelled = Atomic<Bool>(false)
    private let activeHandle = Mutex<CurlHandle?>(nil)
    private var outcome = TransferOutcome()
    private var sawFirstByte = false
    private var lastByte = ContinuousClock.now
    private var started = ContinuousClock.now

    init(
        spec: HTTPRequestSpec, timeouts: TransportTimeouts, userAgent: String, consumer: Consumer?,
        onHead: HeadHandler? = nil
    ) {
        self.spec = spec
        self.timeouts = timeouts
        self.userAgent = userAgent
        self.consumer = consumer
        self.onHead = onHead
    }

    /// Aborts the transfer at once, from any thread: wakes the transfer's poll and makes curl's progress
    /// and write callbacks fail.
    func cancel() {
        cancelled.store(true, ordering: .sequentiallyConsistent)
        activeHandle.withLock { handle in
            if let handle { spark_curl_multi_wakeup(handle.multi) }
        }
    }

    /// Performs the transfer on the calling (dedicated) thread.
    func run(on handle: CurlHandle) -> TransferOutcome {
        var headers: UnsafeMutablePointer<curl_slist>?
        for header in spec.headers { headers = spark_curl_slist_append(headers, header) }
        defer { spark_curl_slist_free_all(headers) }
        configure(handle.easy, headers: headers)

        activeHandle.withLock { $0 = handle }
        defer { activeHandle.withLock { $0 = nil } }
        started = .now
        spark_curl_multi_add_handle(handle.multi, handle.easy)
        defer { spark_curl_multi_remove_handle(handle.multi, handle.easy) }
        drive(handle)
        return outcome
    }

    private func configure(_ easy: UnsafeMutableRawPointer, headers: UnsafeMutablePointer<curl_slist>?) {
        spark_curl_easy_reset(easy)
        spark_curl_easy_setopt_string(easy, CURLOPT_URL, spec.url)
        spark_curl_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        spark_curl_easy_setopt_long(easy, CURLOPT_TCP_NODELAY, 1)
        spark_curl_easy_setopt_long(easy, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_1_1))
        spark_curl_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, timeouts.connect.milliseconds)
        spark_curl_easy_setopt_string(easy, CURLOPT_USERAGENT, userAgent)
        spark_curl_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, headers)
        spark_curl_easy_setopt_string(easy, CURLOPT_NOPROXY, Self.noProxy)
        if let body = spec.body {
            spark_curl_easy_setopt_long(easy, CURLOPT_POSTFIELDSIZE, body.count)
            body.withUnsafeBufferPointer { buffer in
                _ = spark_curl_easy_setopt_pointer(
                    easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: buffer.baseAddress))
            }
        }
        if spec.method != "GET" && spec.method != "POST" {
            spark_curl_easy_setopt_string(easy, CURLOPT_CUSTOMREQUEST, spec.method)
        }
        let context = Unmanaged.passUnretained(self).toOpaque()
        spark_curl_easy_setopt_write_function(easy) { data, size, count, context in
            Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue().received(data, size * count)
        }
        spark_curl_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, context)
        spark_curl_easy_setopt_header_function(easy) { data, size, count, context in
            Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue().header(data, size * count)
        }
        spark_curl_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, context)
        spark_curl_easy_setopt_long(easy, CURLOPT_NOPROGRESS, 0)
        spark_curl_easy_setopt_xferinfo_function(easy) { context, _, _, _, _ in
            Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue().isCancelled ? 1 : 0
        }
        spark_curl_easy_setopt_pointer(easy, CURLOPT_XFERINFODATA, context)
    }

    /// Loopback never goes through a proxy from `http_proxy`; the environment's own `no_proxy` list is kept.
    private static let noProxy: String = {
        let loopback = "localhost,127.0.0.1,::1"
        for name in ["no_proxy", "NO_PROXY"] {
            if let value = getenv(name), value.pointee != 0 { return String(cString: value) + "," + loopback }
        }
        return loopback
    }()

    private var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    /// Runs the multi handle until the transfer is done, cancelled or timed out.
    private func drive(_ handle: CurlHandle) {
        while true {
            var running: Int32 = 0
            spark_curl_multi_perform(handle.multi, &running)
            var result = CURLE_OK
            if spark_curl_multi_done_result(handle.multi, handle.easy, &result) != 0 {
                finish(result, handle)
                return
            }
            if isCancelled {
                outcome.abort = .cancelled
                return
            }
            let now = ContinuousClock.now
            let deadline: ContinuousClock.Instant
            if sawFirstByte {
                deadline = lastByte + timeouts.idle
                if now >= deadline {
                    outcome.abort = .idleTimeout
                    return
                }
            } else {
                deadline = started + timeouts.firstByte
                if now >= deadline {
                    outcome.abort = .firstByteTimeout
                    return
                }
            }
            let wait = min(deadline - now, .seconds(1)).milliseconds + 1
            spark_curl_multi_poll(handle.multi, Int32(wait))
        }
    }

    private func finish(_ result: CURLcode, _ handle: CurlHandle) {
        if case .consumer = outcome.abort { return }
        if isCancelled {
            outcome.abort = .cancelled
            return
        }
        outcome.curlCode = result
        if result != CURLE_OK { outcome.curlMessage = String(cString: spark_curl_easy_strerror(result)) }
    }

    private func header(_ data: UnsafeMutablePointer<CChar>?, _ length: Int) -> Int {
        if isCancelled { return 0 }
        guard let data else { return length }
        let line = String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            // A status line, also of an interim 1xx response: start over.
            let parts = line.split(separator: " ", maxSplits: 2)
            outcome.status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            outcome.retryAfter = nil
            outcome.headers = [:]
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].lowercased()
            let value = String(
                line[line.index(after: colon)...].drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace)
                    .reversed())
            outcome.headers[name] = value
            if name == "retry-after" { outcome.retryAfter = value.filter { !$0.isWhitespace } }
        } else if line == "\r\n" || line == "\n", outcome.status >= 200 {
            // The blank line that ends the final (not 1xx) response's headers.
            onHead?(outcome.status, outcome.headers)
        }
        return length
    }

    private func received(_ data: UnsafeMutablePointer<CChar>?, _ length: Int) -> Int {
        if isCancelled { return 0 }
        sawFirstByte = true
        lastByte = .now
        guard let data, length > 0 else { return length }
        let bytes = UnsafeRawBufferPointer(start: data, count: length)
        guard let consumer, (200..<300).contains(outcome.status) else {
            outcome.body.append(contentsOf: bytes)
            return length
        }
        outcome.deliveredBody = true
        if let error = consumer(bytes) {
            outcome.abort = .consumer(error)
            return 0
        }
        return length
    }
}

extension Duration {
    /// Whole milliseconds (rounded down), for libcurl's `_MS` options and poll timeouts.
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
