#ifndef SPARK_CCURL_SHIM_H
#define SPARK_CCURL_SHIM_H

// libcurl, loaded lazily. The types and constants come from libcurl4-openssl-dev's headers, but the binary
// does not link libcurl: `libcurl.so.4` (and its ~30 dependent libraries) is opened with dlopen on the first
// model request, so a language server that never talks to a model does not pay for it at start-up.
//
// Every call goes through `spark_curl_api()`, a table of typed function pointers filled once (pthread_once)
// per object file that uses it (these are `static inline`); dlopen is reference counted and
// curl_global_init is too, so the library is mapped and initialised once.
// Call `spark_curl_load()` first and only use the other wrappers when it returned 1 (a handle made by
// `spark_curl_easy_init` proves it did).

#include <curl/curl.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>

typedef struct spark_curl_api {
    int loaded;
    char error[256];
    CURLcode (*global_init)(long flags);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *handle);
    void (*easy_reset)(CURL *handle);
    CURLcode (*easy_setopt)(CURL *handle, CURLoption option, ...);
    CURLcode (*easy_getinfo)(CURL *handle, CURLINFO info, ...);
    const char *(*easy_strerror)(CURLcode code);
    CURLM *(*multi_init)(void);
    CURLMcode (*multi_cleanup)(CURLM *multi);
    CURLMcode (*multi_add_handle)(CURLM *multi, CURL *handle);
    CURLMcode (*multi_remove_handle)(CURLM *multi, CURL *handle);
    CURLMcode (*multi_perform)(CURLM *multi, int *running);
    CURLMcode (*multi_poll)(CURLM *multi, struct curl_waitfd extra[], unsigned int count, int timeout_ms, int *ret);
    CURLMcode (*multi_wakeup)(CURLM *multi);
    CURLMsg *(*multi_info_read)(CURLM *multi, int *queued);
    struct curl_slist *(*slist_append)(struct curl_slist *list, const char *string);
    void (*slist_free_all)(struct curl_slist *list);
} spark_curl_api_t;

static inline void spark_curl_api_fill(spark_curl_api_t *api) {
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *reason = dlerror();
        snprintf(api->error, sizeof api->error, "%s (install libcurl4)", reason ? reason : "libcurl.so.4 not found");
        return;
    }
    int missing = 0;
#define SPARK_CURL_SYMBOL(field, name)                                  \
    do {                                                                \
        *(void **)(&api->field) = dlsym(library, name);                 \
        if (api->field == NULL && !missing) {                           \
            missing = 1;                                                \
            snprintf(api->error, sizeof api->error, "libcurl.so.4 has no %s", name); \
        }                                                               \
    } while (0)
    SPARK_CURL_SYMBOL(global_init, "curl_global_init");
    SPARK_CURL_SYMBOL(easy_init, "curl_easy_init");
    SPARK_CURL_SYMBOL(easy_cleanup, "curl_easy_cleanup");
    SPARK_CURL_SYMBOL(easy_reset, "curl_easy_reset");
    SPARK_CURL_SYMBOL(easy_setopt, "curl_easy_setopt");
    SPARK_CURL_SYMBOL(easy_getinfo, "curl_easy_getinfo");
    SPARK_CURL_SYMBOL(easy_strerror, "curl_easy_strerror");
    SPARK_CURL_SYMBOL(multi_init, "curl_multi_init");
    SPARK_CURL_SYMBOL(multi_cleanup, "curl_multi_cleanup");
    SPARK_CURL_SYMBOL(multi_add_handle, "curl_multi_add_handle");
    SPARK_CURL_SYMBOL(multi_remove_handle, "curl_multi_remove_handle");
    SPARK_CURL_SYMBOL(multi_perform, "curl_multi_perform");
    SPARK_CURL_SYMBOL(multi_poll, "curl_multi_poll");
    SPARK_CURL_SYMBOL(multi_wakeup, "curl_multi_wakeup");
    SPARK_CURL_SYMBOL(multi_info_read, "curl_multi_info_read");
    SPARK_CURL_SYMBOL(slist_append, "curl_slist_append");
    SPARK_CURL_SYMBOL(slist_free_all, "curl_slist_free_all");
#undef SPARK_CURL_SYMBOL
    if (missing) return;
    CURLcode status = api->global_init(CURL_GLOBAL_ALL);
    if (status != CURLE_OK) {
        snprintf(api->error, sizeof api->error, "curl_global_init failed (%d)", (int)status);
        return;
    }
    api->loaded = 1;
}

static inline spark_curl_api_t *spark_curl_api_storage(void) {
    static spark_curl_api_t table;
    return &table;
}

static inline void spark_curl_api_load_once(void) { spark_curl_api_fill(spark_curl_api_storage()); }

