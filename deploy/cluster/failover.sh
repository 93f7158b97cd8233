#!/usr/bin/env bash
# The three fault drills end to end: builds tools/Craftsman.Failover, starts a throw-away cluster
# (start.sh), runs the drills against it, stops it (stop.sh) and prints the report. The report and
# copies of every process's log are kept in the results directory.
#
#   deploy/cluster/failover.sh [--out DIR] [--keep] [--no-build] [-- TOOL OPTIONS...]
#
#   --out DIR    results directory (default: ${TMPDIR:-/tmp}/craftsman-failover.YYYYmmdd-HHMMSS)
#   --keep       leave the cluster running afterwards (prints the stop command)
#   --no-build   use the existing Release builds of the cluster and the tool
#   TOOL OPTIONS go to Craftsman.Failover, e.g. -- --drills silo,database --rate 2 (see its --help)
#
# Exit code: the tool's (0 pass, 1 an acknowledged mark missing, 2 another check failed, 3 set-up
# error), or 4 when the cluster could not be started.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
log() { echo "cluster/failover: $*" >&2; }

out=
keep=0
build=1
tool_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    --no-build) build=0; shift ;;
    --) shift; tool_args=("$@"); break ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "cluster/failover: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
out="${out:-${TMPDIR:-/tmp}/craftsman-failover.$(date -u +%Y%m%d-%H%M%S)}"
mkdir -p "$out"

tool="$repo/tools/Craftsman.Failover/bin/Release/net10.0/Craftsman.Failover.dll"
if [ "$build" -eq 1 ]; then
  log "building tools/Craftsman.Failover (Release) ..."
  dotnet build -c Release -nologo "$repo/tools/Craftsman.Failover/Craftsman.Failover.csproj" >"$out/tool-build.log" 2>&1 \
    || { grep -E ': error' "$out/tool-build.log" | sort -u | head -n 20 >&2; log "the tool did not build (see $out/tool-build.log)"; exit 3; }
fi
[ -f "$tool" ] || { log "$tool is missing (run without --no-build)"; exit 3; }

start_args=(--timeout 240)
[ "$build" -eq 1 ] || start_args+=(--no-build)
# Unless the cluster is to be kept, its watchdog stops it if this script dies without cleaning up.
[ "$keep" -eq 1 ] || start_args+=(--owner-pid $$)
log "starting the cluster ..."
if ! start_out="$("$here/start.sh" "${start_args[@]}")"; then
  log "the cluster did not start; see the messages above"
  exit 4
fi
run_dir="$(echo "$start_out" | sed -n 's/^CRAFTSMAN_RUN_DIR=//p')"
[ -n "$run_dir" ] || { log "start.sh printed no run directory"; exit 4; }

finish() {
  # Keep the evidence: every process's log and PostgreSQL's, before the run directory goes.
  cp "$run_dir"/*.log "$out/" 2>/dev/null || true
  pg_log="$(sed -n "s/^CRAFTSMAN_PG_LOG='\(.*\)'\$/\1/p" "$run_dir/cluster.env" 2>/dev/null || true)"
  [ -n "$pg_log" ] && cp "$pg_log" "$out/postgres.log" 2>/dev/null || true
  if [ "$keep" -eq 1 ]; then
    log "cluster left running: deploy/cluster/stop.sh $run_dir"
  else
    "$here/stop.sh" "$run_dir" || true
  fi
}
trap finish EXIT

log "running the drills (report: $out/report.txt) ..."
rc=0
dotnet "$tool" --env "$run_dir/cluster.env" --report "$out/report.txt" "${tool_args[@]}" || rc=$?
log "exit code $rc; report and logs in $out"
exit "$rc"
