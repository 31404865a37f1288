#!/usr/bin/env bash
# bench/extraction-eval-5/run.sh [BINARY]: the fifth outside extraction set (README, "Extraction").
# Ten articles in the style of outlets in none of the earlier sets (Washington Post, CBS News, The
# Independent, UNIAN, Global Times, The Telegraph and an Age copy of it, France 24, Daily Sabah,
# Fox News), with no metadata, and the gold a helper wrote before running Accord; first scored
# on 8666aeb.
# Served and scored by ../extraction-eval/serve_and_score.sh.
exec "$(dirname "$0")/../extraction-eval/serve_and_score.sh" "$(dirname "$0")" "$@"
