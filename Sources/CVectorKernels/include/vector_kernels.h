#ifndef SPARK_VECTOR_KERNELS_H
#define SPARK_VECTOR_KERNELS_H

#include <stddef.h>
#include <stdint.h>

/// The kernel `spark_u4_dot_rows` runs on this processor.
typedef enum {
    /// Plain C (what the compiler makes of it for the target's baseline: SSE2 on x86-64, NEON on arm64).
    SPARK_DOT_KERNEL_PORTABLE = 0,
    /// x86-64 with AVX2: `vpmaddubsw`, then `vpmaddwd`.
    SPARK_DOT_KERNEL_AVX2 = 1,
    /// x86-64 with AVX-VNNI: `vpdpbusd`, 32 codes per instruction.
    SPARK_DOT_KERNEL_AVX_VNNI = 2,
} spark_dot_kernel;

/// The fastest kernel this processor runs (checked once, at the first call).
spark_dot_kernel spark_dot_kernel_available(void);

/// For each of `rows` rows of 4-bit codes, `stride` bytes each (a multiple of 32: blocks of 64 dimensions, byte k
/// of a block holding dimension k in its low nibble and dimension 32 + k in its high one, each `value + 8`), the
/// dot product of the row's values (-8...7) with `query` (`2 * stride` values -127...127, in dimension order):
/// `scores[row]`. `kernel` must be at most `spark_dot_kernel_available()` (a lower one computes the same exact
/// integers).
void spark_u4_dot_rows(
    spark_dot_kernel kernel, const uint8_t *codes, size_t rows, size_t stride, const int8_t *query,
    int32_t *scores);

#endif
