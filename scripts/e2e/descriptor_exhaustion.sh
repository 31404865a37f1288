#!/usr/bin/env bash
# File-descriptor exhaustion: Accord runs with `ulimit -n 64`; 150 clients connect and hold.
# The server must not spin (CPU stays low while the listener is parked), must answer what it
# can, and must serve normally again once the clients leave.
set -euo pipefail
CHECK="descriptor exhaustion"
# shellcheck source=scripts/e2e/lib/own_server.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/own_server.sh"
port=$(free_port)
# -H too: the server raises its soft limit to the hard one at startup.
(ulimit -Sn 64; ulimit -Hn 64; exec "$binary" serve --host 127.0.0.1 --port "$port" --threads 1 --no-access-log) 2>"$work/err.log" &
server=$!
wait_healthy "$port"

python3 - "$port" "$server" <<'PY'
import os, socket, sys, time
port, pid = int(sys.argv[1]), int(sys.argv[2])
hz = os.sysconf("SC_CLK_TCK")
def cpu_seconds():
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / hz
clients = []
for _ in range(150):
    s = socket.socket()
    s.settimeout(2)
    s.connect(("127.0.0.1", port))
    clients.append(s)
time.sleep(0.5)
start = cpu_seconds()
time.sleep(2.0)
used = cpu_seconds() - start
assert used < 0.4, f"the server used {used:.2f} s of CPU in 2 s while out of descriptors: it is spinning"
for s in clients:
    s.close()
time.sleep(0.5)
for attempt in range(3):
    s = socket.create_connection(("127.0.0.1", port), timeout=2)
    s.sendall(b"GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
    data = s.recv(4096)
    assert data.startswith(b"HTTP/1.1 200"), data[:80]
    s.close()
print(f"descriptor exhaustion: CPU {used:.2f} s over 2 s while exhausted; served again afterwards")
PY
grep -q "out of file descriptors" "$work/err.log" || { echo "no diagnostic about descriptor exhaustion" >&2; cat "$work/err.log" >&2; exit 1; }
