"""HAProxy's view of the replicas, over its stats socket, for scripts/e2e/replicas.sh.

    python3 replicas_haproxy.py SOCKET wait SERVER STATE SECONDS   exit 0 once SERVER is STATE
                                                                  (UP, DOWN) within SECONDS
    python3 replicas_haproxy.py SOCKET report                      one line per server, then
                                                                  exit 1 if any request to a
                                                                  replica failed or was retried

SERVER is accord1, accord2, ... in the backend "accord" (config/haproxy.cfg.example). The
report's counters: stot (sessions), econ (connection errors), eresp (response errors), wretr
(retries), wredis (redispatches), hrsp_5xx (5xx answered by the replica).
"""
import csv
import io
import socket
import sys
import time


def show_stat(path):
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(5)
    sock.connect(path)
    sock.sendall(b"show stat\n")
    data = b""
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    sock.close()
    text = data.decode().lstrip("# ")
    return [row for row in csv.DictReader(io.StringIO(text))
            if row.get("pxname") == "accord" and row.get("svname") not in ("BACKEND", "FRONTEND")]


def main():
    path, command = sys.argv[1], sys.argv[2]
    if command == "wait":
        name, state, seconds = sys.argv[3], sys.argv[4], float(sys.argv[5])
        deadline = time.time() + seconds
        while time.time() < deadline:
            try:
                rows = show_stat(path)
            except OSError:  # HAProxy has not created its stats socket yet
                time.sleep(0.05)
                continue
            for row in rows:
                if row["svname"] == name and row["status"] == state:
                    return 0
            time.sleep(0.05)
        return 1
    if command == "report":
        bad = 0
        for row in show_stat(path):
            counters = {k: int(row.get(k) or 0) for k in ("stot", "econ", "eresp", "wretr", "wredis", "hrsp_5xx")}
            print(f"  {row['svname']}: {row['status']}, " + ", ".join(f"{k} {v}" for k, v in counters.items())
                  + f", last check {row.get('check_status')}")
            bad += sum(v for k, v in counters.items() if k != "stot")
        return 1 if bad else 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
