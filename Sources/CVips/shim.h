#ifndef SPARK_CVIPS_SHIM_H
#define SPARK_CVIPS_SHIM_H

// libvips, loaded lazily, as CCurl loads libcurl. No binary links libvips: `libvips.so.42` and its ~100
// dependent libraries (GLib, codecs, Pango, ...) are opened with dlopen on the first image tool call, so the
// language server's start-up does not pay for them.
//
// The few declarations used are written out below instead of including <vips/vips.h>: that header pulls in
// GLib's and would make SwiftPM link libvips (through pkg-config) into every binary. They are checked against
// libvips-dev's headers by `make check-cvips` (the shim compiled after <vips/vips.h>: a mismatch is an error).
//
// Every call goes through `spark_vips_api()`, a table filled once (pthread_once). Call `spark_vips_load()`
// first and only use the other wrappers when it returned 1. The wrappers are typed, non-variadic versions of
// libvips's NULL-terminated option lists, for Swift.

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef VIPS_VIPS_H
typedef struct _VipsImage VipsImage;
typedef struct _VipsSource VipsSource;
typedef struct _VipsArea VipsArea;
typedef struct _VipsArrayDouble VipsArrayDouble;
typedef enum { VIPS_FORMAT_UCHAR = 0, VIPS_FORMAT_USHORT = 2 } VipsBandFormat;
typedef enum {
    VIPS_INTERPRETATION_B_W = 1, VIPS_INTERPRETATION_CMYK = 15, VIPS_INTERPRETATION_sRGB = 22
} VipsInterpretation;
typedef enum { VIPS_ACCESS_RANDOM = 0 } VipsAccess;
typedef enum { VIPS_FAIL_ON_NONE = 0, VIPS_FAIL_ON_TRUNCATED = 1 } VipsFailOn;
typedef enum { VIPS_SIZE_DOWN = 2, VIPS_SIZE_FORCE = 3 } VipsSize;
#endif

// The signatures of the libvips and GLib functions used (libvips 8.14).
typedef int spark_vips_init_fn(const char *argv0);
typedef const char *spark_vips_error_buffer_fn(void);
typedef void spark_vips_error_clear_fn(void);
typedef void spark_vips_cache_set_max_fn(int max);
typedef VipsSource *spark_vips_source_new_from_descriptor_fn(int descriptor);
typedef VipsImage *spark_vips_image_new_from_source_fn(VipsSource *source, const char *option_string, ...);
typedef VipsImage *spark_vips_image_new_from_memory_copy_fn(
    const void *data, size_t size, int width, int height, int bands, VipsBandFormat format);
typedef int spark_vips_image_get_int_value_fn(const VipsImage *image);
typedef VipsBandFormat spark_vips_image_get_format_fn(const VipsImage *image);
typedef VipsInterpretation spark_vips_image_get_interpretation_fn(const VipsImage *image);
typedef int spark_vips_image_get_n_pages_fn(VipsImage *image);
typedef unsigned long spark_vips_image_get_typeof_fn(const VipsImage *image, const char *name);
typedef int spark_vips_image_get_string_fn(const VipsImage *image, const char *name, const char **out);
typedef int spark_vips_image_get_int_fn(const VipsImage *image, const char *name, int *out);
typedef char **spark_vips_image_get_fields_fn(VipsImage *image);
typedef int spark_vips_image_hasalpha_fn(VipsImage *image);
typedef int spark_vips_image_write_to_buffer_fn(VipsImage *in, const char *suffix, void **buf, size_t *size, ...);
typedef void *spark_vips_image_write_to_memory_fn(VipsImage *in, size_t *size);
typedef int spark_vips_thumbnail_image_fn(VipsImage *in, VipsImage **out, int width, ...);
typedef int spark_vips_thumbnail_source_fn(VipsSource *source, VipsImage **out, int width, ...);
typedef VipsImage *spark_vips_image_copy_memory_fn(VipsImage *image);
typedef int spark_vips_colourspace_fn(VipsImage *in, VipsImage **out, VipsInterpretation space, ...);
typedef int spark_vips_cast_fn(VipsImage *in, VipsImage **out, VipsBandFormat format, ...);
typedef int spark_vips_flatten_fn(VipsImage *in, VipsImage **out, ...);
typedef int spark_vips_text_fn(VipsImage **out, const char *text, ...);
typedef VipsArrayDouble *spark_vips_array_double_new_fn(const double *array, int n);
typedef void spark_vips_area_unref_fn(VipsArea *area);
typedef void *spark_g_object_ref_fn(void *object);
typedef void spark_g_object_unref_fn(void *object);
typedef void spark_g_free_fn(void *memory);
typedef void spark_g_strfreev_fn(char **strings);

