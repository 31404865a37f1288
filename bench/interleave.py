#!/usr/bin/env python3
"""Interleaved rounds against already-running servers, for loads compare.sh cannot drive
(it only accepts http:// targets and runs plain wrk): HTTPS keep-alive loads and TLS handshake
rates. Loopback only.

    python3 bench/interleave.py --out DIR --label c64/https --kind wrk --conns 64 --duration 10 \
        --rounds 3 [--warmup 2] [--ref nginx] NAME=URL@PID [NAME=URL@PID ...] [-- extra wrk options]
    python3 bench/interleave.py --out DIR --label handshakes --kind handshake --clients 2 \
        --duration 10 --rounds 3 NAME=https://127.0.0.1:P/events@PID ...

kinds:
  wrk        wrk -t1 -c<conns> -d<duration>s --timeout 5s --latency URL (https works: wrk links OpenSSL)
  handshake  <clients> parallel `openssl s_time -connect HOST:PORT -new -time <duration> -www PATH`:
             every connection is a full TLS handshake (no resumption) plus one GET; the rate is
             connections completed / wall seconds, summed over the clients

Rounds are interleaved and rotated (AB, BA, ...). Per run: server CPU seconds (utime+stime of
PID and its direct children, from /proc), client CPU seconds (getrusage of the children this
script waited for), other = whole-machine busy CPU minus both (noise from outside). Appends rows
to DIR/wrk.tsv in compare.sh's format (name load conns round rps p50_ms p99_ms requests errors
cpu_s wall_s other_s), prints each run and a summary with server CPU microseconds per request
and the ratio to --ref (default: the last target).
"""
import argparse
import os
import re
import resource
import statistics as st
import subprocess
import sys
import time

CLK = os.sysconf("SC_CLK_TCK")


def children(pid):
    out = []
    try:
        for t in os.listdir(f"/proc/{pid}/task"):
            try:
                out += [int(x) for x in open(f"/proc/{pid}/task/{t}/children").read().split()]
            except OSError:
                pass
    except OSError:
        pass
    return out


def cpu_ticks(pid):
    total = 0
    for p in [pid] + children(pid):
        try:
            f = open(f"/proc/{p}/stat").read().rsplit(")", 1)[1].split()
            total += int(f[11]) + int(f[12])
        except (OSError, IndexError):
            pass
    return total


def machine_busy():
    f = open("/proc/stat").readline().split()[1:]
    v = [int(x) for x in f]
    return v[0] + v[1] + v[2] + v[5] + v[6]


def client_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def ms(v):
    v = v.strip()
    for suf, k in (("us", 1e-3), ("ms", 1.0), ("s", 1e3), ("m", 6e4)):
        if v.endswith(suf):
            return float(v[: -len(suf)]) * k
    return float(v)


def parse_wrk(text):
    rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
    p50 = re.search(r"^\s+50%\s+(\S+)", text, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", text, re.M)
    req = re.search(r"^\s+(\d+) requests in", text, re.M)
    err = 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    if m:
        err += sum(int(x) for x in m.groups())
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    if m:
        err += int(m.group(1))
    return (float(rps.group(1)) if rps else 0.0, ms(p50.group(1)) if p50 else None,
            ms(p99.group(1)) if p99 else None, int(req.group(1)) if req else 0, err)


def run_wrk(url, conns, dur, extra, logf):
    cmd = ["wrk", "-t1", f"-c{conns}", f"-d{dur}s", "--timeout", "5s", "--latency"] + extra + [url]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=dur + 30)
    open(logf, "w").write(" ".join(cmd) + "\n" + p.stdout + p.stderr)
    rps, p50, p99, req, err = parse_wrk(p.stdout)
    if p.returncode != 0:
        err += 1000000
    return rps, p50, p99, req, err


