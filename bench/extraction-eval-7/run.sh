#!/usr/bin/env bash
# bench/extraction-eval-7/run.sh [BINARY]: the seventh outside extraction set (README, "Extraction").
# Ten articles in the style of outlets in none of the earlier sets (The Moscow Times, Yle News,
# Nikkei Asia, ANSA English, Polish Radio, ERR News, Ukrainska Pravda and a Yahoo News copy of it,
# The Irish Times, Al-Monitor), with no metadata, and the gold a helper wrote blind, before ever
# running Accord on the set; first scored on ae24ad5 (a debug build), then on 15d5a3c and e4859d3
# for the README, none of which had read the set.
# Served and scored by ../extraction-eval/serve_and_score.sh.
exec "$(dirname "$0")/../extraction-eval/serve_and_score.sh" "$(dirname "$0")" "$@"
