#!/usr/bin/env python3
"""Print a TCP port that is free right now on every local address, for a test to listen on.

Ports come from below the kernel's ephemeral range (net.ipv4.ip_local_port_range), never from it:
a port the kernel handed out by `bind(0)` can be taken a moment later as the local port of some
outgoing connection (wrk, curl, a proxy's upstream), and a server that then binds the wildcard
address (Caddy's `:PORT`) fails with EADDRINUSE. A port below the range is only ever taken by
something that asks for it by number.
"""
import random
import socket


def ephemeral_range():
    try:
        with open("/proc/sys/net/ipv4/ip_local_port_range") as f:
            low, high = (int(x) for x in f.read().split())
            return low, high
    except (OSError, ValueError):
        return 32768, 60999


def free_everywhere(port):
    for family, address in ((socket.AF_INET, "0.0.0.0"), (socket.AF_INET6, "::")):
        try:
            s = socket.socket(family, socket.SOCK_STREAM)
        except OSError:
            continue  # no IPv6 here
        try:
            if family == socket.AF_INET6:
                s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            s.bind((address, port))
        except OSError:
            return False
        finally:
            s.close()
    return True


def main():
    low, _ = ephemeral_range()
    candidates = list(range(10000, min(low, 32768)))
    if not candidates:
        candidates = list(range(1024, 10000))
    random.shuffle(candidates)
    for port in candidates[:2000]:
        if free_everywhere(port):
            print(port)
            return
    raise SystemExit("free_port: no free port below the ephemeral range")


if __name__ == "__main__":
    main()
