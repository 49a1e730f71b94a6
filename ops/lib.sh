#!/usr/bin/env bash
# Shared set-up for ops/run, ops/test and ops/bench: make sure a local PostgreSQL is installed and
# running, and that our role and database exist. Safe to run any number of times.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG_ROLE="${CALAIS_PG_ROLE:-calais}"
PG_PASSWORD="${CALAIS_PG_PASSWORD:-calais}"
PG_PORT="${CALAIS_PG_PORT:-5432}"

log() { printf '[ops] %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

install_postgres() {
  if command -v pg_lsclusters >/dev/null 2>&1 && [ -n "$(pg_lsclusters -h 2>/dev/null)" ]; then
    return
  fi
  log "installing PostgreSQL with apt-get"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql postgresql-contrib
  if [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
    local version
    version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
    as_root pg_createcluster "$version" main
  fi
}

# The browser tests drive Debian's Chromium (Playwright's own browser download cannot work here).
install_chromium() {
  if [ -x /usr/bin/chromium ]; then
    return
  fi
  log "installing Chromium with apt-get (browser tests)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
}

# The statement tests read the PDFs back as text with poppler's pdftotext (the app itself needs nothing installed:
# its font is inside the assembly).
install_poppler() {
  if command -v pdftotext >/dev/null 2>&1; then
    return
  fi
  log "installing poppler-utils with apt-get (pdftotext, statement tests)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q poppler-utils
}

start_postgres() {
  local version cluster port status
  read -r version cluster port status _ < <(pg_lsclusters -h | head -n 1)
  if [ "$port" != "$PG_PORT" ]; then
    log "PostgreSQL cluster $version/$cluster listens on $port; using that port"
    PG_PORT="$port"
  fi
  if [ "$status" != "online" ]; then
    log "starting PostgreSQL $version/$cluster"
    as_root pg_ctlcluster "$version" "$cluster" start
  fi
  for _ in $(seq 1 30); do
    if as_postgres psql -p "$PG_PORT" -Atqc 'select 1' >/dev/null 2>&1; then
      quiet_postgres_log
      return
    fi
    sleep 1
  done
  log "PostgreSQL did not accept connections within 30 s"
  exit 1
}

# PostgreSQL's log must never hold personal data: an error's DETAIL and CONTEXT can quote a statement's values (a
# name with a NUL in it, say), and the failing statement is logged by default. Terse errors, no statements.
quiet_postgres_log() {
  if [ "$(as_postgres psql -p "$PG_PORT" -Atqc 'show log_error_verbosity')" != "terse" ] \
    || [ "$(as_postgres psql -p "$PG_PORT" -Atqc 'show log_min_error_statement')" != "panic" ]; then
    log "PostgreSQL: terse error log, no failing statements logged"
    as_postgres psql -p "$PG_PORT" -Atqc "alter system set log_error_verbosity = 'terse'" >/dev/null
    as_postgres psql -p "$PG_PORT" -Atqc "alter system set log_min_error_statement = 'panic'" >/dev/null
    as_postgres psql -p "$PG_PORT" -Atqc 'select pg_reload_conf()' >/dev/null
  fi
}

psql_admin() { as_postgres psql -p "$PG_PORT" -v ON_ERROR_STOP=1 -Atq "$@"; }

# The app's role. It may create databases, so that ops/restore can restore into a new one as the app's role.
ensure_role() {
  if [ -z "$(psql_admin -c "select 1 from pg_roles where rolname = '$PG_ROLE'")" ]; then
    log "creating role $PG_ROLE"
    psql_admin -c "create role $PG_ROLE login createdb password '$PG_PASSWORD'"
  elif [ "$(psql_admin -c "select rolcreatedb from pg_roles where rolname = '$PG_ROLE'")" != "t" ]; then
    log "letting role $PG_ROLE create databases (ops/restore)"
    psql_admin -c "alter role $PG_ROLE createdb"
  fi
}

ensure_database() {
  local db="$1"
  ensure_role
  if [ -z "$(psql_admin -c "select 1 from pg_database where datname = '$db'")" ]; then
    log "creating database $db"
    psql_admin -c "create database $db owner $PG_ROLE"
  fi
}

# Loopback TCP without TLS: encrypting traffic that never leaves the machine protects nothing and cost
# about a fifth of the app's CPU per command in the HTTP benchmark. A database on another host needs
# `SSL Mode=VerifyFull` instead (README, Configuration).
connection_string() {
  printf 'Host=localhost;Port=%s;Database=%s;Username=%s;Password=%s;SSL Mode=Disable' "$PG_PORT" "$1" "$PG_ROLE" "$PG_PASSWORD"
}

prepare_database() {
  local db="$1"
  install_postgres
  start_postgres
  ensure_database "$db"
  export ConnectionStrings__Postgres
  ConnectionStrings__Postgres="$(connection_string "$db")"
}

# The app's database for psql, pg_dump and pg_restore (libpq's PG* variables): ConnectionStrings__Postgres as the app
# reads it when it is set, else the local calais_returns of ops/run, its server set up if need be.
use_app_database() {
  if [ -n "${ConnectionStrings__Postgres:-}" ]; then
    libpq_from_connection_string "$ConnectionStrings__Postgres"
  else
    install_postgres
    start_postgres
    ensure_role
    libpq_from_connection_string "$(connection_string calais_returns)"
  fi
}

# An Npgsql connection string's keys as libpq's variables. Values cannot contain ';' (no quoting); keys libpq has no
# use for (pooling, timeouts) are ignored. Unset keys take libpq's defaults, which are Npgsql's too.
libpq_from_connection_string() {
  local pair key value
  unset PGHOST PGPORT PGDATABASE PGUSER PGPASSWORD PGSSLMODE PGSSLROOTCERT
  local IFS=';'
  for pair in $1; do
    [ -n "${pair//[[:space:]]/}" ] || continue
    key="$(printf %s "${pair%%=*}" | tr -d '[:space:]' | tr '[:upper:]' '[:lower:]')"
    value="$(printf %s "${pair#*=}" | sed 's/^[[:space:]]*//; s/[[:space:]]*$//')"
    case "$key" in
      host|server) export PGHOST="$value" ;;
      port) export PGPORT="$value" ;;
      database|db) export PGDATABASE="$value" ;;
      username|userid|user|uid) export PGUSER="$value" ;;
      password|pwd|psw) export PGPASSWORD="$value" ;;
      sslmode)
        export PGSSLMODE
        PGSSLMODE="$(printf %s "$value" | tr '[:upper:]' '[:lower:]' | sed 's/^verifyca$/verify-ca/; s/^verifyfull$/verify-full/')" ;;
      rootcertificate) export PGSSLROOTCERT="$value" ;;
    esac
  done
}

