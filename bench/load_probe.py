#!/usr/bin/env python3
"""Load a seeds directory once, then reload it with SIGHUP: time, CPU use and memory. Loopback only.

    python3 bench/load_probe.py --name syn-100000 --timeout 900 --reloads 3 [--text-bytes B] \
        [--articles N] -- /path/to/accord serve --host 127.0.0.1 --port {port} --no-access-log --seeds DIR

1. Starts the command ({port} = a free port below the ephemeral range) and samples the process
   every 0.5 s until GET /events (--path) answers 200, i.e. the dataset is loaded and served. Progress (elapsed, CPU seconds, VmRSS) is printed to stderr every 10 s.
   Reports: ready_s (exec -> first 200), load_ms (the start-up log line's loadMs), cpu_s
   (utime+stime from /proc/PID/stat at that moment), cpu_per_wall = cpu_s / ready_s (> 1: more
   than one core was busy on average; ~2 on 2 cores = both fully used), peak_cpus (the largest
   CPU/wall over any 0.5 s sample), and VmRSS / RssAnon after 1 s of idleness, counted from
   when GET /metrics reports accord_load_cleanup_pending 0: a compacted load's originals are
   freed, and the heap trimmed, once the server serves (cleanup_s: how long after ready that was).
2. --reloads K times: reads accord_reloads_total and accord_reload_failures_total from
   GET /metrics, sends SIGHUP, polls /metrics every 0.2 s until one of them grows (bounded by
   --timeout), waits 1 s, then records reload seconds, CPU seconds, VmRSS and RssAnon.
   rss_ratio = VmRSS after the last reload / VmRSS after the first load (goal <= 1.2).
   The machine is shared: a reload is skipped when MemAvailable < 1.5 x VmRSS + 2 GiB, and the
   server is ended if MemAvailable drops below 2 GiB at any time (both reported).
3. With --text-bytes (the articles' total bytes) and --articles (how many), heap per article
   beyond its text = RssAnon / articles - text bytes / articles (the caller subtracts a baseline).
Prints one JSON object on stdout. The server is ended by PID (SIGTERM, then SIGKILL after 5 s).
"""
import argparse
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

CLK = os.sysconf("SC_CLK_TCK")


def free_port():
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts", "lib", "free_port.py")
    return int(subprocess.run([sys.executable, script], check=True, capture_output=True, text=True).stdout)


def cpu_s(pid):
    try:
        f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(f[11]) + int(f[12])) / CLK
    except (OSError, IndexError):
        return None


def status_kb(pid):
    out = {}
    try:
        for line in open(f"/proc/{pid}/status"):
            k, _, v = line.partition(":")
            if k in ("VmRSS", "RssAnon", "RssFile", "VmHWM", "Threads"):
                out[k] = int(v.split()[0])
    except OSError:
        pass
    return out


def mem_available_kb():
    for line in open("/proc/meminfo"):
        if line.startswith("MemAvailable:"):
            return int(line.split()[1])
    return 0


LOW_MEM_KB = 2 * 1024 * 1024   # the machine is shared: below 2 GiB available, the server is ended


def get(url, timeout=2.0):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, b""
    except Exception:
        return None, b""


