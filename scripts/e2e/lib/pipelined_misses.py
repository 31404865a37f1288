#!/usr/bin/env python3
"""Socket side of scripts/e2e/pipelined_misses.sh (standard library only).

Opens CONNECTIONS connections (spread over source addresses 127.0.0.10 and up, a few dozen
per address, so a per-client connection cap does not blunt the attack), each pipelining
PIPELINE GET requests that miss the response cache (a different query and Accept on each),
and never reads a byte. The server's RSS (VmRSS of PID) is sampled meanwhile and must stay
under --limit-mib; a separate client must keep getting answers. Then every connection is
closed, and the RSS must come back to within --return-mib of the baseline.

Prints the measurements on stdout; exits 1 with one line per failure on stderr.
"""
import argparse
import resource
import selectors
import socket
import sys
import threading
import time

IP_BIND_ADDRESS_NO_PORT = getattr(socket, "IP_BIND_ADDRESS_NO_PORT", 24)
MIB = 1024 * 1024
WARM_UP_BASE = 200_000  # the warm-up's targets, apart from the attack's (0 to connections x pipeline)


def rss_bytes(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS")


def target(n, kind):
    """The N-th distinct spelling of a big answer. The response cache is keyed by the target as
    sent (and the negotiated format), so leading zeros make a new key for the same query:
    limit=64..100 (all 64 entities) or 23..100 (all 23 events), padded with up to 49 zeros,
    and offset=0 padded with more zeros every 50 x span numbers."""
    span = 37 if kind == 0 else 78
    limit = ("0" * ((n // span) % 50)) + str((64 if kind == 0 else 23) + n % span)
    offset = "0" * (n // (span * 50) + 1)
    if kind == 0:
        return f"/entities?limit={limit}&offset={offset}"
    return f"/events?limit={limit}&offset={offset}&sort=-date"


def requests_for(base, count):
    """COUNT pipelined GETs that miss the response cache: every target is new (numbers BASE to
    BASE + COUNT - 1 of each kind). The mix is the biggest answers per unit of server CPU:
    all entities as JSON (62 KiB), all events as GeoJSON (33 KiB)."""
    out = []
    for i in range(count):
        kind = i % 2
        accept = "application/json" if kind == 0 else "application/geo+json"
        out.append(f"GET {target(base + i, kind)} HTTP/1.1\r\nHost: attack\r\nAccept: {accept}\r\n\r\n")
    return "".join(out).encode()


def get(port, path, timeout):
    """One GET from 127.0.0.1; returns (status line or error, seconds)."""
    started = time.monotonic()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
            sock.sendall(f"GET {path} HTTP/1.1\r\nHost: probe\r\nConnection: close\r\n\r\n".encode())
            data = b""
            while b"\r\n" not in data:
                if time.monotonic() - started > timeout:
                    raise TimeoutError
                chunk = sock.recv(65536)
                if not chunk:
                    break
                data += chunk
        return data.split(b"\r\n", 1)[0].decode("latin-1", "replace") or "closed without an answer", \
            time.monotonic() - started
    except (socket.timeout, TimeoutError):
        return f"no answer within {timeout:g} s", time.monotonic() - started
    except OSError as error:
        return f"{error.__class__.__name__}: {error}", time.monotonic() - started


def read_response(sock):
    """Reads one response with a Content-Length body from a blocking socket; returns
    (status line, body length)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed mid-response")
        data += chunk
    head, body = data.split(b"\r\n\r\n", 1)
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed mid-body")
        body += chunk
    if len(body) != length:
        raise ConnectionError("bytes after a response: not expected here")
    return head.split(b"\r\n", 1)[0].decode("latin-1"), length


def warm_up(port, connections, cache_bytes):
    """Cache-missing GETs like the attack's, reading every answer, until the response cache is
    nearly full (about CACHE_BYTES of bodies and keys; the cache clears itself when it would
    pass its bound). The baseline then already holds a full cache and warm allocator arenas,
    so that what the attack leaves in the cache (anything from empty to full) does not count
    against the server after the attackers leave. Returns (errors, requests)."""
    errors = []
    state = {"bytes": 0, "requests": 0}
    lock = threading.Lock()
    largest = 96 * 1024  # more than any one answer here, with its key

    def one(index):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
                for request in requests_for(WARM_UP_BASE + index * 2000, 2000).split(b"\r\n\r\n")[:-1]:
                    with lock:
                        if state["bytes"] + largest > cache_bytes:
                            return
                    sock.sendall(request + b"\r\n\r\n")
                    status, length = read_response(sock)
                    if not status.startswith("HTTP/1.1 200"):
                        errors.append(status)
                        return
                    with lock:
                        state["bytes"] += length + len(request) + 256  # body, key, ETag and type
                        state["requests"] += 1
        except OSError as error:
            errors.append(str(error))

    threads = [threading.Thread(target=one, args=(i,)) for i in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return errors, state["requests"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("port", type=int)
    parser.add_argument("pid", type=int)
    parser.add_argument("--connections", type=int, default=1000)
    parser.add_argument("--pipeline", type=int, default=100)
    parser.add_argument("--per-address", type=int, default=25, help="connections per source address")
    parser.add_argument("--limit-mib", type=float, default=200)
    parser.add_argument("--return-mib", type=float, default=40, help="allowed RSS above baseline after close")
    parser.add_argument("--attack-seconds", type=float, default=20, help="longest attack")
    parser.add_argument("--min-attack-seconds", type=float, default=8, help="shortest attack")
    parser.add_argument("--settle-seconds", type=float, default=10)
    parser.add_argument("--probe-timeout", type=float, default=10)
    parser.add_argument("--rcvbuf", type=int, default=4096, help="attackers' SO_RCVBUF")
    parser.add_argument("--cache-mib", type=float, default=32,
                        help="the response cache's byte bound (ResponseCache.maxBytes): the warm-up fills it")
    parser.add_argument("--mss", type=int, default=1024, help="attackers' TCP_MAXSEG")
    parser.add_argument("--abort-mib", type=float, default=1024, help="stop the attack early above this RSS")
    args = parser.parse_args()

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < args.connections + 100:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    failures = []
    warm_started = time.monotonic()
    errors, warmed = warm_up(args.port, 4, args.cache_mib * MIB)
    if errors:
        print(f"FAIL: the warm-up (reading every answer) failed: {errors[0]}", file=sys.stderr)
        return 1
    time.sleep(0.5)
    baseline = rss_bytes(args.pid)
    print(f"warm-up: {warmed} cache-missing GETs, answers read, in {time.monotonic() - warm_started:.1f} s;"
          f" baseline RSS {baseline / MIB:.1f} MiB")

    # Connect everything first (bounded), then send the pipelines.
    sockets = []
    started = time.monotonic()
    for index in range(args.connections):
        source = f"127.0.0.{10 + index // args.per_address}"
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, 1)
        # A small receive window and segment size, so the server's socket buffers stay small
        # (loopback's 64 KiB MSS would let the kernel hold ~4 MiB per connection): the answers
        # then pile up in the server's memory, where the RSS shows them.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, args.rcvbuf)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_MAXSEG, args.mss)
        sock.bind((source, 0))
        sock.settimeout(5)
        try:
            sock.connect(("127.0.0.1", args.port))
        except OSError as error:
            sock.close()
            failures.append(f"connection {index} from {source} failed: {error}")
            break
        sock.setblocking(False)
        sockets.append(sock)
    pending = {sock: requests_for(index * args.pipeline, args.pipeline) for index, sock in enumerate(sockets)}
    request_bytes = sum(len(data) for data in pending.values())
    selector = selectors.DefaultSelector()
    for sock in pending:
        selector.register(sock, selectors.EVENT_WRITE)
    send_deadline = time.monotonic() + 10
    while pending and time.monotonic() < send_deadline:
        for key, _ in selector.select(0.1):
            sock = key.fileobj
            try:
                sent = sock.send(pending[sock])
            except BlockingIOError:
                continue
            except OSError:
                sent = len(pending[sock])  # closed by the server; counted below
            pending[sock] = pending[sock][sent:]
            if not pending[sock]:
                del pending[sock]
                selector.unregister(sock)
    selector.close()
    print(f"{len(sockets)} connections from {1 + (len(sockets) - 1) // args.per_address} addresses,"
          f" {args.pipeline} pipelined cache-missing GETs each ({request_bytes / MIB:.1f} MiB of requests),"
          f" sent in {time.monotonic() - started:.2f} s; {len(pending)} could not send everything")

    # A separate client keeps asking while the attackers sit on their responses.
    probes = []
    stop = threading.Event()

    def prober():
        paths = ["/healthz", "/events?limit=1"]
        n = 0
        while not stop.is_set():
            status, seconds = get(args.port, paths[n % 2], args.probe_timeout)
            probes.append((paths[n % 2], status, seconds))
            n += 1
            stop.wait(0.5)

    thread = threading.Thread(target=prober, daemon=True)
    thread.start()
    peak = baseline
    samples = []
    attack_started = time.monotonic()
    alive = True
    while time.monotonic() - attack_started < args.attack_seconds:
        try:
            rss = rss_bytes(args.pid)
        except (OSError, RuntimeError):
            alive = False
            failures.append("the server died during the attack")
            break
        samples.append((time.monotonic() - attack_started, rss))
        peak = max(peak, rss)
        if rss > args.abort_mib * MIB:
            print(f"RSS passed {args.abort_mib:g} MiB after {samples[-1][0]:.1f} s: stopping the attack early")
            break
        # Bounded memory shows as a plateau: stop once the RSS has moved less than 1 MiB over the
        # last 3 s (and at least --min-attack-seconds have passed).
        now = samples[-1][0]
        recent = [r for t, r in samples if t >= now - 3.0]
        if now >= args.min_attack_seconds and samples[0][0] <= now - 3.0 and max(recent) - min(recent) < MIB:
            print(f"RSS flat for 3 s at {rss / MIB:.1f} MiB: attack ends after {now:.1f} s")
            break
        time.sleep(0.1)
    stop.set()
    thread.join(args.probe_timeout + 1)
    timeline = ", ".join(f"{t:.0f}s {r / MIB:.0f}" for t, r in samples[::max(1, len(samples) // 8)])
    print(f"RSS MiB during the attack: {timeline}")

    # How many of the attack connections were refused or closed by the server?
    refused = closed = 0
    for sock in sockets:
        try:
            data = sock.recv(16, socket.MSG_PEEK)
            if data.startswith(b"HTTP/1.1 503"):
                refused += 1
            elif not data:
                closed += 1
        except BlockingIOError:
            pass
        except OSError:
            closed += 1
    if refused:
        failures.append(f"{refused} attack connections were refused with 503 at accept: the attack did not"
                        f" land (is limits.maxConnectionsPerClient below {args.per_address}?)")

    # Close everything; the memory must come back.
    close_started = time.monotonic()
    for sock in sockets:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        sock.close()
    after = None
    while alive and time.monotonic() - close_started < args.settle_seconds:
        try:
            after = rss_bytes(args.pid)
        except (OSError, RuntimeError):
            alive = False
            failures.append("the server died after the attack connections closed")
            break
        if after <= baseline + args.return_mib * MIB:
            break
        time.sleep(0.1)
    settle = time.monotonic() - close_started

    print(f"RSS baseline {baseline / MIB:.1f} MiB, peak {peak / MIB:.1f} MiB during the attack"
          f" (limit {args.limit_mib:g} MiB), {after / MIB if after else float('nan'):.1f} MiB"
          f" {settle:.1f} s after closing (limit baseline + {args.return_mib:g} MiB)")
    if after is not None and after > peak:
        print(f"after closing, the RSS kept growing: {(after - peak) / MIB:.1f} MiB above the attack's peak")
    elif after is not None and peak > baseline:
        print(f"after closing, the RSS gave back {(peak - after) / MIB:.1f} of the {(peak - baseline) / MIB:.1f} MiB"
              f" it grew")
    answered = [p for p in probes if p[1].startswith("HTTP/1.1 200")]
    worst = max((p[2] for p in probes), default=0.0)
    print(f"separate client: {len(answered)} of {len(probes)} requests answered 200, slowest {worst * 1000:.0f} ms;"
          f" {closed} attack connections closed by the server, {refused} refused")

    if peak >= args.limit_mib * MIB:
        failures.append(f"RSS peaked at {peak / MIB:.1f} MiB (limit {args.limit_mib:g} MiB) with"
                        f" {len(sockets)} connections pipelining {args.pipeline} cache misses each and not reading")
    if alive and after is not None and after > baseline + args.return_mib * MIB:
        failures.append(f"RSS was still {after / MIB:.1f} MiB {args.settle_seconds:g} s after the attack"
                        f" connections closed (baseline {baseline / MIB:.1f} MiB, allowed +{args.return_mib:g} MiB)")
    if not probes:
        failures.append("the separate client made no request")
    for path, status, seconds in probes:
        if not status.startswith("HTTP/1.1 200"):
            failures.append(f"separate client GET {path}: {status} ({seconds:.2f} s)")
    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
