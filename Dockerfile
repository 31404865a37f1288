# Accord: multi-stage build. The build stage compiles a release binary with the Swift
# standard library linked statically; the runtime stage has only what that binary needs.
#
#   docker build -t accord .
#       Swift builder stage (BUILDER_IMAGE), runtime stage on RUNTIME_IMAGE (ubuntu:noble).
#   docker build --build-arg BINARY_STAGE=prebuilt -t accord .
#       No Swift builder: the runtime stage takes the binary already built on the host with
#       swift build -c release --static-swift-stdlib --scratch-path .build-static --product accord
#       (the one file of .build-static that .dockerignore lets into the context).
#
# The base images are build arguments that default to the official ones, so a machine that
# cannot pull them can build on a local image: CI builds with
# RUNTIME_IMAGE=localhost/debian:bookworm (debootstrap) and BINARY_STAGE=prebuilt
# (scripts/check-container.sh).
ARG BUILDER_IMAGE=swift:6.3-noble
ARG RUNTIME_IMAGE=ubuntu:noble
ARG BINARY_STAGE=build

FROM ${BUILDER_IMAGE} AS build
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libssl-dev zlib1g-dev libbrotli-dev libutf8proc-dev libstemmer-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --product accord --static-swift-stdlib \
    && install -D "$(swift build -c release --show-bin-path)/accord" /out/accord

# The alternative to the build stage: a release binary built outside the image.
FROM scratch AS prebuilt
COPY .build-static/release/accord /out/accord

# Whichever of the two BINARY_STAGE names; only that one is built.
FROM ${BINARY_STAGE} AS binary

FROM ${RUNTIME_IMAGE}
# The binary needs glibc and libstdc++/libgcc (in every Debian/Ubuntu base), zlib, Brotli, utf8proc, Snowball (libstemmer) and
# OpenSSL 3, whose runtime package is libssl3t64 on Ubuntu noble (and Debian trixie) and libssl3
# on Debian bookworm: install whichever the base's archive has. Nothing else (README, "Container").
# hadolint ignore=DL3008
RUN apt-get update \
    && if apt-cache show libssl3t64 >/dev/null 2>&1; then ssl=libssl3t64; else ssl=libssl3; fi \
    && if apt-cache show libutf8proc3 >/dev/null 2>&1; then utf8proc=libutf8proc3; else utf8proc=libutf8proc2; fi \
    && apt-get install -y --no-install-recommends "$ssl" "$utf8proc" libbrotli1 zlib1g libstemmer0d \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 accord \
    && useradd --system --no-log-init --uid 10001 --gid 10001 --home-dir /app \
        --shell /usr/sbin/nologin accord
WORKDIR /app
# Owned by root and read-only to the server's user; it writes nothing (runs with a read-only
# root filesystem). The binary finds seeds/ and web/ beside itself; a volume can replace
# /app/seeds or /app/config.
COPY --from=binary /out/accord /app/accord
COPY seeds /app/seeds
COPY config /app/config
COPY web /app/web
USER 10001:10001
ENV ACCORD_HOST=0.0.0.0 \
    ACCORD_PORT=8080
EXPOSE 8080
STOPSIGNAL SIGTERM
# The check reads the configuration serve reads (the file CMD names, then the container's
# ACCORD_* environment), so it asks the configured port and speaks TLS when a certificate is
# configured (tls.* in the file, or ACCORD_TLS_CERTIFICATE/ACCORD_TLS_KEY). A CMD with another
# --config or --port needs a matching HEALTHCHECK. (Podman keeps HEALTHCHECK only in the docker
# image format: podman build --format docker.)
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
    CMD ["/app/accord", "healthcheck", "--config", "/app/config/accord.json"]
ENTRYPOINT ["/app/accord"]
CMD ["serve", "--config", "/app/config/accord.json"]
