#!/usr/bin/env bash
# The README's curl examples, against the running server: they must keep working.
set -euo pipefail
url=${E2E_URL:?}
command -v curl >/dev/null || exit 77
held=$(curl -fsS "$url/events?status=held")
python3 - "$held" <<'PY'
import json, sys
page = json.loads(sys.argv[1])
dates = [e["start"]["date"] for e in page["data"] if e["start"]]
assert page["data"] and all(e["status"] == "held" for e in page["data"]), "not all held"
assert dates == sorted(dates), "not in date order"
assert all(e["sources"] and e["evidence"] for e in page["data"]), "an event without sources"
PY
# Capture, then match: `curl | grep -q` fails under pipefail when grep exits before curl finishes.
resolved=$(curl -fsS "$url/entities/resolve?name=Zelenskiy")
grep -q '"volodymyr-zelensky"' <<<"$resolved"
search=$(curl -fsS "$url/search?q=security+guarantees&limit=1")
grep -q '<mark>' <<<"$search"
calendar=$(curl -fsS "$url/events.ics")
grep -q 'BEGIN:VCALENDAR' <<<"$calendar"
etag=$(curl -fsS -o /dev/null -D - "$url/events" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$url/events")" = 304 ]
[ "$(curl -s -o /dev/null -w '%{http_code}' "$url/events?stauts=held")" = 400 ]
