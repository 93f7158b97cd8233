#!/usr/bin/env bash
# Starts a throw-away PostgreSQL for tests and local cluster runs: a fresh cluster (initdb) under a
# temp dir, run as the `postgres` OS user, listening only on 127.0.0.1 on a free port, fsync on,
# trust authentication (loopback only). Creates the database and applies deploy/sql/postgresql.
#
#   deploy/pg/start-throwaway.sh [--db NAME] [--owner-pid PID] [--no-sql]
#
#   --db NAME        database to create (default: craftsman)
#   --owner-pid PID  stop and remove the server once process PID has exited (a watchdog for test runs
#                    that may die before they can call stop-throwaway.sh)
#   --no-sql         create the database but do not apply the SQL scripts
#
# On success prints, one per line on stdout (everything else goes to stderr):
#   CRAFTSMAN_PG_CONNECTION=Host=127.0.0.1;Port=...;Username=postgres;Database=craftsman   (Npgsql)
#   CRAFTSMAN_PG_LIBPQ=host=127.0.0.1 port=... user=postgres dbname=craftsman             (psql)
#   CRAFTSMAN_PG_DIR=/tmp/craftsman-pg.XXXXXX                                              (give to stop-throwaway.sh)
#
# Binaries: CRAFTSMAN_PG_BINDIR, else initdb/pg_ctl on PATH, else the newest /usr/lib/postgresql/*/bin.
# Temp dirs are created under CRAFTSMAN_PG_TMPDIR (default /tmp; the postgres user must reach it).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
db=craftsman
owner_pid=
apply_sql=1

while [ $# -gt 0 ]; do
  case "$1" in
    --db) db="$2"; shift 2 ;;
    --owner-pid) owner_pid="$2"; shift 2 ;;
    --no-sql) apply_sql=0; shift ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "start-throwaway: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

log() { echo "start-throwaway: $*" >&2; }

find_bindir() {
  if [ -n "${CRAFTSMAN_PG_BINDIR:-}" ]; then echo "$CRAFTSMAN_PG_BINDIR"; return; fi
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"; return
  fi
  local newest
  newest="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -n "$newest" ]; then echo "$newest"; return; fi
  log "no PostgreSQL binaries found (set CRAFTSMAN_PG_BINDIR)"; exit 1
}
bindir="$(find_bindir)"
for tool in initdb pg_ctl; do
  [ -x "$bindir/$tool" ] || { log "$bindir/$tool is missing"; exit 1; }
done

# initdb and postgres refuse to run as root: run them as the postgres user.
if [ "$(id -u)" -eq 0 ]; then
  if ! id -u postgres >/dev/null 2>&1; then
    log "creating the postgres system user"
    useradd --system --user-group --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin postgres
  fi
  if command -v runuser >/dev/null 2>&1; then
    as_pg() { runuser -u postgres -- "$@"; }
  else
    as_pg() { su -s /bin/sh postgres -c "$(printf '%q ' "$@")"; }
  fi
else
  as_pg() { "$@"; }
fi

tmproot="${CRAFTSMAN_PG_TMPDIR:-/tmp}"
dir="$(mktemp -d "$tmproot/craftsman-pg.XXXXXX")"
touch "$dir/.craftsman-throwaway"
chmod 700 "$dir"
[ "$(id -u)" -eq 0 ] && chown postgres: "$dir"

started=0
cleanup_on_failure() {
  status=$?
  if [ "$status" -ne 0 ]; then
    [ -f "$dir/postgres.log" ] && tail -n 20 "$dir/postgres.log" >&2 || true
    if [ "$started" -eq 1 ]; then as_pg "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
  fi
}
trap cleanup_on_failure EXIT

log "initdb in $dir/data ($bindir)"
as_pg "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }

cat >>"$dir/data/postgresql.conf" <<CONF

# craftsman throw-away settings
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = on
synchronous_commit = on
max_connections = 300
CONF

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

port=
for attempt in 1 2 3 4 5 6 7 8 9 10; do
  candidate=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
  port_in_use "$candidate" && continue
  : >"$dir/postgres.log"; [ "$(id -u)" -eq 0 ] && chown postgres: "$dir/postgres.log"
  if as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 -o "-p $candidate" start >/dev/null 2>&1; then
    port=$candidate; started=1; break
  fi
  if grep -qiE 'could not bind|address already in use|could not create any TCP/IP sockets' "$dir/postgres.log"; then
    log "port $candidate taken, trying another"; continue
  fi
  log "postgres did not start"; exit 1
done
[ -n "$port" ] || { log "no free port found"; exit 1; }
log "postgres listening on 127.0.0.1:$port"

libpq="host=127.0.0.1 port=$port user=postgres dbname=$db"
if [ "$apply_sql" -eq 1 ]; then
  CRAFTSMAN_PG_BINDIR="$bindir" "$repo/deploy/sql/apply.sh" "$libpq" >&2
else
  CRAFTSMAN_PG_BINDIR="$bindir" "$repo/deploy/sql/apply.sh" --create-only "$libpq" >&2
fi

if [ -n "$owner_pid" ]; then
  # Detached from our stdout/stderr so whoever reads this script's output sees EOF when it exits.
  nohup setsid bash -c '
    while kill -0 "$1" 2>/dev/null; do sleep 2; done
    exec "$2" "$3"' craftsman-pg-watchdog "$owner_pid" "$here/stop-throwaway.sh" "$dir" \
    </dev/null >/dev/null 2>&1 &
  echo $! >"$dir/watchdog.pid"
fi

trap - EXIT
echo "CRAFTSMAN_PG_CONNECTION=Host=127.0.0.1;Port=$port;Username=postgres;Database=$db"
echo "CRAFTSMAN_PG_LIBPQ=$libpq"
echo "CRAFTSMAN_PG_DIR=$dir"
