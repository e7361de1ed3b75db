# What scripts/backup and scripts/restore share: where the database and the restic repository are,
# with secrets kept out of every command line, and the fingerprint a restore must reproduce.
# Sourced after scripts/env.sh, which supplies development defaults.
#
#   DATABASE_URL           the live database (a password in it is moved to PGPASSWORD)
#   BULQ_DB_ADMIN_URL      a role that may create, rename and drop databases (restore only);
#                          defaults to DATABASE_URL's server and credentials, database `postgres`
#   RESTIC_REPOSITORY      a directory, sftp:host:/path, s3:host/bucket, ... (restic's own syntax)
#   RESTIC_PASSWORD_FILE   the repository's encryption password (or RESTIC_PASSWORD); development
#                          makes one under BULQ_DATA_DIR, production requires it
#   BULQ_BACKUP_KEEP_DAILY / BULQ_BACKUP_KEEP_WEEKLY   retention, 7 and 4 by default

backup_tag=bulq-db

# Splits a postgres:// URL: sets <prefix>_url (no password), <prefix>_name (the database) and
# exports PGPASSWORD when the URL carried one. Query parameters (sslmode, ...) are kept.
split_database_url() {
  local prefix="$1" url="$2" query="" path name
  if [[ "$url" == *\?* ]]; then query="?${url#*\?}"; url="${url%%\?*}"; fi
  if [[ "$url" =~ ^(postgres(ql)?://)([^:@/]+):([^@/]*)@(.*)$ ]]; then
    local password="${BASH_REMATCH[4]}"
    export PGPASSWORD
    PGPASSWORD="$(printf '%b' "${password//%/\\x}")"
    url="${BASH_REMATCH[1]}${BASH_REMATCH[3]}@${BASH_REMATCH[5]}"
  fi
  path="${url#*://}"
  name="${path#*/}"
  [[ "$path" == */* && -n "$name" && "$name" != */* ]] || die "DATABASE_URL names no database: ${url}"
  printf -v "${prefix}_url" '%s' "$url$query"
  printf -v "${prefix}_name" '%s' "$name"
  printf -v "${prefix}_server" '%s' "${url%/*}"
  printf -v "${prefix}_query" '%s' "$query"
}

load_backup_settings() {
  split_database_url live "$DATABASE_URL"
  if [ -n "${BULQ_DB_ADMIN_URL:-}" ]; then
    split_database_url admin "$BULQ_DB_ADMIN_URL"
  else
    admin_url="$live_server/postgres$live_query"
  fi

  local production=false
  [ "${BULQ_ENV:-development}" = production ] && production=true
  if [ -z "${RESTIC_REPOSITORY:-}" ]; then
    $production && die "RESTIC_REPOSITORY is not set (production has no default)"
    export RESTIC_REPOSITORY="$BULQ_DATA_DIR/backups"
  fi
  if [ -z "${RESTIC_PASSWORD_FILE:-}" ] && [ -z "${RESTIC_PASSWORD:-}" ]; then
    $production && die "RESTIC_PASSWORD_FILE is not set (production has no default)"
    export RESTIC_PASSWORD_FILE="$BULQ_DATA_DIR/backup-password"
    if [ ! -s "$RESTIC_PASSWORD_FILE" ]; then
      mkdir -p "$(dirname "$RESTIC_PASSWORD_FILE")"
      (umask 077 && head -c 32 /dev/urandom | base64 >"$RESTIC_PASSWORD_FILE")
      log "made a development backup password in $RESTIC_PASSWORD_FILE"
    fi
  fi
  command -v restic >/dev/null || die "restic is not installed (apt-get install restic)"
  command -v pg_dump >/dev/null || die "pg_dump is not installed (apt-get install postgresql-client)"
}

# fingerprint URL [SNAPSHOT]: the lines of scripts/lib/fingerprint.sql, read inside an exported
# snapshot when one is given (the very state pg_dump saw).
fingerprint() {
  local url="$1" snapshot="${2:-}" sql
  sql="$(cat "$(dirname "${BASH_SOURCE[0]}")/fingerprint.sql")"
  if [ -n "$snapshot" ]; then
    sql="BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET TRANSACTION SNAPSHOT '$snapshot'; $sql COMMIT;"
  fi
  psql -X -q -t -A -F $'\t' -v ON_ERROR_STOP=1 "$url" <<<"$sql"
}

elapsed() { echo "$(($(date +%s) - $1)) s"; }
