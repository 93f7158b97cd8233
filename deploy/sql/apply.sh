#!/usr/bin/env bash
# Applies the cluster-mode SQL (deploy/sql/postgresql/NN-*.sql, in name order) to a PostgreSQL
# database, creating the database first if it does not exist. Every script runs in one transaction
# under an advisory lock, and every script is idempotent, so running this twice (or from two
# machines at once) is safe.
#
#   deploy/sql/apply.sh [--create-only] CONNECTION
#
# CONNECTION is either a libpq key/value string or an Npgsql connection string:
#   deploy/sql/apply.sh "host=127.0.0.1 port=5433 user=postgres dbname=craftsman"
#   deploy/sql/apply.sh "Host=127.0.0.1;Port=5433;Username=postgres;Database=craftsman"
# Without a database name the database is "craftsman". Passwords may also come from PGPASSWORD or
# ~/.pgpass. --create-only creates the database and applies nothing.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
sqldir="$here/postgresql"
create_only=0
if [ "${1:-}" = "--create-only" ]; then create_only=1; shift; fi
[ $# -eq 1 ] || { sed -n '2,14p' "$0" >&2; exit 2; }
input="$1"

die() { echo "apply.sh: $*" >&2; exit 1; }

psql_bin="$(command -v psql || true)"
if [ -z "$psql_bin" ] && [ -n "${CRAFTSMAN_PG_BINDIR:-}" ] && [ -x "$CRAFTSMAN_PG_BINDIR/psql" ]; then psql_bin="$CRAFTSMAN_PG_BINDIR/psql"; fi
if [ -z "$psql_bin" ]; then psql_bin="$(ls -d /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -n 1 || true)"; fi
[ -n "$psql_bin" ] || die "psql not found"

quote() { local v="${1//\\/\\\\}"; printf "'%s'" "${v//\'/\\\'}"; }

# Npgsql "Key=Value;Key=Value" -> libpq "key='value' ...". Keys Npgsql-only (pooling, timeouts of
# commands, ...) are dropped; they mean nothing to psql.
to_libpq() {
  local out="" part key value
  IFS=';' read -ra parts <<<"$1"
  for part in "${parts[@]}"; do
    [ -n "${part// /}" ] || continue
    key="${part%%=*}"; value="${part#*=}"
    key="$(echo "$key" | tr '[:upper:]' '[:lower:]' | tr -d ' ')"
    case "$key" in
      host|server) key=host ;;
      port) key=port ;;
      username|user|userid|uid) key=user ;;
      password|psw|pwd) key=password ;;
      database|db) key=dbname ;;
      sslmode) value="$(echo "$value" | tr '[:upper:]' '[:lower:]')"; key=sslmode ;;
      timeout) key=connect_timeout ;;
      *) continue ;;
    esac
    out="$out $key=$(quote "$value")"
  done
  echo "${out# }"
}

case "$input" in
  postgres://*|postgresql://*) die "give a key=value or Npgsql connection string, not a URI" ;;
  *\;*|*[Hh]ost=*\;*) conn="$(to_libpq "$input")" ;;
  *=*) conn="$input" ;;
  *) die "cannot read connection string '$input'" ;;
esac
# A lone Npgsql pair without ';' (e.g. "Host=x") still needs translating.
if [[ "$input" != *";"* && "$input" =~ ^[[:space:]]*(Host|Server|Username|Database)[[:space:]]*= ]]; then conn="$(to_libpq "$input")"; fi

db=""
if [[ " $conn" =~ [[:space:]]dbname[[:space:]]*=[[:space:]]*(\'([^\']*)\'|([^[:space:]]+)) ]]; then
  db="${BASH_REMATCH[2]:-${BASH_REMATCH[3]}}"
fi
if [ -z "$db" ]; then db=craftsman; conn="$conn dbname=craftsman"; fi

export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
export PGCONNECT_TIMEOUT="${PGCONNECT_TIMEOUT:-15}"
psql_run() { "$psql_bin" -X -q -v ON_ERROR_STOP=1 "$@"; }

# libpq takes the last value of a repeated keyword: connect to the maintenance database instead.
maint="$conn dbname=postgres"
count_db() { psql_run -d "$maint" -tA -v db="$db" <<<"SELECT count(*) FROM pg_database WHERE datname = :'db'"; }
exists() { [ "$(count_db 2>/dev/null)" = "1" ]; }
found="$(count_db)" || die "cannot connect to the server"
if [ "$found" != "1" ]; then
  echo "apply.sh: creating database $db" >&2
  if ! failure="$(psql_run -d "$maint" -v db="$db" 2>&1 >/dev/null <<<"SELECT format('CREATE DATABASE %I', :'db') \gexec")"; then
    exists || die "could not create database $db: $failure"   # else another apply created it meanwhile: fine
  fi
fi
[ "$create_only" -eq 1 ] && exit 0

shopt -s nullglob
scripts=("$sqldir"/[0-9][0-9]-*.sql)
[ ${#scripts[@]} -gt 0 ] || die "no scripts in $sqldir"
for script in "${scripts[@]}"; do
  echo "apply.sh: applying $(basename "$script") to $db" >&2
  # One transaction per script; the advisory lock serialises concurrent applies.
  psql_run -d "$conn" --single-transaction -o /dev/null \
    -c "SELECT pg_advisory_xact_lock(7423011)" -f "$script"
done
echo "apply.sh: database $db is up to date" >&2