#ifdef VIPS_VIPS_H
// `make check-cvips`: the enum values written out above must be the library's own,
_Static_assert(VIPS_FORMAT_UCHAR == 0 && VIPS_FORMAT_USHORT == 2, "VipsBandFormat");
_Static_assert(VIPS_INTERPRETATION_B_W == 1 && VIPS_INTERPRETATION_CMYK == 15 && VIPS_INTERPRETATION_sRGB == 22,
    "VipsInterpretation");
_Static_assert(VIPS_ACCESS_RANDOM == 0, "VipsAccess");
_Static_assert(VIPS_FAIL_ON_NONE == 0 && VIPS_FAIL_ON_TRUNCATED == 1, "VipsFailOn");
_Static_assert(VIPS_SIZE_DOWN == 2 && VIPS_SIZE_FORCE == 3, "VipsSize");
// and each signature below the library's own.
_Static_assert(__builtin_types_compatible_p(__typeof__(vips_init) *, spark_vips_init_fn *), "vips_init");
_Static_assert(__builtin_types_compatible_p(__typeof__(vips_error_buffer) *, spark_vips_error_buffer_fn *), "vips_error_buffer");
_Static_assert(__builtin_types_compatible_p(__typeof__(vips_error_clear) *, spark_vips_error_clear_fn *), "vips_error_clear");
_Static_assert(__builtin_types_compatible_p(__typeof__(vips_cache_set_max) *, spark_vips_cache_set_max_fn *), "vips_cache_set_max");
_Static_assert(__builtin_types_compatible_p(__typeof__(vips_source_new_from_descriptor) *, spark_vips_source_new_from_descriptor_fn *), "vips_source_new_from_descriptor");
_Static_assert(__builtin_types_compatible_p(__typeof__(vips_image_new_from_source) *, spark_vips_image_new_from_source_fn *), "vips_image_new_from_source");
_Static_assert(__builtin_types_compatible_p(__typeof__(vips_image_new_from_memory_copy) *, spark_vips_image_new_from_memory_copy_fn *), "vips_image_new_from_memory_copy");
_Static_assert(__builtin_types_compatible_p(__typeof__(vips_image_get_width) *, spark_vips_image_get_int_value_fn *), "vips_image_get_width");
_Static_assert(__builtin_types_compatible_p(__typeof__(vips_image_get_height) *, spark_vips_image_get_int_value_fn *), "vips_image_get_height");
_Static_assert(__builtin_types_compatible_p(__typeof__(vips_image_get_bands) *, spark_vips_image_get_int_value_fn *), "vips_image_get_bands");
_Static_assert(__builtin_types_compatible_p(__typeof__(vips_image_get_format) *, spark_vips_image_get_format_fn *), "vips_image_get_format");
_Static_assert(__builtin_types_compatible_p(__typeof__(vips_image_get_interpretation) *, spark_vips_image_get_interpretation_fn *), "vips_image_get_interpretation");
_Static_assert(__builtin_types_compatible_p(__typeof__(vips_image_get_n_pages) *, spark_vips_image_get_n_pages_fn *), "vips_image_get_n_pages");
_Static_assert(__builtin_types_compatible_p(__typeof__(vips_image_get_typeof) *, spark_vips_image_get_typeof_fn *), "vips_image_get_typeof");
_Static_assert(__builtin_types_compatible_p(__typeof__(vips_image_get_string) *, spark_vips_image_get_string_fn *), "vips_image_get_string");
_Static_assert(__builtin_types_compatible_p(__typeof__(vips_image_get_int) *, spark_vips_image_get_int_fn *), "vips_image_get_int");
_Static_assert(__builtin_types_compatible_p(__typeof__(vips_image_get_fields) *, spark_vips_image_get_fields_fn *), "vips_image_get_fields");
_Static_assert(__builtin_types_compatible_p(__typeof__(vips_image_hasalpha) *, spark_vips_image_hasalpha_fn *), "vips_image_hasalpha");
_Static_assert(__builtin_types_compatible_p(__typeof__(vips_image_write_to_buffer) *, spark_vips_image_write_to_buffer_fn *), "vips_image_write_to_buffer");
_Static_assert(__builtin_types_compatible_p(__typeof__(vips_image_write_to_memory) *, spark_vips_image_write_to_memory_fn *), "vips_image_write_to_memory");
_Static_assert(__builtin_types_compatible_p(__typeof__(vips_thumbnail_image) *, spark_vips_thumbnail_image_fn *), "vips_thumbnail_image");
_Static_assert(__builtin_types_compatible_p(__typeof__(vips_thumbnail_source) *, spark_vips_thumbnail_source_fn *), "vips_thumbnail_source");
_Static_assert(__builtin_types_compatible_p(__typeof__(vips_image_copy_memory) *, spark_vips_image_copy_memory_fn *), "vips_image_copy_memory");
_Static_assert(__builtin_types_compatible_p(__typeof__(vips_colourspace) *, spark_vips_colourspace_fn *), "vips_colourspace");
_Static_assert(__builtin_types_compatible_p(__typeof__(vips_cast) *, spark_vips_cast_fn *), "vips_cast");
_Static_assert(__builtin_types_compatible_p(__typeof__(vips_flatten) *, spark_vips_flatten_fn *), "vips_flatten");
_Static_assert(__builtin_types_compatible_p(__typeof__(vips_text) *, spark_vips_text_fn *), "vips_text");
_Static_assert(__builtin_types_compatible_p(__typeof__(vips_array_double_new) *, spark_vips_array_double_new_fn *), "vips_array_double_new");
_Static_assert(__builtin_types_compatible_p(__typeof__(vips_area_unref) *, spark_vips_area_unref_fn *), "vips_area_unref");
#endif

