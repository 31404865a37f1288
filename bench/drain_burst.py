#!/usr/bin/env python3
"""SIGTERM under a burst of new connections: how many clients get a reset.

Starts BINARY (one loop, no shutdown delay, the per-client cap raised unless --cap), has
--threads client threads open connections from 127.0.0.1 and send one GET each for 0.6 s,
sends SIGTERM 0.3 s in, then reads every answer. A client refused at connect came after the
listener closed (expected); a reset is a client whose connection the server accepted at the
kernel's level (it sat in the listener's queue, or was new) and then dropped unanswered.

    python3 bench/drain_burst.py --binary .build-static/release/accord [--seeds seeds] [--runs 3]
"""
import argparse
import collections
import os
import signal
import socket
import subprocess
import threading
import time


def free_port():
    with socket.socket() as probe:
        probe.bind(('127.0.0.1', 0))
        return probe.getsockname()[1]


def one_run(binary, seeds, threads, cap):
    port = free_port()
    server = subprocess.Popen(
        [binary, 'serve', '--seeds', seeds, '--port', str(port), '--threads', '1', '--no-access-log'],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, 'ACCORD_LIMITS_MAX_CONNECTIONS_PER_CLIENT': str(cap), 'ACCORD_TIMEOUTS_SHUTDOWN_DELAY': '0'})
    try:
        for _ in range(400):
            try:
                socket.create_connection(('127.0.0.1', port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        opened, lock = [], threading.Lock()

        def opener():
            ends = time.time() + 0.6
            while time.time() < ends:
                try:
                    client = socket.create_connection(('127.0.0.1', port), timeout=5)
                    client.sendall(b'GET /events?limit=1 HTTP/1.1\r\nHost: x\r\n\r\n')
                except OSError as error:
                    client = error
                with lock:
                    opened.append(client)

        workers = [threading.Thread(target=opener) for _ in range(threads)]
        for worker in workers:
            worker.start()
        time.sleep(0.3)
        server.send_signal(signal.SIGTERM)
        for worker in workers:
            worker.join()
        outcome = collections.Counter()
        for client in opened:
            if isinstance(client, OSError):
                outcome['refused at connect'] += 1
                continue
            try:
                data = b''
                while chunk := client.recv(65536):
                    data += chunk
                outcome[data[:12].decode(errors='replace') if data else 'closed unanswered'] += 1
            except ConnectionResetError:
                outcome['reset'] += 1
            except socket.timeout:
                outcome['timeout'] += 1
            finally:
                client.close()
        server.wait(timeout=30)
        return dict(outcome)
    finally:
        if server.poll() is None:
            server.kill()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--binary', required=True)
    parser.add_argument('--seeds', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'seeds'))
    parser.add_argument('--threads', type=int, default=8)
    parser.add_argument('--cap', type=int, default=100_000, help='limits.maxConnectionsPerClient (default: out of the way)')
    parser.add_argument('--runs', type=int, default=3)
    arguments = parser.parse_args()
    for run in range(arguments.runs):
        print(f'run {run + 1}:', one_run(arguments.binary, arguments.seeds, arguments.threads, arguments.cap), flush=True)


if __name__ == '__main__':
    main()
