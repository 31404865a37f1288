#!/usr/bin/env bash
# wrk wrapper for compare.sh (which runs plain `wrk ... <url>`): bench/run.sh and bench/scale.sh
# put a directory with `wrk -> wrk_shim.sh` first in PATH. Adds options for exactly matching URLs:
#   SHIM_INM_URL   + SHIM_ETAG   -> -H "If-None-Match: $SHIM_ETAG"      (304 revalidation load)
#   SHIM_LUA_URLS (space-separated) + SHIM_LUA -> -s "$SHIM_LUA"       (e.g. bench/cache_miss.lua)
# Every other invocation is passed through unchanged to SHIM_REAL_WRK.
set -f   # the URLs contain ? and &: no globbing
url="${!#}"; extra=()
if [ -n "${SHIM_INM_URL:-}" ] && [ "$url" = "$SHIM_INM_URL" ]; then extra=(-H "If-None-Match: $SHIM_ETAG"); fi
for u in ${SHIM_LUA_URLS:-}; do [ "$url" = "$u" ] && extra=(-s "$SHIM_LUA"); done
exec "${SHIM_REAL_WRK:?SHIM_REAL_WRK not set}" "${extra[@]}" "$@"