def run_handshake(url, clients, dur, logf):
    m = re.match(r"https://([^/]+)(/.*)?$", url)
    hostport, path = m.group(1), m.group(2) or "/"
    cmd = ["openssl", "s_time", "-connect", hostport, "-new", "-time", str(dur), "-www", path]
    t0 = time.monotonic()
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for _ in range(clients)]
    outs = []
    for p in procs:
        try:
            outs.append(p.communicate(timeout=dur + 30)[0])
        except subprocess.TimeoutExpired:
            p.kill(); outs.append(p.communicate()[0] + "\nTIMEOUT")
    wall = time.monotonic() - t0
    conns, err, bytes_per = 0, 0, []
    for o in outs:
        m = re.search(r"(\d+) connections in [\d.]+ real seconds, (\d+) bytes read per connection", o)
        if m:
            conns += int(m.group(1)); bytes_per.append(int(m.group(2)))
        else:
            err += 1
        err += len(re.findall(r"^ERROR|error:|TIMEOUT", o, re.M))
    with open(logf, "w") as fh:
        fh.write(" ".join(cmd) + f"  x{clients}\n")
        for o in outs:  # s_time prints one '*' per connection: keep only the result lines
            fh.write("\n".join(l for l in o.splitlines() if not l.startswith("*")) + "\n")
        fh.write(f"bytes read per connection: {bytes_per}\n")
    return conns / wall if wall else 0.0, None, None, conns, err


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--label", required=True, help="the load column, e.g. c64/https")
    ap.add_argument("--kind", choices=("wrk", "handshake"), default="wrk")
    ap.add_argument("--conns", type=int, default=64)
    ap.add_argument("--clients", type=int, default=2, help="parallel s_time clients (handshake)")
    ap.add_argument("--duration", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--ref", default=None)
    ap.add_argument("targets", nargs="+", help="NAME=URL@PID ... [-- extra wrk options]")
    a, rest = ap.parse_known_args()
    targets, extra = [], []
    items = a.targets + rest
    if "--" in items:
        i = items.index("--"); items, extra = items[:i], items[i + 1:]
    for t in items:
        name, rest_ = t.split("=", 1)
        url, pid = rest_.rsplit("@", 1)
        if not re.match(r"https?://(127\.0\.0\.1|localhost)[:/]", url):
            sys.exit(f"interleave.py: only loopback targets: {url}")
        targets.append((name, url, int(pid)))
    ref = a.ref or targets[-1][0]
    os.makedirs(a.out, exist_ok=True)
    tsv = os.path.join(a.out, "wrk.tsv")
    new = not os.path.exists(tsv) or os.path.getsize(tsv) == 0
    fh = open(tsv, "a")
    if new:
        fh.write("name\tload\tconns\tround\trps\tp50_ms\tp99_ms\trequests\terrors\tcpu_s\twall_s\tother_s\n")
    tag = a.label.replace("/", "-")

    def one(name, url, pid, dur, logf):
        if a.kind == "wrk":
            return run_wrk(url, a.conns, dur, extra, logf)
        return run_handshake(url, a.clients, dur, logf)

    if a.warmup > 0:
        for name, url, pid in targets:
            one(name, url, pid, a.warmup, os.path.join(a.out, f"warmup-{name}-{tag}.txt"))
    print(f"== {a.label}: kind={a.kind} rounds={a.rounds} duration={a.duration}s "
          + (f"conns={a.conns}" if a.kind == "wrk" else f"clients={a.clients} (openssl s_time -new)"), flush=True)
    rows = []
    n = len(targets)
    for r in range(1, a.rounds + 1):
        for k in range(n):
            name, url, pid = targets[(k + r - 1) % n]
            if not os.path.exists(f"/proc/{pid}"):
                sys.exit(f"interleave.py: {name} (pid {pid}) is not running")
            c0, m0, cl0, w0 = cpu_ticks(pid), machine_busy(), client_cpu(), time.monotonic()
            rps, p50, p99, req, err = one(name, url, pid, a.duration, os.path.join(a.out, f"run-{name}-{tag}-r{r}.txt"))
            c1, m1, cl1, w1 = cpu_ticks(pid), machine_busy(), client_cpu(), time.monotonic()
            cpu = (c1 - c0) / CLK
            other = max(0.0, (m1 - m0) / CLK - cpu - (cl1 - cl0))
            wall = w1 - w0
            row = dict(name=name, load=a.label, conns=a.conns if a.kind == "wrk" else a.clients, round=r, rps=rps,
                       p50_ms=p50, p99_ms=p99, requests=req, errors=err, cpu_s=cpu, wall_s=wall, other_s=other)
            rows.append(row)
            fh.write("\t".join("NA" if row[c] is None else (f"{row[c]:.4f}" if isinstance(row[c], float) else str(row[c]))
                               for c in ("name", "load", "conns", "round", "rps", "p50_ms", "p99_ms", "requests",
                                         "errors", "cpu_s", "wall_s", "other_s")) + "\n")
            fh.flush()
            us = cpu / req * 1e6 if req else float("nan")
            print(f"  {a.label:<12} r{r}  {name:<20} {rps:>10.1f} /s  "
                  + (f"p50 {p50:.3f} ms  p99 {p99:.3f} ms  " if p50 is not None else "")
                  + f"err {err}  srv-cpu {cpu:.2f}s = {us:.1f} us/req  other-procs {other:.2f}s", flush=True)
    unit = "req/s" if a.kind == "wrk" else "handshakes/s"
    print(f"\n== summary: {a.label}, {a.rounds} rounds, medians; srv us/req = server CPU seconds / requests (all rounds)")
    hdr = f"{'name':<20} {unit:>12} {'spread':>7} {'p99 ms':>8} {'srv us/req':>10} {'errors':>6} {'other%':>6} {'vs ' + ref:>10} {'CPU vs ' + ref:>12}"
    print(hdr); print("-" * len(hdr))
    med, cpr = {}, {}
    for name, _, _ in targets:
        g = [x for x in rows if x["name"] == name]
        med[name] = st.median(x["rps"] for x in g)
        req = sum(x["requests"] for x in g)
        cpr[name] = sum(x["cpu_s"] for x in g) / req * 1e6 if req else float("nan")
    for name, _, _ in targets:
        g = [x for x in rows if x["name"] == name]
        v = [x["rps"] for x in g]
        spread = (max(v) - min(v)) / med[name] * 100 if med[name] else 0
        p99s = [x["p99_ms"] for x in g if x["p99_ms"] is not None]
        p99 = f"{st.median(p99s):.3f}" if p99s else "-"
        oth = max(x["other_s"] / x["wall_s"] * 100 for x in g)
        ratio = med[name] / med[ref] if med.get(ref) else float("nan")
        cratio = cpr[name] / cpr[ref] if cpr.get(ref) else float("nan")
        print(f"{name:<20} {med[name]:>12.1f} {spread:>6.1f}% {p99:>8} {cpr[name]:>10.1f} {sum(x['errors'] for x in g):>6} {oth:>6.1f} {ratio:>10.2f} {cratio:>12.2f}")


if __name__ == "__main__":
    main()