typedef struct spark_vips_api {
    int loaded;
    char error[256];
    spark_vips_init_fn *init;
    spark_vips_error_buffer_fn *error_buffer;
    spark_vips_error_clear_fn *error_clear;
    spark_vips_cache_set_max_fn *cache_set_max;
    spark_vips_source_new_from_descriptor_fn *source_new_from_descriptor;
    spark_vips_image_new_from_source_fn *image_new_from_source;
    spark_vips_image_new_from_memory_copy_fn *image_new_from_memory_copy;
    spark_vips_image_get_int_value_fn *image_get_width;
    spark_vips_image_get_int_value_fn *image_get_height;
    spark_vips_image_get_int_value_fn *image_get_bands;
    spark_vips_image_get_format_fn *image_get_format;
    spark_vips_image_get_interpretation_fn *image_get_interpretation;
    spark_vips_image_get_n_pages_fn *image_get_n_pages;
    spark_vips_image_get_typeof_fn *image_get_typeof;
    spark_vips_image_get_string_fn *image_get_string;
    spark_vips_image_get_int_fn *image_get_int;
    spark_vips_image_get_fields_fn *image_get_fields;
    spark_vips_image_hasalpha_fn *image_hasalpha;
    spark_vips_image_write_to_buffer_fn *image_write_to_buffer;
    spark_vips_image_write_to_memory_fn *image_write_to_memory;
    spark_vips_thumbnail_image_fn *thumbnail_image;
    spark_vips_thumbnail_source_fn *thumbnail_source;
    spark_vips_image_copy_memory_fn *image_copy_memory;
    spark_vips_colourspace_fn *colourspace;
    spark_vips_cast_fn *cast;
    spark_vips_flatten_fn *flatten;
    spark_vips_text_fn *text;
    spark_vips_array_double_new_fn *array_double_new;
    spark_vips_area_unref_fn *area_unref;
    spark_g_object_ref_fn *object_ref;
    spark_g_object_unref_fn *object_unref;
    spark_g_free_fn *free;
    spark_g_strfreev_fn *strfreev;
} spark_vips_api_t;

