# Shared settings for the scripts: where project-local services keep their data and which ports
# they use. Sourced, not run. Everything can be overridden from the environment.

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/bulq-target}"
export BULQ_DATA_DIR="${BULQ_DATA_DIR:-$HOME/.cache/bulq}"
export BULQ_PG_PORT="${BULQ_PG_PORT:-54329}"
export BULQ_REDIS_PORT="${BULQ_REDIS_PORT:-63799}"
# wasm-opt comes from scripts/build-tools (npm's Binaryen) and promtool from BULQ_DATA_DIR/tools,
# both put there by scripts/install-tools.
# Always sourced from the project root (the scripts `cd` there first, make runs there).
export PATH="$HOME/.cargo/bin:$PWD/scripts/build-tools/node_modules/.bin:$BULQ_DATA_DIR/tools/bin:$PATH"

# Postgres refuses to run as root, so as root the cluster belongs to the `postgres` system user and
# lives where that user can reach it.
if [ "$(id -u)" = 0 ]; then
  export BULQ_PG_DATA="${BULQ_PG_DATA:-/var/lib/postgresql/bulq-dev}"
else
  export BULQ_PG_DATA="${BULQ_PG_DATA:-$BULQ_DATA_DIR/postgres}"
fi
export BULQ_PG_BIN="${BULQ_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"

export BULQ_DB_ADMIN_URL="${BULQ_DB_ADMIN_URL:-postgres://bulq@127.0.0.1:${BULQ_PG_PORT}/postgres}"
export DATABASE_URL="${DATABASE_URL:-postgres://bulq@127.0.0.1:${BULQ_PG_PORT}/bulq}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:${BULQ_REDIS_PORT}/0}"
export LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-target/site}"
# cargo-leptos sets this while compiling; setting it for plain cargo too keeps one shared build.
export LEPTOS_OUTPUT_NAME=bulq

. scripts/lib/log.sh

as_pg_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# The build cache only grows: incremental caches with every edit, and stale copies of the
# workspace's artifacts with every commit and clone that shares it. It once filled this machine's
# disk mid-build. It is a speed-up, not state: incremental caches past 15 GB are dropped, and
# scripts/lib/prune_build_cache.py thins the rest.
prune_build_cache() {
  local dir kib
  for dir in "$CARGO_TARGET_DIR"/*/incremental "$CARGO_TARGET_DIR"/*/*/incremental; do
    [ -d "$dir" ] || continue
    kib=$(du -sk "$dir" 2>/dev/null | cut -f1)
    if [ "${kib:-0}" -gt $((15 * 1024 * 1024)) ]; then
      log "dropping $dir ($((kib / 1024 / 1024)) GB of incremental build cache)"
      rm -rf "$dir"
    fi
  done
  python3 scripts/lib/prune_build_cache.py "$CARGO_TARGET_DIR" "$PWD"
}