def metric(port, name):
    code, body = get(f"http://127.0.0.1:{port}/metrics")
    if code != 200:
        return None
    m = re.search(rb"^" + name.encode() + rb"(?:\{[^}]*\})? ([0-9.e+-]+)$", body, re.M)
    return float(m.group(1)) if m else 0.0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--name", default="server")
    ap.add_argument("--timeout", type=float, default=900.0, help="seconds for the load and for each reload")
    ap.add_argument("--reloads", type=int, default=3)
    ap.add_argument("--articles", type=int, default=0)
    ap.add_argument("--text-bytes", type=int, default=0)
    ap.add_argument("--path", default="/events")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    if not cmd:
        sys.exit("load_probe.py: no command")
    port = free_port()
    cmd = [c.replace("{port}", str(port)) for c in cmd]
    err = tempfile.NamedTemporaryFile(prefix="load_probe-", suffix=".log", delete=False)
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
    res = {"name": a.name, "articles": a.articles, "text_bytes": a.text_bytes, "log": err.name}
    try:
        last_print, prev_t, prev_c, peak = t0, t0, 0.0, 0.0
        ready = None
        while time.monotonic() - t0 < a.timeout:
            if proc.poll() is not None:
                res["error"] = f"exited with {proc.returncode} during load"
                break
            code, _ = get(f"http://127.0.0.1:{port}{a.path}", timeout=1.0)
            now, c = time.monotonic(), cpu_s(proc.pid) or 0.0
            if now - prev_t >= 0.4:
                peak = max(peak, (c - prev_c) / (now - prev_t)); prev_t, prev_c = now, c
            if mem_available_kb() < LOW_MEM_KB:
                res["error"] = "ended: the machine had less than 2 GiB available during the load"
                break
            if code == 200:
                ready = now - t0
                res.update(ready_s=round(ready, 3), cpu_s=round(c, 2), cpu_per_wall=round(c / ready, 2) if ready else None,
                           peak_cpus=round(peak, 2))
                break
            if now - last_print >= 10:
                st = status_kb(proc.pid)
                print(f"  [{a.name}] loading: {now - t0:.0f} s, CPU {c:.1f} s ({c / (now - t0):.2f} cores), "
                      f"VmRSS {st.get('VmRSS', 0) / 1024:.0f} MB", file=sys.stderr, flush=True)
                last_print = now
            time.sleep(0.5)
        if ready is None:
            res.setdefault("error", f"not ready after {a.timeout:.0f} s")
            print(json.dumps(res)); return
        m = re.search(r'"loadMs":"?([0-9.]+)', open(err.name, errors="replace").read())
        res["load_ms"] = float(m.group(1)) if m else None
        # The memory is read once the load's cleanup has run (freeing the originals, then the trim).
        while time.monotonic() - t0 < a.timeout and metric(port, "accord_load_cleanup_pending") not in (0, None):
            time.sleep(0.1)
        res["cleanup_s"] = round(time.monotonic() - t0 - ready, 2)
        time.sleep(1.0)
        st = status_kb(proc.pid)
        res.update(rss_kb=st.get("VmRSS"), rss_anon_kb=st.get("RssAnon"), rss_file_kb=st.get("RssFile"), threads=st.get("Threads"))
        if a.articles and a.text_bytes and st.get("RssAnon"):
            res["anon_bytes_per_article"] = round(st["RssAnon"] * 1024 / a.articles)
            res["text_bytes_per_article"] = round(a.text_bytes / a.articles)
        print(f"  [{a.name}] ready in {ready:.1f} s (loadMs {res['load_ms']}; its cleanup done {res['cleanup_s']} s after), "
              f"CPU {res['cpu_s']} s = {res['cpu_per_wall']} cores "
              f"on average (peak {peak:.2f}), VmRSS {st.get('VmRSS', 0) / 1024:.0f} MB, RssAnon {st.get('RssAnon', 0) / 1024:.0f} MB",
              file=sys.stderr, flush=True)
        reloads = []
        for k in range(1, a.reloads + 1):
            n0, f0 = metric(port, "accord_reloads_total"), metric(port, "accord_reload_failures_total")
            if n0 is None:
                reloads.append({"error": "no /metrics"}); break
            cur = status_kb(proc.pid).get("VmRSS", 0)
            if mem_available_kb() < cur * 1.5 + LOW_MEM_KB:   # a reload holds two datasets at once (and RSS grows per reload)
                reloads.append({"reload": k, "result": "skipped: MemAvailable %d MB < 1.5 x VmRSS %d MB + 2 GiB"
                                % (mem_available_kb() // 1024, cur // 1024)})
                print(f"  [{a.name}] reload {k} skipped: not enough free memory on this machine", file=sys.stderr, flush=True)
                break
            c0, r0 = cpu_s(proc.pid), time.monotonic()
            last_print = r0
            os.kill(proc.pid, signal.SIGHUP)
            done = None
            while time.monotonic() - r0 < a.timeout:
                time.sleep(0.2)
                if proc.poll() is not None:
                    done = "exited"; break
                n1, f1 = metric(port, "accord_reloads_total"), metric(port, "accord_reload_failures_total")
                if n1 is not None and n1 > n0:
                    done = "ok"; break
                if f1 is not None and f0 is not None and f1 > f0:
                    done = "failed"; break
                if mem_available_kb() < LOW_MEM_KB:
                    done = "ended: less than 2 GiB available"; proc.kill(); break
                if time.monotonic() - last_print >= 10:
                    last_print = time.monotonic()
                    print(f"  [{a.name}] reload {k}: {time.monotonic() - r0:.0f} s, VmRSS {status_kb(proc.pid).get('VmRSS', 0) / 1024:.0f} MB",
                          file=sys.stderr, flush=True)
            secs = time.monotonic() - r0
            c1 = cpu_s(proc.pid)
            time.sleep(1.0)
            st = status_kb(proc.pid)
            r = {"reload": k, "result": done or "timeout", "seconds": round(secs, 2),
                 "cpu_s": round(c1 - c0, 2) if c0 is not None and c1 is not None else None,
                 "rss_kb": st.get("VmRSS"), "rss_anon_kb": st.get("RssAnon"), "hwm_kb": st.get("VmHWM")}
            reloads.append(r)
            print(f"  [{a.name}] reload {k}: {r['result']} in {secs:.1f} s, VmRSS {(st.get('VmRSS') or 0) / 1024:.0f} MB "
                  f"(peak so far {(st.get('VmHWM') or 0) / 1024:.0f} MB)", file=sys.stderr, flush=True)
            if done != "ok":
                break
        res["peak_rss_kb"] = status_kb(proc.pid).get("VmHWM")
        res["reloads"] = reloads
        if reloads and res.get("rss_kb") and reloads[-1].get("rss_kb"):
            res["rss_ratio"] = round(reloads[-1]["rss_kb"] / res["rss_kb"], 3)
            res["rss_ratio_max"] = round(max(r["rss_kb"] for r in reloads if r.get("rss_kb")) / res["rss_kb"], 3)
        print(json.dumps(res))
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill(); proc.wait()


if __name__ == "__main__":
    main()
