#!/usr/bin/env bash
# Runs the fuzz targets and the differential drivers (see README.md in this directory).
#   Fuzz/run.sh fuzz SECONDS [TARGET...]   each target for SECONDS (its corpus grows in .build/fuzz/corpus)
#   Fuzz/run.sh smoke SECONDS              every target for SECONDS, then both drivers on the seed and new corpus
# A crash or broken invariant stops the run with the input saved in .build/fuzz/artifacts/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=$1 seconds=$2
shift 2
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(frames json sse positions shell ignore)
out=.build/fuzz
# The Swift runtime's own crash handler would report ASan's abort again, badly; LeakSanitizer is off because
# Foundation's Process keeps a few bytes for the life of the driver.
export SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0

make -s -C Fuzz -j2 all

for target in "${targets[@]}"; do
    corpus=$out/corpus/$target artifacts=$out/artifacts/$target
    mkdir -p "$corpus" "$artifacts"
    options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1
        -artifact_prefix="$artifacts/")
    [ "$mode" = smoke ] && options+=(-seed=1)
    [ -f "Fuzz/Dictionaries/$target.dict" ] && options+=(-dict="Fuzz/Dictionaries/$target.dict")
    echo "fuzz $target: ${seconds}s" >&2
    log=$out/$target.log
    if ! "$out/bin/fuzz-$target" "${options[@]}" "$corpus" "Fuzz/Corpus/$target" >"$log" 2>&1; then
        grep -E "FUZZ INVARIANT|ERROR|SUMMARY|Test unit written" "$log" >&2 || tail -20 "$log" >&2
        echo "fuzz $target: FAILED (log: $log)" >&2
        exit 1
    fi
    grep -E "DONE   cov|stat::average_exec_per_sec" "$log" | sed "s/^/  /" >&2
done

# The drivers replay the seed corpus and what the fuzzers added (in a smoke run, a sample of it).
limit=()
[ "$mode" = smoke ] && limit=(--limit 150)
if [[ " ${targets[*]} " == *" shell "* ]]; then
    "$out/bin/shell-differential" "${limit[@]}" Fuzz/Corpus/shell "$out/corpus/shell"
fi
if [[ " ${targets[*]} " == *" ignore "* ]]; then
    "$out/bin/ignore-differential" "${limit[@]}" Fuzz/Corpus/ignore "$out/corpus/ignore"
fi
