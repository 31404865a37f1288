#!/usr/bin/env bash
# bench/extraction-eval-12/run.sh [BINARY]: the twelfth outside extraction set (README, "Extraction").
# Ten articles in the style of outlets in none of the earlier sets (TIME, Radio Prague International,
# the Los Angeles Times, Suspilne, CTV News, USA TODAY and a NewsBreak copy of it, Turkish Minute, The
# Brussels Times, ZN.UA), on the February 2025 - February 2026 diplomacy (Starmer at the White House,
# the first coalition-of-the-willing video call, the downgraded London talks, the four leaders in Kyiv,
# the Kananaskis G7, Trump's 50-day deadline, Zelensky in Ankara, the December European Council and the
# EUR 90 billion loan, the second Abu Dhabi round), with no metadata, and the gold a helper wrote blind,
# before ever running Accord on the set; a date that contradicts its weekday in a body sentence (LA
# Times), two articles dated only by an unusual header line, one with no year in its body, and a
# mangled copy (mojibake, lost line breaks, doubled boilerplate).
# Served and scored by ../extraction-eval/serve_and_score.sh.
exec "$(dirname "$0")/../extraction-eval/serve_and_score.sh" "$(dirname "$0")" "$@"
