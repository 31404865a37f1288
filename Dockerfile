# Accord: multi-stage build. The build stage compiles a release binary with the Swift
# standard library linked statically; the runtime stage has only what that binary needs.
FROM swift:6.3-noble AS build
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libssl-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --product accord --static-swift-stdlib \
    && install -D "$(swift build -c release --show-bin-path)/accord" /out/accord

FROM ubuntu:noble
# libssl for TLS/SHA-256, tzdata-free: the binary needs nothing else (see README, "Container").
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libssl3t64 \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 accord \
    && useradd --system --uid 10001 --gid 10001 --home-dir /app --shell /usr/sbin/nologin accord
WORKDIR /app
COPY --from=build /out/accord /app/accord
COPY seeds /app/seeds
COPY config /app/config
COPY web /app/web
USER 10001:10001
ENV ACCORD_HOST=0.0.0.0 \
    ACCORD_PORT=8080
EXPOSE 8080
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 CMD ["/app/accord", "healthcheck"]
ENTRYPOINT ["/app/accord"]
CMD ["serve", "--config", "/app/config/accord.json"]
