# Bulq: the commands of the README. Everything else lives in scripts/.
.PHONY: dev dev-cluster test fuzz bench audit chaos stop seed admin services caddy fmt lint backup restore

## Build, start Postgres and Redis, migrate, seed demo data, serve on http://127.0.0.1:3000
dev:
	@scripts/dev

## Two app instances behind Caddy (https://localhost:8443): live updates across instances
dev-cluster:
	@scripts/dev-cluster

## Every check: fmt, clippy, unit, database, HTTP, Playwright and Caddy tests
test:
	@scripts/test-all

## The JSON API fuzzed longer by schemathesis (300 examples per operation; make test runs 25)
fuzz:
	@scripts/services start
	@. scripts/env.sh && cargo build -q -p server && BULQ_FUZZ_EXAMPLES=$${BULQ_FUZZ_EXAMPLES:-300} scripts/api-fuzz

## Load figures through the full HTTP stack (release build): bids/s, latency, the run page
bench:
	@scripts/bench

## Postgres restarted, Redis restarted, an instance killed, under 200 bidders: lost and doubled bids (0), outage and recovery times
chaos:
	@scripts/chaos

## What a phone downloads and how it fares: asset sizes, Lighthouse (mobile) and axe through Caddy
audit:
	@scripts/audit

## Stop the dev server and the project-local Postgres and Redis
stop:
	@scripts/stop

## Write the demo data (idempotent)
seed:
	@scripts/services start
	@. scripts/env.sh && cargo build -q -p server && "$$CARGO_TARGET_DIR/debug/server" seed

## Make a site admin: `make admin USER=alice` (`make admin USER=alice REVOKE=1` unmakes one)
admin:
	@if [ "$(origin USER)" != "command line" ]; then echo "use: make admin USER=username [REVOKE=1]" >&2; exit 2; fi
	@scripts/services start
	@. scripts/env.sh && cargo build -q -p server && "$$CARGO_TARGET_DIR/debug/server" admin $(if $(REVOKE),revoke,grant) "$(USER)"

## Back up the database into the restic repository (RESTIC_REPOSITORY; development: .cache/bulq/backups)
backup:
	@scripts/backup >/dev/null

## Restore a backup into a fresh database, check it, swap it in: `make restore [SNAPSHOT=id]` (stop the app first)
restore:
	@scripts/restore $(if $(SNAPSHOT),$(SNAPSHOT),latest)

## Start only Postgres and Redis
services:
	@scripts/services start

## Caddy with HTTPS on https://localhost:8443 in front of `make dev`
caddy:
	@. scripts/env.sh && mkdir -p "$$BULQ_DATA_DIR/caddy" && BULQ_CADDY_DATA="$$BULQ_DATA_DIR/caddy" \
		BULQ_HTTPS_PORT=8443 BULQ_HTTP_PORT=8080 caddy run --config Caddyfile --adapter caddyfile

fmt:
	@cargo fmt --all

lint:
	@. scripts/env.sh && cargo clippy -p app --features ssr --all-targets -- -D warnings \
		&& cargo clippy -p app --features hydrate --target wasm32-unknown-unknown -- -D warnings \
		&& cargo clippy -p server --all-targets -- -D warnings
