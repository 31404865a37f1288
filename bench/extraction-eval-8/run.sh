#!/usr/bin/env bash
# bench/extraction-eval-8/run.sh [BINARY]: the eighth outside extraction set (README, "Extraction").
# Ten articles in the style of outlets in none of the earlier sets (Hürriyet Daily News, Bloomberg and
# a Hindustan Times copy of it, LRT English, Radio Free Europe/Radio Liberty, Politico Europe, Reuters
# copy on The Star, Euronews, The National, The Guardian), with no metadata, and the gold a helper
# wrote blind, before ever running Accord on the set; a date that contradicts its weekday in a body
# sentence (The Guardian).
# Served and scored by ../extraction-eval/serve_and_score.sh.
exec "$(dirname "$0")/../extraction-eval/serve_and_score.sh" "$(dirname "$0")" "$@"
