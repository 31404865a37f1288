#!/usr/bin/env bash
# Builds the libFuzzer targets in fuzz/ and runs each one for a bounded time.
#
#   bash scripts/fuzz.sh                    # every target, 60 s each
#   FUZZ_SECONDS=600 bash scripts/fuzz.sh   # longer
#   bash scripts/fuzz.sh FuzzQuery          # one target
#
# Each target starts from its committed seed corpus (fuzz/corpus/<target>/, read-only here)
# plus what earlier runs found (fuzz/.build/work/<target>/, kept between runs). A crash, a
# timeout (> FUZZ_TIMEOUT s for one input) or memory over FUZZ_RSS_MB is a finding: the
# input and the log go to fuzz/findings/<target>/, and the script exits 1 after running
# the remaining targets. Reproduce one with:
#   SWIFT_BACKTRACE=enable=no fuzz/.build/debug/<target> fuzz/findings/<target>/crash-...
#
# Build: every module (HTTP, Store and API too) gets libFuzzer coverage and ASan. The
# sanitizers go through -Xswiftc: given `--sanitize=fuzzer --sanitize=address`, SwiftPM 6.3
# compiles with only one of the two, picked at random per run (a Set's order), and half the
# builds then fuzz blind ("no interesting inputs"). `--sanitize=fuzzer` stays so that SwiftPM
# links without its own `main` alias; -parse-as-library because libFuzzer supplies `main`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FUZZ="$ROOT/fuzz"
SECONDS_EACH="${FUZZ_SECONDS:-60}"
TIMEOUT_EACH="${FUZZ_TIMEOUT:-10}"
RSS_MB="${FUZZ_RSS_MB:-2048}"
ALL_TARGETS=(FuzzRequestParser FuzzQuery FuzzConnectionStateMachine FuzzArticle)
if [[ $# -gt 0 ]]; then TARGETS=("$@"); else TARGETS=("${ALL_TARGETS[@]}"); fi
SWIFT="$(command -v swift-locked || command -v swift)"
BUILD_FLAGS=(--sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)

cd "$FUZZ"
for target in "${TARGETS[@]}"; do
    echo "fuzz: building $target"
    log="$FUZZ/.build/build-$target.log"
    mkdir -p "$FUZZ/.build"
    if ! "$SWIFT" build "${BUILD_FLAGS[@]}" --product "$target" >"$log" 2>&1; then
        grep -E "error:" "$log" | head -20 || true
        echo "fuzz: build of $target failed (log: $log)" >&2
        exit 2
    fi
done
BIN="$("$SWIFT" build "${BUILD_FLAGS[@]}" --show-bin-path 2>/dev/null)"

failed=0
summary=()
for target in "${TARGETS[@]}"; do
    work="$FUZZ/.build/work/$target"
    findings="$FUZZ/findings/$target"
    staging="$FUZZ/.build/artifacts/$target"
    mkdir -p "$work" "$staging"
    rm -f "$staging"/*
    log="$FUZZ/.build/run-$target.log"
    dict=()
    [[ -f "$FUZZ/dictionaries/$target.dict" ]] && dict=(-dict="$FUZZ/dictionaries/$target.dict")
    echo "fuzz: running $target for ${SECONDS_EACH}s"
    status=0
    # The Swift backtracer would run inside ASan's signal handling; libFuzzer reports instead.
    # Leaks from one-time static initialisers are LSan false positives (see the file).
    SWIFT_BACKTRACE=enable=no ACCORD_SEEDS="$ROOT/seeds" \
        LSAN_OPTIONS="suppressions=$ROOT/scripts/lsan-suppressions.txt:print_suppressions=0" \
        timeout -k 10 $((SECONDS_EACH + 120)) \
        "$BIN/$target" -max_total_time="$SECONDS_EACH" -timeout="$TIMEOUT_EACH" -rss_limit_mb="$RSS_MB" \
        -print_final_stats=1 -artifact_prefix="$staging/" "${dict[@]}" \
        "$work" "$FUZZ/corpus/$target" >"$log" 2>&1 || status=$?
    runs="$( (grep -oE '^Done [0-9]+ runs in [0-9]+ second' "$log" || true) | tail -1 | awk '{print $2}')"
    [[ -z "$runs" ]] && runs="$( (grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" || true) | tail -1 | awk '{print $2}')"
    cov="$( (grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" || true) | tail -1)"
    artifacts=("$staging"/*)
    if [[ $status -ne 0 || -e "${artifacts[0]}" ]]; then
        failed=1
        mkdir -p "$findings"
        stamp="$(date -u +%Y%m%dT%H%M%SZ)"
        for artifact in "${artifacts[@]}"; do
            [[ -e "$artifact" ]] && mv "$artifact" "$findings/"
        done
        cp "$log" "$findings/$stamp.log"
        echo "fuzz: $target FAILED (exit $status); inputs and log in ${findings#"$ROOT"/}" >&2
        grep -E "Fatal error|ERROR: (AddressSanitizer|libFuzzer|LeakSanitizer)|SUMMARY" "$log" | head -5 >&2 || true
        summary+=("$target: FINDING after ${runs:-?} executions ($cov)")
    else
        summary+=("$target: ${runs:-?} executions in ${SECONDS_EACH}s, no findings ($cov)")
    fi
done

echo "fuzz: summary ($(date -u +%Y-%m-%d))"
for line in "${summary[@]}"; do echo "  $line"; done
exit $failed
