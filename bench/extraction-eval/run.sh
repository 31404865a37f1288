#!/usr/bin/env bash
# bench/extraction-eval/run.sh [BINARY]: the second outside extraction set (README, "Extraction").
# Ten articles in the style of outlets not in the seeds, with no metadata, and the gold a helper
# wrote before running Accord.
# Served and scored by ../extraction-eval/serve_and_score.sh.
exec "$(dirname "$0")/../extraction-eval/serve_and_score.sh" "$(dirname "$0")" "$@"
