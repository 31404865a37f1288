#!/usr/bin/env python3
"""Socket side of scripts/e2e/silent_connections.sh (standard library only).

  flood PORT --count N --source ADDR --cap C
      Opens N connections from ADDR that never send a byte. While they are open, a client on
      127.0.0.1 asks GET /healthz several times and must get 200 within 1 s each time. One more
      connection from ADDR must be refused: 503 with Retry-After, then closed. Of the N, at most
      C may stay open; every other one must have been answered 503 (with Retry-After) and closed.

  header-timeout PORT --expect S
      Opens one connection from 127.0.0.1 that sends nothing; the server must close it after
      about S seconds (the header timeout, counted from accept), not after the idle timeout.

Prints the measurements on stdout; exits 1 with one line per failure on stderr.
"""
import argparse
import errno
import resource
import selectors
import socket
import sys
import time

IP_BIND_ADDRESS_NO_PORT = getattr(socket, "IP_BIND_ADDRESS_NO_PORT", 24)
PROBE_TIMEOUT = 1.0


def raise_nofile():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def read_head(sock, deadline):
    """Reads until the end of a response head, EOF or the deadline; returns the bytes."""
    data = b""
    while b"\r\n\r\n" not in data:
        left = deadline - time.monotonic()
        if left <= 0:
            raise socket.timeout("deadline")
        sock.settimeout(left)
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


def probe(port):
    """GET /healthz from 127.0.0.1; returns (ok, seconds, description)."""
    started = time.monotonic()
    deadline = started + PROBE_TIMEOUT
    try:
        sock = socket.create_connection(("127.0.0.1", port), timeout=PROBE_TIMEOUT)
        try:
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: probe\r\nConnection: close\r\n\r\n")
            head = read_head(sock, deadline)
        finally:
            sock.close()
    except (socket.timeout, TimeoutError):
        return False, time.monotonic() - started, f"no answer within {PROBE_TIMEOUT:.0f} s"
    except OSError as error:
        return False, time.monotonic() - started, f"{error.__class__.__name__}: {error}"
    elapsed = time.monotonic() - started
    status = head.split(b"\r\n", 1)[0].decode("latin-1", "replace")
    if not status.startswith("HTTP/1.1 200"):
        return False, elapsed, f"answered {status!r}"
    return elapsed <= PROBE_TIMEOUT, elapsed, status


def has_retry_after(head):
    return any(line.lower().startswith(b"retry-after:") for line in head.split(b"\r\n")[1:])


def silent_socket(source):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, 1)
    except OSError:
        pass
    sock.bind((source, 0))
    sock.setblocking(False)
    return sock


