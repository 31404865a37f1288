#!/usr/bin/env python3
"""Keep-alive load against a server, a stop command in the middle of it, and an account of
every single request: when it was sent relative to the stop, and what came back.

    drain_load.py --port P --stop-after 3 --report OUT.json -- podman stop -t 15 NAME

CONNECTIONS threads each keep one HTTP/1.1 keep-alive connection busy (reconnecting when the
server closes it) with GET requests that each carry a unique X-Request-ID. After STOP_AFTER
seconds the stop command runs (it sends SIGTERM and returns when the server has exited); the
load goes on for SETTLE seconds after it returns, then the report is written.

Each request ends in one of:
  ok            a complete response (status line, headers, the whole Content-Length body);
  truncated     part of a response, then the connection ended or stalled;
  unanswered    the request was written (or being written) and not one byte came back:
                the server closed or reset the connection, or it stalled READ_TIMEOUT;
  refused       no connection (refused, unreachable, connect timeout): nothing was sent.
Statuses of complete responses are counted per status. Nothing here decides pass or fail:
the caller compares the report with the server's access log (which request IDs the server
took) and applies its rules. Loopback only; the threads end by themselves.
"""
import argparse
import json
import socket
import subprocess
import sys
import threading
import time

parser = argparse.ArgumentParser()
parser.add_argument("--host", default="127.0.0.1")
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--paths", default="/healthz,/events?limit=5,/entities,/articles")
parser.add_argument("--connections", type=int, default=16)
parser.add_argument("--stop-after", type=float, default=3.0)
parser.add_argument("--settle", type=float, default=1.0)
parser.add_argument("--connect-timeout", type=float, default=1.0)
parser.add_argument("--read-timeout", type=float, default=5.0)
parser.add_argument("--probe", default="/readyz", help="path polled every 50 ms on its own connection")
parser.add_argument("--report", required=True)
parser.add_argument("stop", nargs=argparse.REMAINDER)
args = parser.parse_args()
stop_command = args.stop[1:] if args.stop[:1] == ["--"] else args.stop
if not stop_command:
    parser.error("no stop command after --")
paths = [p for p in args.paths.split(",") if p]

start = time.monotonic()
lock = threading.Lock()
finished = threading.Event()
records = []  # (connection, sequence, request id, path, sent, ended, outcome, status, detail, reused, closing)
probes = []  # (time, status or None)


def now():
    return time.monotonic() - start


class Incomplete(Exception):
    def __init__(self, got_bytes, detail):
        super().__init__(detail)
        self.got_bytes = got_bytes
        self.detail = detail


def read_response(sock):
    """Returns (status, headers dict lower-case, keep_alive). Raises Incomplete."""
    data = b""
    while b"\r\n\r\n" not in data:
        try:
            chunk = sock.recv(65536)
        except socket.timeout:
            raise Incomplete(len(data), "read timeout")
        except OSError as error:
            raise Incomplete(len(data), f"recv: {error.strerror or error}")
        if not chunk:
            raise Incomplete(len(data), "EOF")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    try:
        status = int(lines[0].split(" ")[1])
    except (IndexError, ValueError):
        raise Incomplete(len(data), f"bad status line {lines[0]!r}")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    while len(body) < length:
        try:
            chunk = sock.recv(65536)
        except socket.timeout:
            raise Incomplete(len(data), f"read timeout in the body ({len(body)}/{length})")
        except OSError as error:
            raise Incomplete(len(data), f"recv in the body: {error.strerror or error} ({len(body)}/{length})")
        if not chunk:
            raise Incomplete(len(data), f"EOF in the body ({len(body)}/{length})")
        body += chunk
        data += chunk
    if len(body) > length:
        raise Incomplete(len(data), "more bytes than Content-Length (pipelining is not used)")
    keep_alive = headers.get("connection", "").lower() != "close"
    return status, headers, keep_alive


def connect():
    sock = socket.create_connection((args.host, args.port), timeout=args.connect_timeout)
    sock.settimeout(args.read_timeout)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def worker(index):
    sock = None
    sequence = 0
    local = []
    while not finished.is_set():
        path = paths[sequence % len(paths)]
        request_id = f"drain-{index}-{sequence}"
        sequence += 1
        sent = now()
        if sock is None:
            try:
                sock = connect()
                reused = False
            except OSError as error:
                local.append((index, sequence, request_id, path, sent, now(), "refused", None,
                              error.strerror or str(error), False, False))
                time.sleep(0.02)
                continue
        else:
            reused = True
        request = (f"GET {path} HTTP/1.1\r\nHost: {args.host}:{args.port}\r\n"
                   f"X-Request-ID: {request_id}\r\nUser-Agent: accord-drain-check\r\n\r\n").encode()
        try:
            sock.sendall(request)
            status, headers, keep_alive = read_response(sock)
            local.append((index, sequence, request_id, path, sent, now(), "ok", status, "", reused,
                          not keep_alive))
            if not keep_alive:
                sock.close()
                sock = None
        except Incomplete as error:
            outcome = "truncated" if error.got_bytes else "unanswered"
            local.append((index, sequence, request_id, path, sent, now(), outcome, None, error.detail,
                          reused, False))
            sock.close()
            sock = None
        except OSError as error:  # the write failed: reset or broken pipe
            local.append((index, sequence, request_id, path, sent, now(), "unanswered", None,
                          f"send: {error.strerror or error}", reused, False))
            sock.close()
            sock = None
    if sock is not None:
        sock.close()
    with lock:
        records.extend(local)


def prober():
    request = f"GET {args.probe} HTTP/1.1\r\nHost: probe\r\nConnection: close\r\n\r\n".encode()
    while not finished.is_set():
        at = now()
        status = None
        try:
            with connect() as sock:
                sock.sendall(request)
                status, _, _ = read_response(sock)
        except (OSError, Incomplete):
            pass
        probes.append((at, status))
        time.sleep(0.05)


threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(args.connections)]
threads.append(threading.Thread(target=prober, daemon=True))
for thread in threads:
    thread.start()
time.sleep(args.stop_after)
sigterm = now()
stop = subprocess.run(stop_command, capture_output=True, text=True)
exited = now()
time.sleep(args.settle)
finished.set()
for thread in threads:
    thread.join(args.read_timeout + args.connect_timeout + 2)

fields = ("connection", "sequence", "requestId", "path", "sent", "ended", "outcome", "status",
          "detail", "reused", "closing")
report = {
    "sigterm": sigterm,
    "exited": exited,
    "stopCommand": stop_command,
    "stopStatus": stop.returncode,
    "stopOutput": (stop.stdout + stop.stderr).strip(),
    "connections": args.connections,
    "requests": [dict(zip(fields, record)) for record in sorted(records, key=lambda r: r[4])],
    "probes": [{"at": at, "status": status} for at, status in probes],
}
with open(args.report, "w") as out:
    json.dump(report, out)
sys.exit(0)
