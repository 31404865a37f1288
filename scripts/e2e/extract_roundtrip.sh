#!/usr/bin/env bash
# The curator's loop: `accord extract` on the shipped seeds plus drop-in articles (wire copy
# with their dates and outlets in articles.json, no annotations) prints records in the seed
# annotation format. Promoted as printed (events, proposals, entities appended; positions and
# sources added to the records they name), the seeds must validate with no error, and a second
# extract must find nothing left to add: the promoted articles are now annotated.
set -euo pipefail
command -v python3 >/dev/null || exit 77
case ${E2E_BINARY:-} in /* | '') ;; */*) E2E_BINARY=$PWD/$E2E_BINARY ;; esac
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

CHECK="extract roundtrip"
# shellcheck source=scripts/e2e/lib/own_server.sh
source scripts/e2e/lib/own_server.sh
seeds=$work/seeds
cp -r seeds "$seeds"
python3 - "$seeds" <<'PY'
import json, shutil, sys
seeds = sys.argv[1]
index = json.load(open(seeds + "/articles.json"))
for name, outlet, date in [("wire-paris-coalition", "Reuters", "2025-09-04"), ("kyiv-independent-style", "The Kyiv Independent", "2025-09-04"),
                           ("tass-vladivostok", "TASS", "2025-09-05"), ("dpa-berlin", "dpa", "2025-09-03")]:
    shutil.copy("Tests/StoreTests/Fixtures/dropins/articles/%s.txt" % name, seeds + "/articles/")
    index["articles"].append({"file": name + ".txt", "title": name, "outlet": outlet,
                              "published": {"date": date, "precision": "day", "reason": "given by the check"}})
json.dump(index, open(seeds + "/articles.json", "w"), indent=1)
PY
"$binary" extract --seeds "$seeds" >"$work/first.json" 2>"$work/err.log" || fail "extract failed"
grep -q "confidence" "$work/err.log" || fail "no confidence lines on stderr"
python3 - "$seeds" "$work/first.json" <<'PY' || fail "the extracted records are not what the check expects"
import json, sys
seeds, found = sys.argv[1], json.load(open(sys.argv[2]))
assert found["events"], "no events extracted"
assert any(p["position"]["entity"] == "vladimir-putin" and p["position"]["stance"] == "oppose" for p in found["positions"]), found["positions"]
def load(name):
    return json.load(open("%s/%s.json" % (seeds, name)))
def save(name, value):
    json.dump(value, open("%s/%s.json" % (seeds, name), "w"), indent=1, ensure_ascii=False)
events, proposals, entities = load("events"), load("proposals"), load("entities")
events["events"] += found["events"]
proposals["proposals"] += found["proposals"]
entities["entities"] += found["entities"]
for item in found["positions"]:
    next(p for p in proposals["proposals"] if p["id"] == item["proposal"])["positions"].append(item["position"])
for item in found["sources"]:
    next(e for e in events["events"] if e["id"] == item["event"])["evidence"] += item["evidence"]
save("events", events); save("proposals", proposals); save("entities", entities)
print("promoted: %d events, %d proposals, %d entities, %d positions, %d sources" % (
    len(found["events"]), len(found["proposals"]), len(found["entities"]), len(found["positions"]), len(found["sources"])))
PY
"$binary" validate --seeds "$seeds" >"$work/validate.txt" 2>&1 || { cat "$work/validate.txt" >&2; fail "promoted seeds do not validate"; }
grep -q "^errors: 0" "$work/validate.txt" || fail "validate reports errors"
"$binary" extract --seeds "$seeds" >"$work/second.json" 2>>"$work/err.log" || fail "second extract failed"
python3 - "$work/second.json" <<'PY' || fail "a second extract still finds records in promoted articles"
import json, sys
left = json.load(open(sys.argv[1]))
assert not left["events"] and not left["proposals"] and not left["positions"] and not left["sources"], left
PY
echo "extract roundtrip: promoted records validate; nothing left to extract"