def flood(args):
    failures = []
    limit = raise_nofile()
    if limit < args.count + 1000:
        print(f"RLIMIT_NOFILE is {limit}, need {args.count + 1000}", file=sys.stderr)
        return 77
    probes = []  # (phase, ok, seconds, description)
    sockets = []
    connect_errors = 0
    started = time.monotonic()
    checkpoints = {args.count * k // 4 for k in (1, 2, 3)}
    for index in range(args.count):
        if time.monotonic() - started > args.open_seconds:
            failures.append(f"opened only {index} of {args.count} connections in {args.open_seconds:.0f} s")
            break
        sock = silent_socket(args.source)
        code = sock.connect_ex(("127.0.0.1", args.port))
        if code not in (0, errno.EINPROGRESS):
            connect_errors += 1
            sock.close()
            continue
        sockets.append(sock)
        if index + 1 in checkpoints:
            probes.append((f"after {index + 1} silent", *probe(args.port)))
    opened = time.monotonic() - started
    print(f"opened {len(sockets)} silent connections from {args.source} in {opened:.2f} s"
          f" ({connect_errors} connect errors)")

    # Watch the silent sockets: a refused one reads a 503 and then EOF.
    selector = selectors.DefaultSelector()
    state = {}
    for sock in sockets:
        selector.register(sock, selectors.EVENT_READ)
        state[sock] = b""
    refused_503 = 0
    refused_without_retry_after = 0
    closed_other = []  # first bytes of anything else the server sent before closing
    reset = 0

    def pump(timeout):
        nonlocal refused_503, refused_without_retry_after, reset
        for key, _ in selector.select(timeout):
            sock = key.fileobj
            try:
                chunk = sock.recv(65536)
            except BlockingIOError:
                continue
            except ConnectionResetError:
                chunk = None
            if chunk:
                state[sock] += chunk
                continue
            data = state.pop(sock)
            selector.unregister(sock)
            sock.close()
            if chunk is None and not data:
                reset += 1
            elif data.startswith(b"HTTP/1.1 503"):
                refused_503 += 1
                if not has_retry_after(data.split(b"\r\n\r\n", 1)[0]):
                    refused_without_retry_after += 1
            else:
                closed_other.append(data[:60])

    # Let the server work through the backlog: at most `cap` may stay open (bounded wait).
    settle_deadline = time.monotonic() + args.settle_seconds
    while len(state) > args.cap and time.monotonic() < settle_deadline:
        pump(0.1)
    pump(0)
    still_open = len(state)

    # With the silent connections open, probes from another address are answered promptly.
    for attempt in range(5):
        probes.append((f"with {still_open} held open", *probe(args.port)))
        time.sleep(0.2)

    # One more connection from the flooding address is refused: 503 + Retry-After + close.
    extra = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    extra.bind((args.source, 0))
    extra_started = time.monotonic()
    try:
        extra.settimeout(2.0)
        extra.connect(("127.0.0.1", args.port))
        head = read_head(extra, extra_started + 2.0)
        status = head.split(b"\r\n", 1)[0].decode("latin-1", "replace")
        if not head:
            failures.append(f"an extra connection from {args.source} was closed without a 503 response")
        elif not status.startswith("HTTP/1.1 503"):
            failures.append(f"an extra connection from {args.source} got {status!r}, expected 503")
        elif not has_retry_after(head.split(b"\r\n\r\n", 1)[0]):
            failures.append(f"the 503 for an extra connection from {args.source} has no Retry-After header")
        else:
            extra.settimeout(max(0.1, extra_started + 2.0 - time.monotonic()))
            while extra.recv(65536):
                pass
            print(f"extra connection from {args.source}: {status} with Retry-After, closed,"
                  f" in {time.monotonic() - extra_started:.3f} s")
    except (socket.timeout, TimeoutError):
        failures.append(f"an extra connection from {args.source} (beyond {still_open} open from it) got no"
                        f" 503 within 2 s: it was admitted and held (expected 503 + Retry-After + close)")
    except OSError as error:
        failures.append(f"an extra connection from {args.source} failed: {error}")
    finally:
        extra.close()

    pump(0)
    print(f"silent connections from {args.source}: {len(state)} still open (cap {args.cap}),"
          f" {refused_503} answered 503 and closed ({refused_without_retry_after} without Retry-After),"
          f" {len(closed_other)} closed otherwise, {reset} reset")
    if still_open > args.cap:
        failures.append(f"{still_open} silent connections from {args.source} stayed open after"
                        f" {args.settle_seconds:.0f} s; limits.maxConnectionsPerClient is {args.cap}")
    if refused_without_retry_after:
        failures.append(f"{refused_without_retry_after} refusals had no Retry-After header")
    if closed_other:
        failures.append(f"{len(closed_other)} silent connections were closed with something other than a 503,"
                        f" e.g. {closed_other[0]!r}")

    for phase, ok, seconds, description in probes:
        print(f"probe {phase}: {'ok' if ok else 'FAILED'} in {seconds * 1000:.1f} ms ({description})")
        if not ok:
            failures.append(f"GET /healthz from 127.0.0.1 {phase}: {description} ({seconds:.2f} s)")
    latencies = [seconds for _, ok, seconds, _ in probes]
    print(f"probe latency: max {max(latencies) * 1000:.1f} ms over {len(latencies)} probes")

    for sock in list(state):
        sock.close()
    selector.close()
    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    return 1 if failures else 0


def header_timeout(args):
    sock = socket.create_connection(("127.0.0.1", args.port), timeout=2)
    started = time.monotonic()
    limit = args.expect + 3.0
    received = b""
    outcome = None
    try:
        while True:
            left = started + limit - time.monotonic()
            if left <= 0:
                break
            sock.settimeout(left)
            chunk = sock.recv(65536)
            if not chunk:
                outcome = "closed"
                break
            received += chunk
    except (socket.timeout, TimeoutError):
        pass
    except ConnectionResetError:
        outcome = "reset"
    finally:
        sock.close()
    elapsed = time.monotonic() - started
    status = received.split(b"\r\n", 1)[0].decode("latin-1", "replace") if received else "nothing"
    if outcome is None:
        print(f"FAIL: a connection that sent nothing was still open after {elapsed:.1f} s"
              f" (timeouts.header = {args.expect:g} s); it is held until the idle timeout", file=sys.stderr)
        return 1
    print(f"silent connection from 127.0.0.1 {outcome} by the server after {elapsed:.2f} s"
          f" (timeouts.header = {args.expect:g} s; it sent {status!r})")
    low, high = max(0.0, args.expect - 1.0), args.expect + 1.5
    if not low <= elapsed <= high:
        print(f"FAIL: the silent connection was closed after {elapsed:.2f} s, expected"
              f" {low:g}..{high:g} s (timeouts.header = {args.expect:g} s)", file=sys.stderr)
        return 1
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    f = commands.add_parser("flood")
    f.add_argument("port", type=int)
    f.add_argument("--count", type=int, default=16000)
    f.add_argument("--source", default="127.0.0.2")
    f.add_argument("--cap", type=int, required=True)
    f.add_argument("--open-seconds", type=float, default=20.0, help="bound on opening the connections")
    f.add_argument("--settle-seconds", type=float, default=10.0, help="bound on waiting for the refusals")
    h = commands.add_parser("header-timeout")
    h.add_argument("port", type=int)
    h.add_argument("--expect", type=float, required=True)
    args = parser.parse_args()
    return flood(args) if args.command == "flood" else header_timeout(args)


if __name__ == "__main__":
    sys.exit(main())
