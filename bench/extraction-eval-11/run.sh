#!/usr/bin/env bash
# bench/extraction-eval-11/run.sh [BINARY]: the eleventh outside extraction set (README, "Extraction").
# Ten articles in the style of outlets in none of the earlier sets (Voice of America, The Sydney Morning
# Herald, hromadske, CGTN, CNBC and a Head Topics copy of it, Le Figaro in translation, PAP, LSM,
# Semafor), on the February 2025 - January 2026 diplomacy (Munich, the Oval Office clash, the two
# Istanbul rounds, the Alaska summit, the Paris coalition summit, Geneva and the 28-point plan, the Paris
# declaration, the Abu Dhabi trilateral talks), with no metadata, and the gold a helper wrote blind,
# before ever running Accord on the set; a date that contradicts its weekday in a body sentence (PAP).
# Served and scored by ../extraction-eval/serve_and_score.sh.
exec "$(dirname "$0")/../extraction-eval/serve_and_score.sh" "$(dirname "$0")" "$@"
