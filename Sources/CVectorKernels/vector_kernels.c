// Integer dot products of 8-bit vector codes against an 8-bit query: the first, approximate pass of the knowledge
// base's vector search (MemoryVectorStore). Plain C for every target, with AVX2 and AVX-VNNI versions on x86-64
// chosen at run time, since the baseline x86-64 target (SSE2) has no instruction that multiplies bytes.
//
// Codes are stored offset by 128 (`code = value + 128`), so that VNNI's unsigned-by-signed `vpdpbusd` reads them
// as they are: sum((value + 128) * q) = sum(value * q) + 128 * sum(q), and the second term is subtracted once.

#include "vector_kernels.h"

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
#endif

static int32_t query_sum(const int8_t *query, size_t dimension) {
    int32_t sum = 0;
    for (size_t i = 0; i < dimension; i++) sum += query[i];
    return sum;
}

static void dot_rows_portable(
    const uint8_t *codes, size_t rows, size_t dimension, const int8_t *query, int32_t *scores) {
    const int32_t offset = 128 * query_sum(query, dimension);
    for (size_t row = 0; row < rows; row++) {
        const uint8_t *code = codes + row * dimension;
        int32_t sum = 0;
        for (size_t i = 0; i < dimension; i++) sum += (int32_t)code[i] * (int32_t)query[i];
        scores[row] = sum - offset;
    }
}

#if defined(__x86_64__)

/// The four sums of `a`, `b`, `c` and `d` (eight 32-bit lanes each), in that order.
__attribute__((target("avx2"))) static __m128i horizontal_sums(__m256i a, __m256i b, __m256i c, __m256i d) {
    __m256i sums = _mm256_hadd_epi32(_mm256_hadd_epi32(a, b), _mm256_hadd_epi32(c, d));
    return _mm_add_epi32(_mm256_castsi256_si128(sums), _mm256_extracti128_si256(sums, 1));
}

/// Rows four at a time (one query load serves four rows, one reduction finishes four sums); 16 codes per step,
/// zero-extended to 16 bits and multiplied by the query's 16-bit values, adding in pairs (`vpmaddwd`).
__attribute__((target("avx2"))) static void dot_rows_avx2(
    const uint8_t *codes, size_t rows, size_t dimension, const int8_t *query, int32_t *scores) {
    const int32_t offset = 128 * query_sum(query, dimension);
    const size_t whole = dimension & ~(size_t)15;
    size_t row = 0;
    for (; row + 4 <= rows; row += 4) {
        const uint8_t *code = codes + row * dimension;
        __m256i sum0 = _mm256_setzero_si256(), sum1 = _mm256_setzero_si256();
        __m256i sum2 = _mm256_setzero_si256(), sum3 = _mm256_setzero_si256();
        for (size_t i = 0; i < whole; i += 16) {
            const __m256i q = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)(query + i)));
#define SPARK_ROW(n, sum) \
    sum = _mm256_add_epi32( \
        sum, _mm256_madd_epi16(_mm256_cvtepu8_epi16(_mm_loadu_si128((const __m128i *)(code + n * dimension + i))), q))
            SPARK_ROW(0, sum0);
            SPARK_ROW(1, sum1);
            SPARK_ROW(2, sum2);
            SPARK_ROW(3, sum3);
#undef SPARK_ROW
        }
        int32_t sums[4];
        _mm_storeu_si128((__m128i *)sums, horizontal_sums(sum0, sum1, sum2, sum3));
        for (size_t n = 0; n < 4; n++) {
            for (size_t i = whole; i < dimension; i++) sums[n] += (int32_t)code[n * dimension + i] * (int32_t)query[i];
            scores[row + n] = sums[n] - offset;
        }
    }
    if (row < rows) dot_rows_portable(codes + row * dimension, rows - row, dimension, query, scores + row);
}

/// Rows four at a time; 32 codes per instruction: `vpdpbusd` multiplies unsigned codes by signed query bytes and
/// adds each group of four into a 32-bit lane.
__attribute__((target("avx2,avxvnni"))) static void dot_rows_avx_vnni(
    const uint8_t *codes, size_t rows, size_t dimension, const int8_t *query, int32_t *scores) {
    const int32_t offset = 128 * query_sum(query, dimension);
    const size_t whole = dimension & ~(size_t)31;
    size_t row = 0;
    for (; row + 4 <= rows; row += 4) {
        const uint8_t *code = codes + row * dimension;
        __m256i sum0 = _mm256_setzero_si256(), sum1 = _mm256_setzero_si256();
        __m256i sum2 = _mm256_setzero_si256(), sum3 = _mm256_setzero_si256();
        for (size_t i = 0; i < whole; i += 32) {
            const __m256i q = _mm256_loadu_si256((const __m256i *)(query + i));
#define SPARK_ROW(n, sum) sum = _mm256_dpbusd_avx_epi32(sum, _mm256_loadu_si256((const __m256i *)(code + n * dimension + i)), q)
            SPARK_ROW(0, sum0);
            SPARK_ROW(1, sum1);
            SPARK_ROW(2, sum2);
            SPARK_ROW(3, sum3);
#undef SPARK_ROW
        }
        int32_t sums[4];
        _mm_storeu_si128((__m128i *)sums, horizontal_sums(sum0, sum1, sum2, sum3));
        for (size_t n = 0; n < 4; n++) {
            for (size_t i = whole; i < dimension; i++) sums[n] += (int32_t)code[n * dimension + i] * (int32_t)query[i];
            scores[row + n] = sums[n] - offset;
        }
    }
    if (row < rows) dot_rows_portable(codes + row * dimension, rows - row, dimension, query, scores + row);
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

void spark_u8_dot_rows(
    spark_dot_kernel kernel, const uint8_t *codes, size_t rows, size_t dimension, const int8_t *query,
    int32_t *scores) {
    if (kernel > spark_dot_kernel_available()) kernel = spark_dot_kernel_available();
    switch (kernel) {
#if defined(__x86_64__)
    case SPARK_DOT_KERNEL_AVX_VNNI: dot_rows_avx_vnni(codes, rows, dimension, query, scores); return;
    case SPARK_DOT_KERNEL_AVX2: dot_rows_avx2(codes, rows, dimension, query, scores); return;
#endif
    default: dot_rows_portable(codes, rows, dimension, query, scores); return;
    }
}
