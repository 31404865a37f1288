#!/usr/bin/env bash
# wrk wrapper for compare.sh (which runs plain `wrk ... <url>`): bench/run.sh and bench/scale.sh
# put a directory with `wrk -> wrk_shim.sh` first in PATH. Adds options for exactly matching URLs:
#   SHIM_INM_URL   + SHIM_ETAG   -> -H "If-None-Match: $SHIM_ETAG"      (304 revalidation load)
#   SHIM_LUA_URLS (space-separated) + SHIM_LUA -> -s "$SHIM_LUA"       (e.g. bench/cache_miss.lua)
#   SHIM_RULES     a file of lines "URL<TAB>wrk-option<TAB>wrk-option..." (e.g.
#                  "http://127.0.0.1:P/events<TAB>-H<TAB>Accept-Encoding: gzip"): the options of
#                  every line whose URL is exactly this invocation's URL are added
# Every other invocation is passed through unchanged to SHIM_REAL_WRK. Each invocation that got
# extra options is logged to SHIM_LOG (if set), so a run can show that the shim really applied.
set -f   # the URLs contain ? and &: no globbing
url="${!#}"; extra=()
if [ -n "${SHIM_INM_URL:-}" ] && [ "$url" = "$SHIM_INM_URL" ]; then extra=(-H "If-None-Match: $SHIM_ETAG"); fi
for u in ${SHIM_LUA_URLS:-}; do [ "$url" = "$u" ] && extra=(-s "$SHIM_LUA"); done
if [ -n "${SHIM_RULES:-}" ] && [ -r "$SHIM_RULES" ]; then
  while IFS=$'\t' read -r -a rule; do
    [ "${#rule[@]}" -ge 2 ] && [ "${rule[0]}" = "$url" ] && extra+=("${rule[@]:1}")
  done < "$SHIM_RULES"
fi
[ -n "${SHIM_LOG:-}" ] && [ "${#extra[@]}" -gt 0 ] && printf '%s +%s\n' "$url" "${extra[*]}" >> "$SHIM_LOG"
exec "${SHIM_REAL_WRK:?SHIM_REAL_WRK not set}" "${extra[@]}" "$@"