static inline void spark_vips_api_fill(spark_vips_api_t *api) {
    void *library = dlopen("libvips.so.42", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *reason = dlerror();
        snprintf(api->error, sizeof api->error, "%s (install libvips42)", reason ? reason : "libvips.so.42 not found");
        return;
    }
    int missing = 0;
#define SPARK_VIPS_SYMBOL(field, name)                                   \
    do {                                                                 \
        *(void **)(&api->field) = dlsym(library, name);                  \
        if (api->field == NULL && !missing) {                            \
            missing = 1;                                                 \
            snprintf(api->error, sizeof api->error, "libvips.so.42 has no %s", name); \
        }                                                                \
    } while (0)
    SPARK_VIPS_SYMBOL(init, "vips_init");
    SPARK_VIPS_SYMBOL(error_buffer, "vips_error_buffer");
    SPARK_VIPS_SYMBOL(error_clear, "vips_error_clear");
    SPARK_VIPS_SYMBOL(cache_set_max, "vips_cache_set_max");
    SPARK_VIPS_SYMBOL(source_new_from_descriptor, "vips_source_new_from_descriptor");
    SPARK_VIPS_SYMBOL(image_new_from_source, "vips_image_new_from_source");
    SPARK_VIPS_SYMBOL(image_new_from_memory_copy, "vips_image_new_from_memory_copy");
    SPARK_VIPS_SYMBOL(image_get_width, "vips_image_get_width");
    SPARK_VIPS_SYMBOL(image_get_height, "vips_image_get_height");
    SPARK_VIPS_SYMBOL(image_get_bands, "vips_image_get_bands");
    SPARK_VIPS_SYMBOL(image_get_format, "vips_image_get_format");
    SPARK_VIPS_SYMBOL(image_get_interpretation, "vips_image_get_interpretation");
    SPARK_VIPS_SYMBOL(image_get_n_pages, "vips_image_get_n_pages");
    SPARK_VIPS_SYMBOL(image_get_typeof, "vips_image_get_typeof");
    SPARK_VIPS_SYMBOL(image_get_string, "vips_image_get_string");
    SPARK_VIPS_SYMBOL(image_get_int, "vips_image_get_int");
    SPARK_VIPS_SYMBOL(image_get_fields, "vips_image_get_fields");
    SPARK_VIPS_SYMBOL(image_hasalpha, "vips_image_hasalpha");
    SPARK_VIPS_SYMBOL(image_write_to_buffer, "vips_image_write_to_buffer");
    SPARK_VIPS_SYMBOL(image_write_to_memory, "vips_image_write_to_memory");
    SPARK_VIPS_SYMBOL(thumbnail_image, "vips_thumbnail_image");
    SPARK_VIPS_SYMBOL(thumbnail_source, "vips_thumbnail_source");
    SPARK_VIPS_SYMBOL(image_copy_memory, "vips_image_copy_memory");
    SPARK_VIPS_SYMBOL(colourspace, "vips_colourspace");
    SPARK_VIPS_SYMBOL(cast, "vips_cast");
    SPARK_VIPS_SYMBOL(flatten, "vips_flatten");
    SPARK_VIPS_SYMBOL(text, "vips_text");
    // GLib is a dependency of libvips: dlsym on the handle searches its dependencies too.
    SPARK_VIPS_SYMBOL(array_double_new, "vips_array_double_new");
    SPARK_VIPS_SYMBOL(area_unref, "vips_area_unref");
    SPARK_VIPS_SYMBOL(object_ref, "g_object_ref");
    SPARK_VIPS_SYMBOL(object_unref, "g_object_unref");
    SPARK_VIPS_SYMBOL(free, "g_free");
    SPARK_VIPS_SYMBOL(strfreev, "g_strfreev");
#undef SPARK_VIPS_SYMBOL
    if (missing) return;
    if (api->init("spark-lsp") != 0) {
        snprintf(api->error, sizeof api->error, "vips_init failed: %s", api->error_buffer());
        return;
    }
    // Loaders are cached by their arguments; sources are descriptors, so the cache would only hold memory.
    api->cache_set_max(0);
    api->loaded = 1;
}

// A table per object file that uses the shim (these are `static inline`); dlopen is reference counted and
// vips_init is idempotent, so the library is mapped and initialised once.
static inline spark_vips_api_t *spark_vips_api_storage(void) {
    static spark_vips_api_t table;
    return &table;
}

static inline void spark_vips_api_load_once(void) { spark_vips_api_fill(spark_vips_api_storage()); }

static inline spark_vips_api_t *spark_vips_api(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, spark_vips_api_load_once);
    return spark_vips_api_storage();
}

/// Opens libvips once; 1 when it is usable, else 0 and `spark_vips_load_error()` says why.
static inline int spark_vips_load(void) { return spark_vips_api()->loaded; }
static inline const char *spark_vips_load_error(void) { return spark_vips_api()->error; }