/// The function table, loaded (and curl_global_init run) on first use.
static inline const spark_curl_api_t *spark_curl_api(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, spark_curl_api_load_once);
    return spark_curl_api_storage();
}

/// Loads libcurl and runs curl_global_init(CURL_GLOBAL_ALL), once. Returns 1 on success; on failure 0, and
/// `spark_curl_load_error()` says why.
static inline int spark_curl_load(void) { return spark_curl_api()->loaded; }

/// Why libcurl could not be loaded (empty when it was).
static inline const char *spark_curl_load_error(void) { return spark_curl_api()->error; }

// Plain calls.

static inline CURL *spark_curl_easy_init(void) { return spark_curl_api()->easy_init(); }
static inline void spark_curl_easy_cleanup(CURL *handle) { spark_curl_api()->easy_cleanup(handle); }
static inline void spark_curl_easy_reset(CURL *handle) { spark_curl_api()->easy_reset(handle); }
static inline const char *spark_curl_easy_strerror(CURLcode code) { return spark_curl_api()->easy_strerror(code); }
static inline CURLM *spark_curl_multi_init(void) { return spark_curl_api()->multi_init(); }
static inline CURLMcode spark_curl_multi_cleanup(CURLM *multi) { return spark_curl_api()->multi_cleanup(multi); }

static inline CURLMcode spark_curl_multi_add_handle(CURLM *multi, CURL *handle) {
    return spark_curl_api()->multi_add_handle(multi, handle);
}

static inline CURLMcode spark_curl_multi_remove_handle(CURLM *multi, CURL *handle) {
    return spark_curl_api()->multi_remove_handle(multi, handle);
}

static inline CURLMcode spark_curl_multi_perform(CURLM *multi, int *running) {
    return spark_curl_api()->multi_perform(multi, running);
}

static inline CURLMcode spark_curl_multi_poll(CURLM *multi, int timeout_ms) {
    return spark_curl_api()->multi_poll(multi, NULL, 0, timeout_ms, NULL);
}

static inline CURLMcode spark_curl_multi_wakeup(CURLM *multi) { return spark_curl_api()->multi_wakeup(multi); }

static inline struct curl_slist *spark_curl_slist_append(struct curl_slist *list, const char *string) {
    return spark_curl_api()->slist_append(list, string);
}

static inline void spark_curl_slist_free_all(struct curl_slist *list) { spark_curl_api()->slist_free_all(list); }

// Typed wrappers for libcurl's variadic calls, which Swift cannot import.

static inline CURLcode spark_curl_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return spark_curl_api()->easy_setopt(handle, option, value);
}

static inline CURLcode spark_curl_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return spark_curl_api()->easy_setopt(handle, option, value);
}

static inline CURLcode spark_curl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return spark_curl_api()->easy_setopt(handle, option, value);
}

static inline CURLcode spark_curl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return spark_curl_api()->easy_setopt(handle, option, value);
}

static inline CURLcode spark_curl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return spark_curl_api()->easy_setopt(handle, option, value);
}

typedef size_t (*spark_curl_data_callback)(char *data, size_t size, size_t count, void *userdata);
typedef int (*spark_curl_xferinfo_callback)(void *userdata, curl_off_t dltotal, curl_off_t dlnow,
                                            curl_off_t ultotal, curl_off_t ulnow);

static inline CURLcode spark_curl_easy_setopt_write_function(CURL *handle, spark_curl_data_callback callback) {
    return spark_curl_api()->easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}

static inline CURLcode spark_curl_easy_setopt_header_function(CURL *handle, spark_curl_data_callback callback) {
    return spark_curl_api()->easy_setopt(handle, CURLOPT_HEADERFUNCTION, callback);
}

static inline CURLcode spark_curl_easy_setopt_xferinfo_function(CURL *handle, spark_curl_xferinfo_callback callback) {
    return spark_curl_api()->easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback);
}

static inline CURLcode spark_curl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return spark_curl_api()->easy_getinfo(handle, info, value);
}

static inline CURLcode spark_curl_easy_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return spark_curl_api()->easy_getinfo(handle, info, value);
}

// Reads the result of the finished transfer of `handle` from `multi`, reading past other messages.
// Returns 1 and sets `*result` when the transfer is done, 0 when no done message was queued.
static inline int spark_curl_multi_done_result(CURLM *multi, CURL *handle, CURLcode *result) {
    int queued = 0;
    CURLMsg *message;
    while ((message = spark_curl_api()->multi_info_read(multi, &queued)) != NULL) {
        if (message->msg == CURLMSG_DONE && message->easy_handle == handle) {
            *result = message->data.result;
            return 1;
        }
    }
    return 0;
}

#endif