# Database__Schema as the app reads it: where Marten keeps the events and documents (Hangfire: <schema>_hangfire).
app_schema() {
  local schema="${Database__Schema:-calais}"
  if [[ ! "$schema" =~ ^[a-z_][a-z0-9_]*$ ]]; then
    log "Database__Schema '$schema' is not a plain lower-case PostgreSQL name"
    exit 2
  fi
  printf %s "$schema"
}

# The latest signed checkpoint stored in the schema, exactly as GET /api/audit/checkpoint handed it out (one line of
# JSON: payload, signature, public key; the same text for the same checkpoint), or no row when none was ever taken.
latest_checkpoint_sql() {
  printf '%s' "select jsonb_build_object('payload', c -> 'Checkpoint' ->> 'Payload', 'signature', c -> 'Checkpoint' ->> 'Signature', 'publicKey', c -> 'Checkpoint' ->> 'PublicKey') from (select data as c, id from $1.mt_doc_storedcheckpoint) s order by (c ->> 'TakenAt')::timestamptz desc, id desc limit 1"
}

# A local SMTP server that keeps every message it receives and shows them (web page and API), for e-mail
# notifications in development and in the tests: smtp4dev, a .NET tool installed into .tools/ on first use.
SMTP_PORT="${CALAIS_SMTP_PORT:-2525}"
SMTP_WEB_PORT="${CALAIS_SMTP_WEB_PORT:-5081}"
SMTP4DEV_VERSION=3.15.0

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_mail_catcher() {
  local tools="$ROOT/.tools"
  if [ ! -x "$tools/smtp4dev" ]; then
    log "installing smtp4dev $SMTP4DEV_VERSION (local SMTP server for e-mail notifications) into .tools/"
    dotnet tool install --tool-path "$tools" Rnwood.Smtp4dev --version "$SMTP4DEV_VERSION" >/dev/null
  fi
  if ! port_open "$SMTP_WEB_PORT"; then
    log "starting smtp4dev: SMTP on 127.0.0.1:$SMTP_PORT, received e-mails at http://127.0.0.1:$SMTP_WEB_PORT"
    nohup "$tools/smtp4dev" --smtpport="$SMTP_PORT" --bindaddress=127.0.0.1 --imapport="" --pop3port="" --db="" \
      --messagestokeep=5000 --urls="http://127.0.0.1:$SMTP_WEB_PORT" >"$tools/smtp4dev.log" 2>&1 &
    for _ in $(seq 1 60); do
      if port_open "$SMTP_PORT" && port_open "$SMTP_WEB_PORT"; then
        break
      fi
      sleep 0.5
    done
    if ! port_open "$SMTP_PORT"; then
      log "smtp4dev did not start; its log:"
      cat "$tools/smtp4dev.log" >&2
      exit 1
    fi
  fi
  export Email__SmtpHost=127.0.0.1 Email__SmtpPort="$SMTP_PORT" Email__Security=None
  export CALAIS_MAIL_API="http://127.0.0.1:$SMTP_WEB_PORT"
}
