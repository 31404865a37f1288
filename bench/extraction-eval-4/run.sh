#!/usr/bin/env bash
# bench/extraction-eval-4/run.sh [BINARY]: the fourth outside extraction set (README, "Extraction").
# Ten articles in the style of outlets in none of the earlier sets (NYT, NPR and an OPB copy of
# it, The Times, WSJ, Axios, Notes from Poland, Der Spiegel, Interfax, European Pravda), with no
# metadata, and the gold a helper wrote before running Accord; first scored on ea7eea7.
# Served and scored by ../extraction-eval/serve_and_score.sh.
exec "$(dirname "$0")/../extraction-eval/serve_and_score.sh" "$(dirname "$0")" "$@"
