#!/usr/bin/env bash
# bench/extraction-eval-3/run.sh [BINARY]: the third outside extraction set (README, "Extraction").
# Ten articles in the style of outlets in neither the seeds nor the second set (BBC, CBC, CNN and
# an MSN copy of it, FT, Interfax-Ukraine, Novaya Gazeta Europe, RBC-Ukraine, SCMP, Sky News),
# with no metadata, and the gold a helper wrote before running Accord.
# Served and scored by ../extraction-eval/serve_and_score.sh.
exec "$(dirname "$0")/../extraction-eval/serve_and_score.sh" "$(dirname "$0")" "$@"
