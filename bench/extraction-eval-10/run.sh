#!/usr/bin/env bash
# bench/extraction-eval-10/run.sh [BINARY]: the tenth outside extraction set (README, "Extraction").
# Ten articles in the style of outlets in none of the earlier sets (Reuters direct and a MarketScreener
# copy of it, Arab News, the Irish Examiner/PA, Agencia EFE, Corriere della Sera, NV (New Voice of
# Ukraine), The Hindu, Novinite, ABC News), on the February - November 2025 diplomacy (Riyadh, the
# London summit, Jeddah, the Paris coalition summit, the Vatican offer, the Rome recovery conference and
# coalition call, the SCO summit in Tianjin, the called-off Budapest summit, the Florida talks), with no
# metadata, and the gold a helper wrote blind, before ever running Accord on the set; a date that
# contradicts its weekday in a body sentence (Irish Examiner).
# Served and scored by ../extraction-eval/serve_and_score.sh.
exec "$(dirname "$0")/../extraction-eval/serve_and_score.sh" "$(dirname "$0")" "$@"
