# spark-service, the HTTP API, in a slim non-root image (see docs/deploy.md).
#   docker build -t sparklsp/spark-service:0.1.0 .
# Stage 1 builds with the Swift standard library linked statically, so the runtime image needs no toolchain.
FROM swift:6.3.1-bookworm AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends libcurl4-openssl-dev libsqlite3-dev libseccomp-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# The manifest first: the dependencies resolve in a layer of their own, reused while only sources change.
COPY Package.swift ./
RUN swift package resolve
COPY Sources Sources
COPY Tests Tests
RUN swift build -c release --static-swift-stdlib --product spark-service \
    && swift build -c release --static-swift-stdlib --product spark-sandbox \
    && swift build -c release --static-swift-stdlib --product spark-lsp \
    && mkdir /out \
    && cp .build/release/spark-service .build/release/spark-sandbox .build/release/spark-lsp /out/

# Stage 2: Debian slim with what the agents use at run time: libcurl (model requests, loaded on first use),
# SQLite (sessions), bubblewrap and libseccomp (the sandbox), Python (execute_code, python_repl), and the image
# agent's libvips and Tesseract.
FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates libcurl4 libsqlite3-0 libseccomp2 bubblewrap python3 \
        libvips42 tesseract-ocr tesseract-ocr-eng \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 spark \
    && useradd --system --uid 10001 --gid spark --home-dir /data --no-create-home --shell /usr/sbin/nologin spark \
    && mkdir -p /data /workspace \
    && chown spark:spark /data /workspace
COPY --from=build /out/ /usr/local/bin/
# Sessions (sessions.sqlite unless DATABASE_URL is set) and memory in /data; the agents' workspace in /workspace.
# HOME and TMPDIR point at writable places, so the root file system can be mounted read-only.
ENV SPARK_DATA_DIR=/data \
    WORKSPACE_DIR=/workspace \
    HOME=/data \
    TMPDIR=/tmp
VOLUME ["/data", "/workspace"]
USER 10001:10001
EXPOSE 8000
# Any address but loopback needs SPARK_API_KEYS: without them the service refuses to start.
ENTRYPOINT ["/usr/local/bin/spark-service", "--host", "0.0.0.0", "--port", "8000"]
