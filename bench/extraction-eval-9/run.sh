#!/usr/bin/env bash
# bench/extraction-eval-9/run.sh [BINARY]: the ninth outside extraction set (README, "Extraction").
# Ten articles in the style of outlets in none of the earlier sets (dpa and a Devdiscourse copy of it,
# The Times of India, The Globe and Mail, The Straits Times, NHK World-Japan, Newsweek, Al Jazeera,
# Kathimerini English Edition, SWI swissinfo.ch/Keystone-SDA), on the December 2025 - February 2026
# diplomacy (Berlin, Miami, Halifax and Mar-a-Lago, Paris, Davos, the Kremlin, Abu Dhabi, Munich,
# Geneva), with no metadata, and the gold a helper wrote blind, before ever running Accord on the set;
# a date that contradicts its weekday in a body sentence (Kathimerini).
# Served and scored by ../extraction-eval/serve_and_score.sh.
exec "$(dirname "$0")/../extraction-eval/serve_and_score.sh" "$(dirname "$0")" "$@"