/// The last libvips error text (then cleared into `buffer`).
static inline void spark_vips_take_error(char *buffer, size_t size) {
    spark_vips_api_t *api = spark_vips_api();
    snprintf(buffer, size, "%s", api->error_buffer());
    api->error_clear();
}

static inline void spark_vips_unref(void *object) { if (object) spark_vips_api()->object_unref(object); }
static inline void spark_vips_free(void *memory) { if (memory) spark_vips_api()->free(memory); }
static inline void spark_vips_strfreev(char **strings) { if (strings) spark_vips_api()->strfreev(strings); }

/// The image in an open file descriptor (duplicated; close yours), its header read and its pixels not yet
/// decoded. `fail` makes decoding stop at the first error or truncation instead of filling in grey.
static inline VipsImage *spark_vips_open_descriptor(int descriptor, int fail) {
    spark_vips_api_t *api = spark_vips_api();
    VipsSource *source = api->source_new_from_descriptor(descriptor);
    if (source == NULL) return NULL;
    VipsImage *image = fail
        ? api->image_new_from_source(source, "", "access", VIPS_ACCESS_RANDOM, "fail_on", VIPS_FAIL_ON_TRUNCATED, NULL)
        : api->image_new_from_source(source, "", NULL);
    api->object_unref(source);
    return image;
}

static inline VipsImage *spark_vips_from_pixels(const void *pixels, size_t size, int width, int height, int bands) {
    return spark_vips_api()->image_new_from_memory_copy(pixels, size, width, height, bands, VIPS_FORMAT_UCHAR);
}

static inline int spark_vips_width(VipsImage *image) { return spark_vips_api()->image_get_width(image); }
static inline int spark_vips_height(VipsImage *image) { return spark_vips_api()->image_get_height(image); }
static inline int spark_vips_bands(VipsImage *image) { return spark_vips_api()->image_get_bands(image); }
static inline int spark_vips_format(VipsImage *image) { return (int)spark_vips_api()->image_get_format(image); }
static inline int spark_vips_interpretation(VipsImage *image) {
    return (int)spark_vips_api()->image_get_interpretation(image);
}
static inline int spark_vips_pages(VipsImage *image) { return spark_vips_api()->image_get_n_pages(image); }
static inline int spark_vips_has_alpha(VipsImage *image) { return spark_vips_api()->image_hasalpha(image); }

/// Whether the header has the field `name`.
static inline int spark_vips_has_field(VipsImage *image, const char *name) {
    return spark_vips_api()->image_get_typeof(image, name) != 0;
}

/// A string field, or NULL (the text belongs to the image).
static inline const char *spark_vips_string_field(VipsImage *image, const char *name) {
    const char *out = NULL;
    if (spark_vips_api()->image_get_string(image, name, &out) != 0) {
        spark_vips_api()->error_clear();
        return NULL;
    }
    return out;
}

/// An integer field; 0 when found.
static inline int spark_vips_int_field(VipsImage *image, const char *name, int *out) {
    int status = spark_vips_api()->image_get_int(image, name, out);
    if (status != 0) spark_vips_api()->error_clear();
    return status;
}

/// Every header field's name, NULL-terminated; free with `spark_vips_strfreev`.
static inline char **spark_vips_fields(VipsImage *image) { return spark_vips_api()->image_get_fields(image); }

/// Shrinks (never enlarges) to fit `width` x `height`; with `force`, to exactly that size.
static inline VipsImage *spark_vips_thumbnail(VipsImage *image, int width, int height, int force) {
    VipsImage *out = NULL;
    if (spark_vips_api()->thumbnail_image(
            image, &out, width, "height", height, "size", force ? VIPS_SIZE_FORCE : VIPS_SIZE_DOWN, NULL) != 0)
        return NULL;
    return out;
}

