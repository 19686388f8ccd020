#ifndef SPARK_CCURL_SHIM_H
#define SPARK_CCURL_SHIM_H

#include <curl/curl.h>

// Typed wrappers for libcurl's variadic calls, which Swift cannot import.

static inline CURLcode spark_curl_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode spark_curl_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode spark_curl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode spark_curl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode spark_curl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

typedef size_t (*spark_curl_data_callback)(char *data, size_t size, size_t count, void *userdata);
typedef int (*spark_curl_xferinfo_callback)(void *userdata, curl_off_t dltotal, curl_off_t dlnow,
                                            curl_off_t ultotal, curl_off_t ulnow);

static inline CURLcode spark_curl_easy_setopt_write_function(CURL *handle, spark_curl_data_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}

static inline CURLcode spark_curl_easy_setopt_header_function(CURL *handle, spark_curl_data_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, callback);
}

static inline CURLcode spark_curl_easy_setopt_xferinfo_function(CURL *handle, spark_curl_xferinfo_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback);
}

static inline CURLcode spark_curl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode spark_curl_easy_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return curl_easy_getinfo(handle, info, value);
}


// curl_global_init with CURL_GLOBAL_ALL (a macro expression Swift does not import).
static inline CURLcode spark_curl_global_init_all(void) {
    return curl_global_init(CURL_GLOBAL_ALL);
}

// Reads the result of the finished transfer of `handle` from `multi`, reading past other messages.
// Returns 1 and sets `*result` when the transfer is done, 0 when no done message was queued.
static inline int spark_curl_multi_done_result(CURLM *multi, CURL *handle, CURLcode *result) {
    int queued = 0;
    CURLMsg *message;
    while ((message = curl_multi_info_read(multi, &queued)) != NULL) {
        if (message->msg == CURLMSG_DONE && message->easy_handle == handle) {
            *result = message->data.result;
            return 1;
        }
    }
    return 0;
}

#endif
