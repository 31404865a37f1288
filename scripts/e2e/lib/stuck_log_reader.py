#!/usr/bin/env python3
"""Helpers for scripts/e2e/stuck_log_reader.sh (standard library only).

  hold FIFO[:SIZE]...
      Opens each fifo read-write (so a writer can open it at once) and never reads. With :SIZE,
      the pipe's capacity is set to SIZE bytes (F_SETPIPE_SZ). Prints "ready", then sleeps up to
      --seconds (the caller kills it sooner).

  fill PORT PID --stdout FIFO --stderr FIFO
      Against a server whose stdout (access log) and stderr (diagnostics) go into those unread
      pipes: sends requests until the stdout pipe is full, then SIGHUPs until the stderr pipe is
      full, checking that each SIGHUP is counted by accord_reloads_total; then, with both pipes
      full, the server must still answer, and further SIGHUPs must still reload.

Prints the measurements on stdout; exits 1 with one line per failure on stderr.
"""
import argparse
import array
import fcntl
import os
import signal
import socket
import sys
import termios
import time

F_SETPIPE_SZ = getattr(fcntl, "F_SETPIPE_SZ", 1031)
F_GETPIPE_SZ = getattr(fcntl, "F_GETPIPE_SZ", 1032)


def hold(args):
    fds = []
    for spec in args.fifos:
        path, _, size = spec.partition(":")
        fd = os.open(path, os.O_RDWR | os.O_NONBLOCK)
        if size:
            fcntl.fcntl(fd, F_SETPIPE_SZ, int(size))
        fds.append(fd)
    print("ready", flush=True)
    time.sleep(args.seconds)
    return 0


