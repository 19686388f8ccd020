/* Resource limits: setrlimit with soft = hard, so the program cannot raise them again. */
#include "sandbox.h"

#include <errno.h>
#include <string.h>

static const char *limit_name(int resource) {
    switch (resource) {
    case RLIMIT_NPROC: return "nproc";
    case RLIMIT_FSIZE: return "fsize";
    case RLIMIT_AS: return "as";
    case RLIMIT_DATA: return "data";
    case RLIMIT_CPU: return "cpu";
    case RLIMIT_NOFILE: return "nofile";
    default: return "limit";
    }
}

void sandbox_apply_limits(const struct sandbox_options *options) {
    for (int i = 0; i < options->limit_count; i++) {
        struct rlimit limit = {options->limits[i].value, options->limits[i].value};
        if (setrlimit(options->limits[i].resource, &limit) != 0)
            sandbox_fail(SANDBOX_EXIT_FAILURE, "rlimit", "%s %llu: %s", limit_name(options->limits[i].resource),
                         (unsigned long long)options->limits[i].value, strerror(errno));
    }
}
