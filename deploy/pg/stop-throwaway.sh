#!/usr/bin/env bash
# Stops a server started by start-throwaway.sh and removes its temp dir (data included).
#
#   deploy/pg/stop-throwaway.sh DIR      # DIR as printed in CRAFTSMAN_PG_DIR=...
#
# Refuses any directory that start-throwaway.sh did not create. Safe to run twice.
set -euo pipefail

dir="${1:-}"
[ -n "$dir" ] || { echo "usage: $0 DIR" >&2; exit 2; }
if [ ! -e "$dir" ]; then exit 0; fi
if [ ! -f "$dir/.craftsman-throwaway" ]; then
  echo "stop-throwaway: $dir was not created by start-throwaway.sh; leaving it alone" >&2
  exit 1
fi

bindir="${CRAFTSMAN_PG_BINDIR:-}"
if [ -z "$bindir" ]; then
  if command -v pg_ctl >/dev/null 2>&1; then bindir="$(dirname "$(command -v pg_ctl)")"
  else bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"; fi
fi

if [ -f "$dir/data/postmaster.pid" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$bindir/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  else
    "$bindir/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  fi
fi

# The watchdog (if any) is ours; end it by its recorded id unless it is the process running us.
if [ -f "$dir/watchdog.pid" ]; then
  watchdog="$(cat "$dir/watchdog.pid")"
  if [ -n "$watchdog" ] && [ "$watchdog" != "$PPID" ] && [ "$watchdog" != "$$" ]; then
    kill "$watchdog" 2>/dev/null || true
  fi
fi

rm -rf "$dir"
