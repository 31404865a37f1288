#!/usr/bin/env python3
"""Start-up time and idle memory of a server (loopback only).

    python3 bench/startup_probe.py --runs 5 [--path /events] [--rss-delay 1] -- CMD ... {port} ...

For each run: picks a free port on 127.0.0.1, replaces `{port}` in CMD, starts CMD
(no shell) and polls `GET PATH` in a tight loop (connect attempts every 0.5 ms) until a
complete 200 response arrives. Reports per run:

  first_ms      time from just before exec (Popen) to the end of the first 200 response
  load_ms       the server's own "loadMs" field from its start-up log line (stderr JSON), if any
  rss_first_kb  VmRSS right after the first response
  rss_idle_kb   VmRSS after --rss-delay more seconds of idleness
  listen_ms     time to the first accepted connection (the socket is listening)
  rss_anon_kb, rss_file_kb, threads   RssAnon / RssFile / Threads at the idle sample

then the medians. The server is ended by PID (SIGTERM, then SIGKILL after 5 s).
Everything is bounded by --timeout per run. Prints one JSON object on stdout.
"""
import argparse
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time


def free_port():
    """A port below the ephemeral range (scripts/lib/free_port.py says why)."""
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts", "lib", "free_port.py")
    return int(subprocess.run([sys.executable, script], check=True, capture_output=True, text=True).stdout)


def status_kb(pid, field):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def rss_kb(pid):
    return status_kb(pid, "VmRSS")


def get_once(port, path, timeout):
    """One GET; returns (connected, status) where status is None on any failure."""
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    except OSError:
        return False, None
    try:
        s.settimeout(timeout)
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = s.recv(65536)
            if not chunk:
                return True, None
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        m = re.search(rb"(?im)^content-length:\s*(\d+)", head)
        if m:
            need = int(m.group(1))
            while len(body) < need:
                chunk = s.recv(65536)
                if not chunk:
                    return True, None
                body += chunk
        return True, status
    except (OSError, ValueError, IndexError):
        return True, None
    finally:
        s.close()


def stop(proc):
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


def one_run(cmd, path, timeout, rss_delay):
    port = free_port()
    argv = [a.replace("{port}", str(port)) for a in cmd]
    log = tempfile.TemporaryFile()
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=log)
    result = {"port": port}
    try:
        listen_ms = None
        deadline = t0 + timeout
        while True:
            if proc.poll() is not None:
                log.seek(0)
                raise RuntimeError(f"server exited with {proc.returncode}: {log.read()[-2000:].decode(errors='replace')}")
            if time.perf_counter() > deadline:
                raise RuntimeError(f"no 200 on {path} within {timeout} s")
            connected, status = get_once(port, path, 2.0)
            if connected and listen_ms is None:
                listen_ms = (time.perf_counter() - t0) * 1000
            if status == 200:
                break
            time.sleep(0.0005)
        result["first_ms"] = round((time.perf_counter() - t0) * 1000, 2)
        result["listen_ms"] = round(listen_ms, 2) if listen_ms is not None else None
        result["rss_first_kb"] = rss_kb(proc.pid)
        time.sleep(rss_delay)
        result["rss_idle_kb"] = rss_kb(proc.pid)
        # the split of the idle RSS: anonymous (heap, stacks) vs file-backed (binary, shared libraries)
        result["rss_anon_kb"] = status_kb(proc.pid, "RssAnon")
        result["rss_file_kb"] = status_kb(proc.pid, "RssFile")
        result["threads"] = status_kb(proc.pid, "Threads")
    finally:
        stop(proc)
    log.seek(0)
    text = log.read().decode(errors="replace")
    m = re.search(r'"loadMs"\s*:\s*"?([0-9.]+)', text)
    result["load_ms"] = float(m.group(1)) if m else None
    return result


def main():
    ap = argparse.ArgumentParser(description="start-up time to the first 200 response, and idle RSS")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--path", default="/events")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per run (default 60)")
    ap.add_argument("--rss-delay", type=float, default=1.0, help="idle seconds before the second RSS sample")
    ap.add_argument("--name", default="server")
    ap.add_argument("cmd", nargs=argparse.REMAINDER, help="-- CMD ... ({port} is replaced)")
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    if not cmd or not any("{port}" in c for c in cmd):
        ap.error("give the command after --, with {port} where the port goes")
    runs = []
    for i in range(a.runs):
        r = one_run(cmd, a.path, a.timeout, a.rss_delay)
        runs.append(r)
        print(f"  {a.name} run {i + 1}: first 200 after {r['first_ms']} ms (listening {r['listen_ms']} ms, "
              f"loadMs {r['load_ms']}), RSS {r['rss_first_kb']} kB after first response, "
              f"{r['rss_idle_kb']} kB after {a.rss_delay} s idle (anon {r['rss_anon_kb']}, file {r['rss_file_kb']}, "
              f"{r['threads']} threads)", file=sys.stderr)
        time.sleep(0.2)

    def med(key):
        vals = [r[key] for r in runs if r.get(key) is not None]
        return round(statistics.median(vals), 2) if vals else None

    print(json.dumps({"name": a.name, "runs": runs, "median_first_ms": med("first_ms"),
                      "median_listen_ms": med("listen_ms"), "median_load_ms": med("load_ms"),
                      "median_rss_first_kb": med("rss_first_kb"), "median_rss_idle_kb": med("rss_idle_kb"),
                      "median_rss_anon_kb": med("rss_anon_kb"), "median_rss_file_kb": med("rss_file_kb")}))


if __name__ == "__main__":
    main()
