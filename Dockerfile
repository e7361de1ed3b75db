# The common container convention for Bulq. Untested here: the machine this was written on runs no
# container engine. The build follows scripts/install-tools; docs/operations.md describes the
# tested way (systemd units in deploy/).
FROM rust:1-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
RUN rustup target add wasm32-unknown-unknown \
 && cargo install cargo-leptos --version 0.3.10 --locked --features no_downloads \
 && cargo install wasm-bindgen-cli --version 0.2.130
WORKDIR /src
COPY . .
RUN cd scripts/build-tools && npm ci --no-audit --no-fund --loglevel=error
ENV LEPTOS_OUTPUT_NAME=bulq
RUN PATH="/src/scripts/build-tools/node_modules/.bin:$PATH" cargo leptos build --release --precompress

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home-dir /opt/bulq bulq
WORKDIR /opt/bulq
COPY --from=build /src/target/release/server /src/target/release/hash.txt ./
COPY --from=build /src/target/site ./site
COPY Caddyfile ./
ENV BULQ_ENV=production BULQ_ADDR=0.0.0.0:3000 LEPTOS_SITE_ROOT=/opt/bulq/site
USER bulq
EXPOSE 3000
HEALTHCHECK --interval=5s --timeout=2s CMD curl -fsS http://127.0.0.1:3000/healthz || exit 1
CMD ["/opt/bulq/server", "serve"]