/// The image in an open file descriptor (duplicated; close yours) shrunk (never enlarged) to fit `width` x
/// `height`, upright (EXIF orientation applied), decoded with shrink-on-load: a JPEG is decoded at 1/2, 1/4 or
/// 1/8 of its size by the decoder itself, WebP and multi-resolution TIFF likewise, so a 24-megapixel photo is
/// never decoded whole (as `vipsthumbnail` does). `fail` makes decoding stop at the first error or truncation.
/// The (small) result is decoded into memory here, so a decoding error shows now and it can be encoded twice
/// (the loader reads the file once, in order).
static inline VipsImage *spark_vips_thumbnail_descriptor(int descriptor, int width, int height, int fail) {
    spark_vips_api_t *api = spark_vips_api();
    VipsSource *source = api->source_new_from_descriptor(descriptor);
    if (source == NULL) return NULL;
    VipsImage *out = NULL;
    // libvips 8.14 passes `fail_on` to the loader of a file, not of a source: say it in the loader's options.
    int status = api->thumbnail_source(
        source, &out, width, "height", height, "size", VIPS_SIZE_DOWN, "fail_on",
        fail ? VIPS_FAIL_ON_TRUNCATED : VIPS_FAIL_ON_NONE, "option_string", fail ? "fail_on=truncated" : "", NULL);
    api->object_unref(source);
    if (status != 0) return NULL;
    VipsImage *decoded = api->image_copy_memory(out);
    api->object_unref(out);
    return decoded;
}

/// The image in 8-bit sRGB (or 8-bit grey for `grey`), alpha flattened onto white: what the model and the
/// comparisons see, whatever the source was (16-bit, CMYK, palette, grey with alpha).
static inline VipsImage *spark_vips_to_srgb8(VipsImage *image, int grey) {
    spark_vips_api_t *api = spark_vips_api();
    VipsImage *current = image;
    api->object_ref(current);
    VipsImage *next = NULL;
    if (api->image_hasalpha(current)) {
        double white[1] = {255.0};
        if (api->image_get_format(current) == VIPS_FORMAT_USHORT) white[0] = 65535.0;
        VipsArrayDouble *background = api->array_double_new(white, 1);
        int status = api->flatten(current, &next, "background", background, NULL);
        api->area_unref((VipsArea *)background);
        api->object_unref(current);
        if (status != 0) return NULL;
        current = next;
    }
    VipsInterpretation target = grey ? VIPS_INTERPRETATION_B_W : VIPS_INTERPRETATION_sRGB;
    if (api->colourspace(current, &next, target, NULL) != 0) {
        api->object_unref(current);
        return NULL;
    }
    api->object_unref(current);
    current = next;
    if (api->image_get_format(current) != VIPS_FORMAT_UCHAR) {
        int status = api->cast(current, &next, VIPS_FORMAT_UCHAR, NULL);
        api->object_unref(current);
        if (status != 0) return NULL;
        current = next;
    }
    return current;
}

/// Encodes to `suffix` (`.jpg[Q=85,strip]`, `.png[strip]`); free the bytes with `spark_vips_free`.
static inline void *spark_vips_encode(VipsImage *image, const char *suffix, size_t *size) {
    void *bytes = NULL;
    if (spark_vips_api()->image_write_to_buffer(image, suffix, &bytes, size, NULL) != 0) return NULL;
    return bytes;
}

/// Decodes every pixel into memory (the image's own format and bands); free with `spark_vips_free`.
static inline void *spark_vips_pixels(VipsImage *image, size_t *size) {
    return spark_vips_api()->image_write_to_memory(image, size);
}

/// Text rendered black on white at `dpi` (Pango): an image the tests and the benchmark read back with OCR.
static inline VipsImage *spark_vips_render_text(const char *text, int dpi) {
    spark_vips_api_t *api = spark_vips_api();
    VipsImage *mask = NULL;
    if (api->text(&mask, text, "dpi", dpi, NULL) != 0) return NULL;
    // The mask is 0 (background) to 255 (ink): invert it into dark text on a light page with a margin.
    size_t size = 0;
    unsigned char *ink = api->image_write_to_memory(mask, &size);
    int width = api->image_get_width(mask), height = api->image_get_height(mask);
    api->object_unref(mask);
    if (ink == NULL) return NULL;
    const int margin = 24;
    int page_width = width + 2 * margin, page_height = height + 2 * margin;
    size_t page_size = (size_t)page_width * (size_t)page_height;
    unsigned char *pixels = malloc(page_size);
    if (pixels == NULL) { api->free(ink); return NULL; }
    memset(pixels, 255, page_size);
    for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
            pixels[(size_t)(y + margin) * page_width + x + margin] = 255 - ink[(size_t)y * width + x];
    api->free(ink);
    VipsImage *page = api->image_new_from_memory_copy(pixels, page_size, page_width, page_height, 1, VIPS_FORMAT_UCHAR);
    free(pixels);
    return page;
}

#endif
