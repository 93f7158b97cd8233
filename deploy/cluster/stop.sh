#!/usr/bin/env bash
# Stops a cluster started by deploy/cluster/start.sh: its silos and gateways (by the PIDs in its
# env file, and only while their command line still names the run directory), its PostgreSQL
# (deploy/pg/stop-throwaway.sh) and its watchdog, then removes the run directory.
#
#   deploy/cluster/stop.sh [RUN_DIR]
#
# Without RUN_DIR: the one run directory under ${TMPDIR:-/tmp}; refuses to guess among several.
# Refuses any directory start.sh did not create. Safe to run twice.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
log() { echo "cluster/stop: $*" >&2; }

dir="${1:-}"
if [ -z "$dir" ]; then
  mapfile -t found < <(ls -d "${TMPDIR:-/tmp}"/craftsman-cluster.* 2>/dev/null | while read -r d; do
    [ -f "$d/.craftsman-cluster" ] && echo "$d"; done)
  case "${#found[@]}" in
    0) log "no run directory under ${TMPDIR:-/tmp}; nothing to stop"; exit 0 ;;
    1) dir="${found[0]}" ;;
    *) log "several run directories; name one:"; printf '  %s\n' "${found[@]}" >&2; exit 2 ;;
  esac
fi
dir="${dir%/}"
if [ ! -e "$dir" ]; then log "$dir does not exist; nothing to stop"; exit 0; fi
[ -f "$dir/.craftsman-cluster" ] || { log "$dir was not created by deploy/cluster/start.sh; leaving it alone"; exit 1; }

env_file="$dir/cluster.env"
value() { [ -f "$env_file" ] && sed -n "s/^$1='\(.*\)'\$/\1/p" "$env_file" | tail -n 1; }

ours() {
  local pid="$1"
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF "$dir/"
}

# Gateways first (they hold the clients), then the silos: SIGTERM, then SIGKILL after 15 s.
pids=()
for name in GATEWAY1 GATEWAY2 SILO1 SILO2; do
  pid="$(value "CRAFTSMAN_${name}_PID")"
  if ours "$pid"; then
    log "stopping ${name,,} (PID $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    pids+=("$pid")
  fi
done
for attempt in $(seq 1 30); do
  alive=()
  for pid in "${pids[@]}"; do ours "$pid" && alive+=("$pid"); done
  [ "${#alive[@]}" -eq 0 ] && break
  sleep 0.5
done
for pid in "${pids[@]}"; do
  if ours "$pid"; then log "PID $pid did not stop in 15 s; killing it"; kill -KILL "$pid" 2>/dev/null || true; fi
done

pg_dir="$(value CRAFTSMAN_PG_DIR)"
if [ -n "$pg_dir" ]; then
  log "stopping PostgreSQL ($pg_dir)"
  CRAFTSMAN_PG_BINDIR="$(value CRAFTSMAN_PG_BINDIR)" "$repo/deploy/pg/stop-throwaway.sh" "$pg_dir" || log "stop-throwaway.sh failed for $pg_dir"
fi

# The watchdog runs this script by exec, so when it is the caller its PID is ours.
watchdog="$(value CRAFTSMAN_WATCHDOG_PID)"
if [ -n "$watchdog" ] && [ "$watchdog" != "$$" ] && [ "$watchdog" != "$PPID" ] \
   && [ -r "/proc/$watchdog/cmdline" ] && tr '\0' ' ' <"/proc/$watchdog/cmdline" | grep -q craftsman-cluster-watchdog; then
  kill "$watchdog" 2>/dev/null || true
fi

rm -rf "$dir"
log "stopped and removed $dir"
