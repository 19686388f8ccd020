// Integer dot products of 4-bit vector codes against an 8-bit query: the first, approximate pass of the knowledge
// base's vector search (MemoryVectorStore). Plain C for every target, with AVX2 and AVX-VNNI versions on x86-64
// chosen at run time, since the baseline x86-64 target (SSE2) has no instruction that multiplies bytes.
//
// A row is `stride` bytes: its dimensions in blocks of 64, each block 32 bytes, byte k holding dimension k of the
// block in its low nibble and dimension 32 + k in its high one (so that a block unpacks into two 32-byte vectors
// with a mask and a shift). Values -7...7 are stored offset by 8 (1...15; padding is 8, a zero), so that the
// unsigned-by-signed multiplications (`vpmaddubsw`, `vpdpbusd`) read them as they are:
// sum((value + 8) * q) = sum(value * q) + 8 * sum(q), and the second term is subtracted once.

#include "vector_kernels.h"

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
#endif

static int32_t query_sum(const int8_t *query, size_t count) {
    int32_t sum = 0;
    for (size_t i = 0; i < count; i++) sum += query[i];
    return sum;
}

static int32_t dot_row_portable(const uint8_t *code, size_t stride, const int8_t *query) {
    int32_t sum = 0;
    for (size_t block = 0; block < stride; block += 32) {
        const int8_t *low = query + 2 * block, *high = low + 32;
        for (size_t k = 0; k < 32; k++) {
            const uint8_t byte = code[block + k];
            sum += (int32_t)(byte & 15) * low[k] + (int32_t)(byte >> 4) * high[k];
        }
    }
    return sum;
}

static void dot_rows_portable(
    const uint8_t *codes, size_t rows, size_t stride, const int8_t *query, int32_t *scores) {
    const int32_t offset = 8 * query_sum(query, 2 * stride);
    for (size_t row = 0; row < rows; row++) scores[row] = dot_row_portable(codes + row * stride, stride, query) - offset;
}

#if defined(__x86_64__)

/// How many rows ahead the x86-64 kernels ask for the codes they will read (`prefetcht0`; never faults, so it may
/// run past the last row): with the codes out of the cache, as they are between queries, the scan waited for memory
/// one row at a time, and asking ahead made it about a third faster (a prototype scanning 100,000 rows of 384
/// dimensions after evicting them: 1.7-2.0 ms against 2.4-2.6 ms).
enum { PREFETCH_ROWS = 32 };

/// Asks for the four rows of codes starting `PREFETCH_ROWS` rows after `code`.
static inline void prefetch_rows(const uint8_t *code, size_t stride) {
    const char *ahead = (const char *)(code + PREFETCH_ROWS * stride);
    for (size_t offset = 0; offset < 4 * stride; offset += 64) _mm_prefetch(ahead + offset, _MM_HINT_T0);
}

/// The four sums of `a`, `b`, `c` and `d` (eight 32-bit lanes each), in that order.
__attribute__((target("avx2"))) static __m128i horizontal_sums(__m256i a, __m256i b, __m256i c, __m256i d) {
    __m256i sums = _mm256_hadd_epi32(_mm256_hadd_epi32(a, b), _mm256_hadd_epi32(c, d));
    return _mm_add_epi32(_mm256_castsi256_si128(sums), _mm256_extracti128_si256(sums, 1));
}

/// The loop both x86-64 kernels share, in the body of a function with `spark_u4_dot_rows`'s parameters: rows four
/// at a time (one query load serves four rows, one reduction finishes four sums), `ADD_BLOCK(bytes, low, high,
/// sum)` adding a row's block of 32 code bytes times the query's `low` and `high` 32 values into `sum` (eight
/// 32-bit lanes); the rows after the last four by the portable code.
#define SPARK_DOT_ROWS_BY_FOUR(ADD_BLOCK) \
    const int32_t offset = 8 * query_sum(query, 2 * stride); \
    size_t row = 0; \
    for (; row + 4 <= rows; row += 4) { \
        const uint8_t *code = codes + row * stride; \
        prefetch_rows(code, stride); \
        __m256i sum0 = _mm256_setzero_si256(), sum1 = _mm256_setzero_si256(); \
        __m256i sum2 = _mm256_setzero_si256(), sum3 = _mm256_setzero_si256(); \
        for (size_t block = 0; block < stride; block += 32) { \
            const __m256i low = _mm256_loadu_si256((const __m256i *)(query + 2 * block)); \
            const __m256i high = _mm256_loadu_si256((const __m256i *)(query + 2 * block + 32)); \
            ADD_BLOCK(_mm256_loadu_si256((const __m256i *)(code + block)), low, high, sum0); \
            ADD_BLOCK(_mm256_loadu_si256((const __m256i *)(code + stride + block)), low, high, sum1); \
            ADD_BLOCK(_mm256_loadu_si256((const __m256i *)(code + 2 * stride + block)), low, high, sum2); \
            ADD_BLOCK(_mm256_loadu_si256((const __m256i *)(code + 3 * stride + block)), low, high, sum3); \
        } \
        int32_t sums[4]; \
        _mm_storeu_si128((__m128i *)sums, horizontal_sums(sum0, sum1, sum2, sum3)); \
        for (size_t n = 0; n < 4; n++) scores[row + n] = sums[n] - offset; \
    } \
    if (row < rows) dot_rows_portable(codes + row * stride, rows - row, stride, query, scores + row);

