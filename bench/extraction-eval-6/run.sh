#!/usr/bin/env bash
# bench/extraction-eval-6/run.sh [BINARY]: the sixth outside extraction set (README, "Extraction").
# Ten articles in the style of outlets in none of the earlier sets (Associated Press and a PBS copy
# of it, The Kyiv Independent, TASS, Euractiv, RTÉ, NBC News, TVP World, AFP wire copy, ABC News
# Australia), with no metadata, and the gold a helper wrote before running Accord; first scored
# on 15d5a3c (a release build of its code), then on 0edee94, the first commit after it that had
# not read the set.
# Served and scored by ../extraction-eval/serve_and_score.sh.
exec "$(dirname "$0")/../extraction-eval/serve_and_score.sh" "$(dirname "$0")" "$@"