def pipe_state(path):
    """(bytes waiting, capacity) of a fifo, without reading it."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        waiting = array.array("i", [0])
        fcntl.ioctl(fd, termios.FIONREAD, waiting, True)
        return waiting[0], fcntl.fcntl(fd, F_GETPIPE_SZ)
    finally:
        os.close(fd)


class Client:
    """One keep-alive connection; get() returns (status code, body)."""

    def __init__(self, port, timeout=2.0):
        self.port, self.timeout, self.sock, self.buffer = port, timeout, None, b""

    def get(self, path):
        if self.sock is None:
            self.sock = socket.create_connection(("127.0.0.1", self.port), timeout=self.timeout)
            self.buffer = b""
        try:
            self.sock.sendall(f"GET {path} HTTP/1.1\r\nHost: t\r\n\r\n".encode())
            while b"\r\n\r\n" not in self.buffer:
                self.buffer += self._recv()
            head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
            length = 0
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            while len(self.buffer) < length:
                self.buffer += self._recv()
            body, self.buffer = self.buffer[:length], self.buffer[length:]
            if b"connection: close" in head.lower():
                self.close()
            return int(head.split(b" ", 2)[1]), body
        except (OSError, ValueError, IndexError):
            self.close()
            raise

    def _recv(self):
        chunk = self.sock.recv(65536)
        if not chunk:
            raise ConnectionError("the server closed the connection")
        return chunk

    def close(self):
        if self.sock is not None:
            self.sock.close()
            self.sock = None


def reloads(client):
    status, body = client.get("/metrics")
    if status != 200:
        raise RuntimeError(f"/metrics answered {status}")
    for line in body.decode().splitlines():
        if line.startswith("accord_reloads_total "):
            return int(float(line.split()[1]))
    raise RuntimeError("no accord_reloads_total in /metrics")


def reload_once(client, pid, wait):
    """SIGHUP, then wait up to WAIT seconds for accord_reloads_total to go up; returns
    (reloaded, seconds, count)."""
    before = reloads(client)
    started = time.monotonic()
    os.kill(pid, signal.SIGHUP)
    count = before
    while time.monotonic() - started < wait:
        time.sleep(0.03)
        count = reloads(client)
        if count > before:
            return True, time.monotonic() - started, count
    return False, time.monotonic() - started, count


def fill(args):
    failures = []
    client = Client(args.port)

    def request(path):
        try:
            status, _ = client.get(path)
            return None if status == 200 else f"{path} answered {status}"
        except OSError as error:
            return f"{path}: {error}"

    # 1. Requests until the access-log pipe (stdout) is full: its content stops growing while
    # the server goes on answering (the access log is flushed at least every 100 ms).
    started = time.monotonic()
    sent, bad, full, last = 0, [], False, -1
    while sent < args.requests and time.monotonic() - started < 15:
        for _ in range(200):
            error = request("/healthz" if sent % 2 else "/events?limit=1")
            sent += 1
            if error:
                bad.append(error)
        time.sleep(0.3)
        waiting, capacity = pipe_state(args.stdout)
        if waiting == last and waiting > capacity // 2:
            full = True
            break
        last = waiting
    print(f"{sent} requests in {time.monotonic() - started:.1f} s; stdout pipe {waiting}/{capacity} bytes"
          f" ({'full' if full else 'not full'}), {len(bad)} failed")
    if bad:
        failures.append(f"{len(bad)} of {sent} requests failed while the access-log pipe filled: {bad[0]}")
    if not full:
        failures.append(f"the stdout pipe did not fill ({waiting}/{capacity} bytes) after {sent} requests:"
                        f" is the access log on?")

    # 2. SIGHUPs until the diagnostics pipe (stderr) is full: its content stops growing although
    # the reload happened. Each SIGHUP must be counted by accord_reloads_total.
    hups, slowest, full, last = 0, 0.0, False, -1
    started = time.monotonic()
    while hups < args.max_hups and time.monotonic() - started < 20:
        reloaded, seconds, count = reload_once(client, args.pid, args.reload_wait)
        hups += 1
        slowest = max(slowest, seconds)
        waiting, capacity = pipe_state(args.stderr)
        if not reloaded:
            failures.append(f"SIGHUP {hups} (stderr pipe {waiting}/{capacity} bytes) was not counted as a"
                            f" reload within {args.reload_wait:g} s (accord_reloads_total stuck at {count})")
            break
        time.sleep(0.05)  # the reload's log line is written just after the counter moves
        waiting, capacity = pipe_state(args.stderr)
        if waiting == last and waiting > capacity // 2:
            full = True
            break
        last = waiting
    print(f"{hups} SIGHUPs in {time.monotonic() - started:.1f} s (slowest reload {slowest:.2f} s);"
          f" stderr pipe {waiting}/{capacity} bytes ({'full' if full else 'not full'})")
    if not full and not failures:
        failures.append(f"the stderr pipe did not fill after {hups} SIGHUPs ({waiting}/{capacity} bytes)")

    # 3. Both pipes full: the server still answers, and SIGHUP still reloads.
    for attempt in range(1, 4):
        probe_started = time.monotonic()
        try:
            status, _ = Client(args.port, timeout=1.0).get("/healthz")
            print(f"with both pipes full: /healthz {status} in {(time.monotonic() - probe_started) * 1000:.1f} ms")
            if status != 200:
                failures.append(f"with both log pipes full, /healthz answered {status}")
        except OSError as error:
            failures.append(f"with both log pipes full, /healthz failed: {error!r}")
        try:
            reloaded, seconds, count = reload_once(client, args.pid, args.reload_wait)
        except (OSError, RuntimeError) as error:
            failures.append(f"with both log pipes full, /metrics failed: {error!r}")
            break
        if not reloaded:
            failures.append(f"with the stderr pipe full, SIGHUP {attempt} was not counted as a reload within"
                            f" {args.reload_wait:g} s (accord_reloads_total stuck at {count})")
            break
        print(f"with both pipes full: SIGHUP {attempt} reloaded in {seconds:.2f} s (accord_reloads_total {count})")
    client.close()
    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    h = commands.add_parser("hold")
    h.add_argument("fifos", nargs="+")
    h.add_argument("--seconds", type=float, default=120)
    f = commands.add_parser("fill")
    f.add_argument("port", type=int)
    f.add_argument("pid", type=int)
    f.add_argument("--stdout", required=True)
    f.add_argument("--stderr", required=True)
    f.add_argument("--requests", type=int, default=2000)
    f.add_argument("--max-hups", type=int, default=200)
    f.add_argument("--reload-wait", type=float, default=3.0)
    args = parser.parse_args()
    return hold(args) if args.command == "hold" else fill(args)


if __name__ == "__main__":
    sys.exit(main())