/// A block's nibbles multiplied by the query's bytes, adding in pairs into 16 bits (`vpmaddubsw`: at most
/// 2 × 15 × 127 per pair, so the low and high halves' sum fits), then in pairs into 32 bits (`vpmaddwd` by ones).
__attribute__((target("avx2"))) static inline __m256i add_block_avx2(
    __m256i bytes, __m256i low, __m256i high, __m256i sum) {
    const __m256i nibble = _mm256_set1_epi8(15);
    const __m256i pairs = _mm256_add_epi16(
        _mm256_maddubs_epi16(_mm256_and_si256(bytes, nibble), low),
        _mm256_maddubs_epi16(_mm256_and_si256(_mm256_srli_epi16(bytes, 4), nibble), high));
    return _mm256_add_epi32(sum, _mm256_madd_epi16(pairs, _mm256_set1_epi16(1)));
}

/// `vpdpbusd` multiplies 32 unsigned nibbles by signed query bytes and adds each group of four into a 32-bit lane,
/// twice a block (low nibbles, then high).
__attribute__((target("avx2,avxvnni"))) static inline __m256i add_block_avx_vnni(
    __m256i bytes, __m256i low, __m256i high, __m256i sum) {
    const __m256i nibble = _mm256_set1_epi8(15);
    sum = _mm256_dpbusd_avx_epi32(sum, _mm256_and_si256(bytes, nibble), low);
    return _mm256_dpbusd_avx_epi32(sum, _mm256_and_si256(_mm256_srli_epi16(bytes, 4), nibble), high);
}

#define SPARK_ADD_BLOCK_AVX2(bytes, low, high, sum) sum = add_block_avx2(bytes, low, high, sum)
#define SPARK_ADD_BLOCK_AVX_VNNI(bytes, low, high, sum) sum = add_block_avx_vnni(bytes, low, high, sum)

__attribute__((target("avx2"))) static void dot_rows_avx2(
    const uint8_t *codes, size_t rows, size_t stride, const int8_t *query, int32_t *scores) {
    SPARK_DOT_ROWS_BY_FOUR(SPARK_ADD_BLOCK_AVX2)
}

__attribute__((target("avx2,avxvnni"))) static void dot_rows_avx_vnni(
    const uint8_t *codes, size_t rows, size_t stride, const int8_t *query, int32_t *scores) {
    SPARK_DOT_ROWS_BY_FOUR(SPARK_ADD_BLOCK_AVX_VNNI)
}

#endif

#if defined(__x86_64__)
/// What CPUID and the operating system say: AVX2 and AVX-VNNI need the processor's flags and the YMM registers'
/// state saved by the kernel (XCR0 bits 1 and 2). Read directly rather than through `__builtin_cpu_supports`,
/// whose feature bits depend on the runtime library the binary links.
static spark_dot_kernel detect_kernel(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return SPARK_DOT_KERNEL_PORTABLE;
    const int osxsave = (ecx >> 27) & 1, avx = (ecx >> 28) & 1;
    if (!osxsave || !avx) return SPARK_DOT_KERNEL_PORTABLE;
    unsigned int xcr0_low, xcr0_high;
    __asm__ volatile("xgetbv" : "=a"(xcr0_low), "=d"(xcr0_high) : "c"(0));
    if ((xcr0_low & 6) != 6) return SPARK_DOT_KERNEL_PORTABLE;
    if (__get_cpuid_max(0, NULL) < 7) return SPARK_DOT_KERNEL_PORTABLE;
    __cpuid_count(7, 0, eax, ebx, ecx, edx);
    if (!((ebx >> 5) & 1)) return SPARK_DOT_KERNEL_PORTABLE;
    __cpuid_count(7, 1, eax, ebx, ecx, edx);
    return ((eax >> 4) & 1) ? SPARK_DOT_KERNEL_AVX_VNNI : SPARK_DOT_KERNEL_AVX2;
}
#endif

spark_dot_kernel spark_dot_kernel_available(void) {
#if defined(__x86_64__)
    // Racing first calls compute the same value.
    static _Atomic int cached = -1;
    int kernel = cached;
    if (kernel < 0) {
        kernel = (int)detect_kernel();
        cached = kernel;
    }
    return (spark_dot_kernel)kernel;
#else
    return SPARK_DOT_KERNEL_PORTABLE;
#endif
}

void spark_u4_dot_rows(
    spark_dot_kernel kernel, const uint8_t *codes, size_t rows, size_t stride, const int8_t *query,
    int32_t *scores) {
    if (kernel > spark_dot_kernel_available()) kernel = spark_dot_kernel_available();
    switch (kernel) {
#if defined(__x86_64__)
    case SPARK_DOT_KERNEL_AVX_VNNI: dot_rows_avx_vnni(codes, rows, stride, query, scores); return;
    case SPARK_DOT_KERNEL_AVX2: dot_rows_avx2(codes, rows, stride, query, scores); return;
#endif
    default: dot_rows_portable(codes, rows, stride, query, scores); return;
    }
}
