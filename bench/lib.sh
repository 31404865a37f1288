# Shared helpers for bench/*.sh (sourced, not run).

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
HARNESS="${BENCH_HARNESS:-/work/shared/bench}"
COMPARE="$HARNESS/compare.sh"
LOCK=/tmp/accord-swift-build.lock

# usage: print the script's header comment (from line 2 to `set -euo`) and exit.
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }

# wait_quiet LABEL: wait up to QUIET_WAIT s until the whole machine is <= 10% busy over 3 s
# (other sessions' builds and tests on this 2-vCPU box otherwise dominate a measurement).
wait_quiet() {
  local end=$((SECONDS + QUIET_WAIT)) b0 t0 b1 t1 pct
  while :; do
    read -r b0 t0 < <(awk '/^cpu /{print $2+$3+$4+$7+$8, $2+$3+$4+$5+$6+$7+$8}' /proc/stat); sleep 3
    read -r b1 t1 < <(awk '/^cpu /{print $2+$3+$4+$7+$8, $2+$3+$4+$5+$6+$7+$8}' /proc/stat)
    pct=$(( (b1 - b0) * 100 / (t1 - t0 > 0 ? t1 - t0 : 1) ))
    if [ "$pct" -le 10 ]; then echo "machine quiet before $1 (${pct}% busy)"; return 0; fi
    if [ "$SECONDS" -ge "$end" ]; then echo "WARNING: machine still ${pct}% busy after waiting ${QUIET_WAIT}s; measuring $1 anyway (see the other% columns)"; return 0; fi
    echo "machine ${pct}% busy (other processes, e.g. builds); waiting before $1..."; sleep 7
  done
}

# free_port: a TCP port on 127.0.0.1 that is free right now.
free_port_script=$(cd "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib" && pwd)/free_port.py
free_port() { python3 "$free_port_script"; }

# raise_nofile: lift the soft open-file limit to min(hard limit, 65536); sets NOFILE.
raise_nofile() {
  local hard; hard=$(ulimit -Hn); [ "$hard" = unlimited ] && hard=1048576
  NOFILE=$(( hard < 65536 ? hard : 65536 ))
  ulimit -n "$NOFILE"
}

# source_tree REV: SRC = the checkout, or with a REV a git-archive snapshot of that commit in /tmp
# (so edits in progress do not change what is measured; SHA = its commit); ACCORD = its static
# release binary. The calling script defines die.
source_tree() {
  SRC="$ROOT"
  if [ -n "$1" ]; then
    SHA=$(git -C "$ROOT" rev-parse --verify "$1^{commit}") || die "unknown revision $1"
    SRC="/tmp/accord-bench-src-${SHA:0:12}"
    if [ ! -f "$SRC/Package.swift" ]; then
      mkdir -p "$SRC.tmp" && git -C "$ROOT" archive --format=tar "$SHA" | tar -x -C "$SRC.tmp" && mv "$SRC.tmp" "$SRC"
      [ -f "$ROOT/Package.resolved" ] && cp "$ROOT/Package.resolved" "$SRC/"
    fi
  fi
  ACCORD="$SRC/.build-static/release/accord"
}

# build DIR LOG ARGS...: swift build ARGS in DIR under the shared build lock, bounded; dies on failure.
build() {
  local dir=$1 log=$2; shift 2
  echo "building in $dir: swift build $* (log $log)"
  (cd "$dir" && timeout -k 30 2400 flock "$LOCK" swift build "$@" > "$log" 2>&1) || { tail -30 "$log" >&2; die "build failed: $dir"; }
}

# nginx_conf RUNDIR PORT MODE [CERT KEY]: write RUNDIR/nginx.conf for an nginx peer that serves
# GET /events from RUNDIR/events.json, like compare.sh's template (2 workers, sendfile, no access
# log), with MODE: plain | gzip_static (also serves RUNDIR/events.json.gz, byte for byte, to
# clients that accept gzip) | ssl (HTTPS with CERT and KEY, TLS 1.2 and 1.3, no session cache:
# only tickets, which `openssl s_time -new` does not use). Start it with nginx_start.
nginx_conf() {
  local rundir=$1 port=$2 mode=$3 cert=${4:-} key=${5:-} listen extra=""
  listen="listen 127.0.0.1:$port backlog=4096;"
  case "$mode" in
    plain) ;;
    gzip_static) extra="gzip_static on; gzip_vary on;" ;;
    ssl) listen="listen 127.0.0.1:$port ssl backlog=4096;
        ssl_certificate $cert; ssl_certificate_key $key; ssl_protocols TLSv1.2 TLSv1.3;" ;;
    *) echo "nginx_conf: unknown mode $mode" >&2; return 2 ;;
  esac
  chmod 755 "$rundir"; chmod 644 "$rundir"/events.json* 2>/dev/null || true
  cat > "$rundir/nginx.conf" <<CONF
daemon off;
master_process on;
worker_processes 2;
worker_rlimit_nofile ${NOFILE:-20000};
pid $rundir/nginx.pid;
error_log $rundir/error.log warn;
events { worker_connections ${NOFILE:-20000}; use epoll; }
http {
    access_log off; server_tokens off;
    sendfile on; tcp_nopush on; tcp_nodelay on;
    keepalive_timeout 300s; keepalive_requests 10000000;
    open_file_cache max=16 inactive=300s; open_file_cache_valid 300s;
    client_body_temp_path $rundir/client_body; proxy_temp_path $rundir/proxy;
    fastcgi_temp_path $rundir/fastcgi; uwsgi_temp_path $rundir/uwsgi; scgi_temp_path $rundir/scgi;
    server {
        $listen
        location = /events { default_type application/json; alias $rundir/events.json; $extra }
        location / { return 404; }
    }
}
CONF
}

# accord_binary_and_seeds DEFAULT_SEEDS: with BINARY set (--binary), ACCORD is its absolute path;
# SEEDS (--seeds, else DEFAULT_SEEDS) must hold entities.json and becomes absolute. Dies otherwise.
accord_binary_and_seeds() {
  if [ -n "$BINARY" ]; then
    [ -x "$BINARY" ] || die "--binary $BINARY is not an executable file"
    ACCORD="$(cd "$(dirname "$BINARY")" && pwd)/$(basename "$BINARY")"
  fi
  SEEDS="${SEEDS:-$1}"
  [ -f "$SEEDS/entities.json" ] || die "no seeds directory at $SEEDS (use --seeds DIR)"
  SEEDS="$(cd "$SEEDS" && pwd)"
}

# Servers the script started: stop_servers (the EXIT trap that track_servers installs) sends
# TERM to each of PIDS, waits up to 5 s, then KILLs, then runs the caller's `extra_cleanup` if it
# defines one.
PIDS=()
stop_servers() {
  local p
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$p" 2>/dev/null || true
    wait "$p" 2>/dev/null || true
  done
  if declare -F extra_cleanup > /dev/null; then extra_cleanup; fi
  return 0
}
track_servers() {
  trap stop_servers EXIT
  trap 'exit 130' INT TERM
}
