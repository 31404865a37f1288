#!/usr/bin/env python3
"""Judges a drain_load.py report against the server's access log:

    drain_verdict.py REPORT.json ACCESS.log [--shutdown-delay SECONDS] [--min-requests N]

"SIGTERM" below is the moment the stop command started (podman delivers the signal a little
later). What "zero failed requests" means for one server that is being stopped (there is no
other replica to take its traffic, so requests that arrive after it stops listening cannot
succeed):

  1. Before SIGTERM, every request was answered completely with 200, and every connection
     attempt succeeded.
  2. At no time was a response cut short (truncated) or anything but 200.
  3. Every request the server took (its X-Request-ID is in the access log) was answered
     completely: the server never dropped work it had started. For this the access log must
     hold every answered request from 0.5 s before SIGTERM on (Accord drops access-log lines
     rather than block when the log's reader falls behind; a gap there fails the check).
  4. A request that got no answer at all is allowed only if it ended after SIGTERM and the
     server never took it: a keep-alive connection the server closed as idle while draining,
     crossed by the client's next request (a client retries those; here there is no other
     server to retry on). They are counted and shown.
  5. Connections refused after SIGTERM are counted, not failed: the listener is closed.
  6. With a shutdown delay D: for D seconds after SIGTERM (less 0.25 s for the signal's
     way through podman) nothing at all failed, new connections included, and /readyz
     answered 503 in that window (200 before SIGTERM).
Prints a summary; exits 1 with the reasons if a rule is broken.
"""
import argparse
import collections
import json
import sys

parser = argparse.ArgumentParser()
parser.add_argument("report")
parser.add_argument("access_log")
parser.add_argument("--shutdown-delay", type=float, default=0.0)
parser.add_argument("--min-requests", type=int, default=500)
args = parser.parse_args()

report = json.load(open(args.report))
sigterm, exited = report["sigterm"], report["exited"]
requests = report["requests"]

taken = set()
for line in open(args.access_log, errors="replace"):
    line = line.strip()
    if not line.startswith("{"):
        continue
    try:
        entry = json.loads(line)
    except ValueError:
        continue
    request_id = entry.get("requestId", "")
    if request_id.startswith("drain-"):
        taken.add(request_id)

problems = []
def problem(text, examples):
    shown = "; ".join(f"{r['requestId']} {r['path']} sent {r['sent']:.3f}s ended {r['ended']:.3f}s "
                      f"{r['outcome']} {r['status'] or ''} {r['detail']}".rstrip() for r in examples[:5])
    problems.append(f"{text}: {len(examples)} (e.g. {shown})")

before = [r for r in requests if r["ended"] < sigterm]
after = [r for r in requests if r["ended"] >= sigterm]
ok_before = [r for r in before if r["outcome"] == "ok" and r["status"] == 200]
bad_before = [r for r in before if not (r["outcome"] == "ok" and r["status"] == 200)]
if bad_before:
    problem("requests that failed before SIGTERM", bad_before)
truncated = [r for r in requests if r["outcome"] == "truncated"]
if truncated:
    problem("responses cut short", truncated)
non_200 = [r for r in requests if r["outcome"] == "ok" and r["status"] != 200]
if non_200:
    problem("complete responses other than 200", non_200)
unanswered = [r for r in after if r["outcome"] == "unanswered"]
lost = [r for r in unanswered if r["requestId"] in taken]
if lost:
    problem("requests the server took (access log) whose answer never arrived", lost)
answered = [r for r in requests if r["outcome"] == "ok"]
# Rule 3 needs the access log to be complete where it is used: from 0.5 s before SIGTERM on.
# (Accord drops access-log lines rather than block when its reader falls behind.)
missing_from_log = [r for r in answered if r["requestId"] not in taken and r["ended"] >= sigterm - 0.5]
if missing_from_log:
    problem("answered requests around SIGTERM missing from the access log (lines dropped: "
            "rule 3 cannot be checked)", missing_from_log)
refused_after = [r for r in after if r["outcome"] == "refused"]
in_flight = [r for r in requests if r["sent"] < sigterm <= r["ended"]]
in_flight_ok = [r for r in in_flight if r["outcome"] == "ok" and r["status"] == 200]
answered_after = [r for r in after if r["outcome"] == "ok"]
closing_after = [r for r in answered_after if r["closing"]]

if len(ok_before) < args.min_requests:
    problems.append(f"only {len(ok_before)} requests before SIGTERM (want at least "
                    f"{args.min_requests}): not under load")
if report["stopStatus"] != 0:
    problems.append(f"the stop command failed ({report['stopStatus']}): {report['stopOutput']}")

probes = report["probes"]
probe_before = collections.Counter(p["status"] for p in probes if p["at"] < sigterm - 0.1)
if args.shutdown_delay > 0:
    window_end = sigterm + args.shutdown_delay - 0.25
    in_window = [r for r in requests if sigterm <= r["sent"] and r["ended"] <= window_end]
    failed_window = [r for r in in_window if not (r["outcome"] == "ok" and r["status"] == 200)]
    if failed_window:
        problem(f"requests that failed during the shutdown delay ({args.shutdown_delay:g} s)",
                failed_window)
    ready = [p for p in probes if sigterm + 0.25 <= p["at"] <= window_end]
    if not any(p["status"] == 503 for p in ready):
        problems.append(f"/readyz never answered 503 during the shutdown delay: "
                        f"{collections.Counter(p['status'] for p in ready)}")
    if set(probe_before) != {200}:
        problems.append(f"/readyz before SIGTERM: {dict(probe_before)}, want only 200")

seconds_before = max(sigterm, 0.001)
print(f"  load: {report['connections']} keep-alive connections, {len(ok_before)} requests answered "
      f"200 in {sigterm:.1f} s before SIGTERM ({len(ok_before) / seconds_before:.0f}/s), none failed"
      if not bad_before else f"  load: {len(ok_before)} ok and {len(bad_before)} failed before SIGTERM")
print(f"  SIGTERM at {sigterm:.3f} s; the container had exited {exited - sigterm:.2f} s later")
print(f"  in flight at SIGTERM: {len(in_flight)}, answered 200: {len(in_flight_ok)}")
print(f"  answered 200 after SIGTERM: {len(answered_after)} ({len(closing_after)} with Connection: close)")
print(f"  unanswered after SIGTERM, never taken by the server (idle keep-alive closed while "
      f"draining): {len(unanswered) - len(lost)}")
print(f"  connections refused after SIGTERM (listener closed): {len(refused_after)}")
print(f"  truncated: {len(truncated)}, non-200: {len(non_200)}, taken but unanswered: {len(lost)}")
print(f"  access log: {len(taken)} of this load's request IDs")
if probes:
    after_probes = collections.Counter(p["status"] for p in probes if p["at"] >= sigterm)
    print(f"  /readyz probes before SIGTERM {dict(probe_before)}, after {dict(after_probes)} "
          f"(None = no answer)")
if problems:
    for text in problems:
        print(f"  FAILED: {text}")
    sys.exit(1)
