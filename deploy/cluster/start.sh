#!/usr/bin/env bash
# Starts a throw-away local cluster: PostgreSQL (deploy/pg/start-throwaway.sh), two silos and two
# gateways, all on 127.0.0.1 with free ports, each a background process logging into a run
# directory. Waits until both gateways' /health answer 200, both silos are Active in the membership
# table and the sample edition is loaded, then prints where everything is.
#
#   deploy/cluster/start.sh [--no-build] [--password PW] [--timeout SECONDS] [--owner-pid PID]
#   deploy/cluster/start.sh --respawn NAME RUN_DIR     # NAME: silo1 silo2 gateway1 gateway2
#
#   --no-build       use the Release publish already in artifacts/cluster (default: publish once)
#   --password PW    the organiser password (default: a random one, written to the env file)
#   --timeout S      longest wait for the cluster to become ready (default: 180)
#   --owner-pid PID  run stop.sh on this cluster once process PID has exited (for scripted runs)
#   --respawn        start one process of an existing run again, on its old ports (after a drill
#                    killed it); waits until it is ready and updates its PID in the env file
#
# The binaries are copied into the run directory, so a rebuild of the repository while the cluster
# runs does not change what a respawned process runs.
#
# On success prints, one per line on stdout (progress goes to stderr):
#   CRAFTSMAN_RUN_DIR=/tmp/craftsman-cluster.XXXXXX       (give to stop.sh)
#   CRAFTSMAN_ENV_FILE=/tmp/craftsman-cluster.XXXXXX/cluster.env
#   CRAFTSMAN_GATEWAY_URLS=http://127.0.0.1:P1,http://127.0.0.1:P2
#   CRAFTSMAN_ORGANISER_PASSWORD=...
# cluster.env holds every PID, port, URL, log file and the connection string, as KEY='value' lines.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

log() { echo "cluster/start: $*" >&2; }
die() { echo "cluster/start: error: $*" >&2; exit 1; }

build=1
password=
timeout=180
owner_pid=
respawn=
respawn_dir=

while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0; shift ;;
    --password) password="$2"; shift 2 ;;
    --timeout) timeout="$2"; shift 2 ;;
    --owner-pid) owner_pid="$2"; shift 2 ;;
    --respawn) respawn="${2:-}"; respawn_dir="${3:-}"; shift 3 || die "--respawn needs NAME and RUN_DIR" ;;
    -h|--help) sed -n '2,28p' "$0"; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
[[ "$timeout" =~ ^[0-9]+$ ]] || die "--timeout takes whole seconds, not '$timeout'"

# ---------------------------------------------------------------------------------------------
# Helpers shared by the start and the respawn paths.

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# free_port: sets $port_found to a free loopback port not handed out before (no subshell: it
# remembers what it handed out in $taken_ports). The port is bound later by the process, so it is
# taken from below the kernel's ephemeral range (32768-60999): there no outgoing connection (ours,
# PostgreSQL's, a browser's) can be handed it meanwhile. A process that still loses its port to
# another listener is restarted on new ports (relaunch_on_port_clash).
taken_ports=" "
port_found=
free_port() {
  local candidate attempt
  for attempt in $(seq 1 50); do
    candidate=$(( 20000 + (RANDOM * 32768 + RANDOM) % 12000 ))
    case "$taken_ports" in *" $candidate "*) continue ;; esac
    port_in_use "$candidate" && continue
    taken_ports="$taken_ports$candidate "
    port_found="$candidate"; return 0
  done
  die "found no free loopback port in 50 attempts"
}

# KEY='value' into the env file; replaces an existing line of that key.
set_env() {
  local file="$1" key="$2" value="$3"
  case "$value" in *"'"*) die "value of $key contains a quote" ;; esac
  if grep -q "^$key=" "$file" 2>/dev/null; then
    local tmp; tmp="$(mktemp "$file.XXXXXX")"
    grep -v "^$key=" "$file" >"$tmp" || true
    echo "$key='$value'" >>"$tmp"
    mv "$tmp" "$file"
  else
    echo "$key='$value'" >>"$file"
  fi
}

# Is PID alive and one of ours (its command line names our run directory)?
ours() {
  local pid="$1" dir="$2"
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF "$dir/"
}

# launch NAME: starts one process of the run described by the sourced env file; echoes its PID.
launch() {
  local name="$1" upper dll cwd
  upper="$(echo "$name" | tr '[:lower:]' '[:upper:]')"
  local logf="$CRAFTSMAN_RUN_DIR/$name.log"
  local -a vars=(
    "Craftsman__Mode=Cluster"
    "ConnectionStrings__Craftsman=$CRAFTSMAN_PG_CONNECTION"
    "Craftsman__ClusterId=$CRAFTSMAN_CLUSTER_ID"
    "Craftsman__ServiceId=$CRAFTSMAN_SERVICE_ID"
    "DOTNET_gcServer=0"
    "DOTNET_CLI_TELEMETRY_OPTOUT=1"
    "DOTNET_NOLOGO=1"
    "Logging__LogLevel__Polly=Warning"
    # Timestamps in the logs, to line them up with the drills' report.
    "Logging__Console__TimestampFormat=HH:mm:ss.fff "
    "Logging__Console__UseUtcTimestamp=true"
  )
  local -a args=()
  case "$name" in
    silo1|silo2)
      local silo_port gw_port
      eval "silo_port=\$CRAFTSMAN_${upper}_SILO_PORT; gw_port=\$CRAFTSMAN_${upper}_GATEWAY_PORT"
      vars+=(
        "Craftsman__Silo__SiloPort=$silo_port"
        "Craftsman__Silo__GatewayPort=$gw_port"
        "Craftsman__Silo__AdvertisedAddress=127.0.0.1"
        "Craftsman__Silo__SeedSampleEdition=true"
        "DOTNET_ENVIRONMENT=Production"
        "ASPNETCORE_ENVIRONMENT=Production"
      )
      local http_port; eval "http_port=\$CRAFTSMAN_${upper}_HTTP_PORT"
      # The silo's own HTTP server: /health/live, /health/ready, /metrics.
      args=(--urls "http://127.0.0.1:$http_port")
      dll="$CRAFTSMAN_RUN_DIR/bin/silo/Craftsman.Silo.dll"; cwd="$CRAFTSMAN_RUN_DIR/bin/silo" ;;
    gateway1|gateway2)
      local port
      eval "port=\$CRAFTSMAN_${upper}_PORT"
      mkdir -p "$CRAFTSMAN_RUN_DIR/$name-secrets"
      vars+=(
        "ASPNETCORE_URLS=http://127.0.0.1:$port"
        "ASPNETCORE_ENVIRONMENT=Production"
        "Craftsman__Auth__OrganiserPassword=$CRAFTSMAN_ORGANISER_PASSWORD"
        "Craftsman__Auth__SigningKey=$(cat "$CRAFTSMAN_RUN_DIR/signing.key")"
        "Craftsman__Auth__SecretsPath=$CRAFTSMAN_RUN_DIR/$name-secrets"
        # The drills' and the load tool's viewers all come from 127.0.0.1: no per-address limit here.
        "Craftsman__Live__ConnectionsPerAddress=0"
      )
      # appsettings.json names Urls; the command line wins over it, the environment does not.
      args=(--urls "http://127.0.0.1:$port")
      dll="$CRAFTSMAN_RUN_DIR/bin/gateway/Craftsman.Gateway.dll"; cwd="$CRAFTSMAN_RUN_DIR/bin/gateway" ;;
    *) die "unknown process name '$name' (silo1 silo2 gateway1 gateway2)" ;;
  esac
  echo "---- $(date -u +%FT%T.%3NZ) starting $name" >>"$logf"
  # setsid: a session of its own, so a terminal's Ctrl-C does not reach it. In this non-interactive
  # shell the background child is no group leader, so setsid does not fork and $! is dotnet's PID.
  (cd "$cwd" && exec setsid env "${vars[@]}" dotnet "$dll" "${args[@]}" </dev/null >>"$logf" 2>&1) &
  local pid=$!
  sleep 0.3
  ours "$pid" "$CRAFTSMAN_RUN_DIR" || { tail -n 20 "$logf" >&2 || true; die "$name did not start (see $logf)"; }
  echo "$pid"
}

# relaunch_on_port_clash NAME: if NAME died because another process took one of its ports, give
# it new ports and start it again (at most 3 times per name); fails otherwise.
relaunch_on_port_clash() {
  local name="$1" upper count pid
  upper="$(echo "$name" | tr '[:lower:]' '[:upper:]')"
  grep -qiE "address already in use|AddressInUse" "$CRAFTSMAN_RUN_DIR/$name.log" 2>/dev/null || return 1
  eval "count=\${relaunches_$upper:-0}"
  [ "$count" -lt 3 ] || return 1
  eval "relaunches_$upper=$(( count + 1 ))"
  log "$name lost a port to another process; restarting it on new ports"
  case "$name" in
    silo*)
      free_port; set_env "$env_file" "CRAFTSMAN_${upper}_SILO_PORT" "$port_found"
      free_port; set_env "$env_file" "CRAFTSMAN_${upper}_GATEWAY_PORT" "$port_found"
      free_port; set_env "$env_file" "CRAFTSMAN_${upper}_HTTP_PORT" "$port_found" ;;
    gateway*)
      free_port; set_env "$env_file" "CRAFTSMAN_${upper}_PORT" "$port_found"
      set_env "$env_file" "CRAFTSMAN_${upper}_URL" "http://127.0.0.1:$port_found" ;;
  esac
  # Keep the clash's log apart, so a later, different failure is not mistaken for one.
  mv "$CRAFTSMAN_RUN_DIR/$name.log" "$CRAFTSMAN_RUN_DIR/$name.port-clash-$count.log"
  set -a; . "$env_file"; set +a
  if [[ "$name" == gateway* ]]; then
    urls="$CRAFTSMAN_GATEWAY1_URL,$CRAFTSMAN_GATEWAY2_URL"; set_env "$env_file" CRAFTSMAN_GATEWAY_URLS "$urls"
  fi
  pid="$(launch "$name")"
  set_env "$env_file" "CRAFTSMAN_${upper}_PID" "$pid"
  eval "CRAFTSMAN_${upper}_PID=$pid"
  return 0
}

http_status() { curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$1" 2>/dev/null || true; }

psql_bin() { if [ -x "$CRAFTSMAN_PG_BINDIR/psql" ]; then echo "$CRAFTSMAN_PG_BINDIR/psql"; else command -v psql || echo psql; fi; }

active_silos() {
  "$(psql_bin)" -X -q -t -A -v ON_ERROR_STOP=1 "$CRAFTSMAN_PG_LIBPQ" \
    -c "SELECT count(*) FROM orleans_membership WHERE deployment_id = '$CRAFTSMAN_CLUSTER_ID' AND status = 3" 2>/dev/null || echo "?"
}

# wait_ready NAME...: every named process alive, every gateway healthy, two silos Active, the edition loaded.
wait_ready() {
  local deadline=$(( SECONDS + timeout )) name pid upper pending
  while :; do
    pending=""
    for name in "$@"; do
      upper="$(echo "$name" | tr '[:lower:]' '[:upper:]')"
      eval "pid=\$CRAFTSMAN_${upper}_PID"
      if ! ours "$pid" "$CRAFTSMAN_RUN_DIR"; then
        relaunch_on_port_clash "$name" && continue
        tail -n 30 "$CRAFTSMAN_RUN_DIR/$name.log" >&2 || true
        die "$name (PID $pid) exited while starting; its log is $CRAFTSMAN_RUN_DIR/$name.log"
      fi
      case "$name" in
        gateway*)
          local url; eval "url=\$CRAFTSMAN_${upper}_URL"
          [ "$(http_status "$url/health/ready")" = 200 ] || pending="$pending $name:/health/ready"
          [ "$(http_status "$url/api/editions/2020")" = 200 ] || pending="$pending $name:edition-2020" ;;
        silo*)
          local http; eval "http=\$CRAFTSMAN_${upper}_HTTP_PORT"
          [ "$(http_status "http://127.0.0.1:$http/health/ready")" = 200 ] || pending="$pending $name:/health/ready" ;;
      esac
    done
    local active; active="$(active_silos)"
    [ "$active" = 2 ] || pending="$pending silos-active=$active/2"
    [ -z "$pending" ] && return 0
    if [ "$SECONDS" -ge "$deadline" ]; then
      for name in "$@"; do echo "--- last lines of $name.log" >&2; tail -n 15 "$CRAFTSMAN_RUN_DIR/$name.log" >&2 || true; done
      die "not ready after ${timeout}s; still waiting for:$pending"
    fi
    sleep 1
  done
}

# ---------------------------------------------------------------------------------------------
# Respawn one process of an existing run.

if [ -n "$respawn" ]; then
  [ -n "$respawn_dir" ] && [ -f "$respawn_dir/cluster.env" ] || die "no cluster.env in '$respawn_dir'"
  # shellcheck disable=SC1091
  set -a; . "$respawn_dir/cluster.env"; set +a
  case "$respawn" in silo1|silo2|gateway1|gateway2) ;; *) die "unknown process name '$respawn' (silo1 silo2 gateway1 gateway2)" ;; esac
  upper="$(echo "$respawn" | tr '[:lower:]' '[:upper:]')"
  eval "old=\${CRAFTSMAN_${upper}_PID:-}"
  if ours "$old" "$CRAFTSMAN_RUN_DIR"; then die "$respawn (PID $old) is still running; stop it first"; fi
  pid="$(launch "$respawn")"
  set_env "$CRAFTSMAN_RUN_DIR/cluster.env" "CRAFTSMAN_${upper}_PID" "$pid"
  eval "CRAFTSMAN_${upper}_PID=$pid"
  log "respawned $respawn as PID $pid; waiting until it is ready"
  wait_ready "$respawn"
  log "$respawn ready"
  echo "CRAFTSMAN_${upper}_PID=$pid"
  exit 0
fi

# ---------------------------------------------------------------------------------------------
# A new cluster.

command -v dotnet >/dev/null || die "dotnet is not on PATH"
command -v curl >/dev/null || die "curl is not on PATH"
command -v setsid >/dev/null || die "setsid is not on PATH"

silo_bin="$repo/artifacts/cluster/silo"
gateway_bin="$repo/artifacts/cluster/gateway"
if [ "$build" -eq 1 ]; then
  # Published, not just built: a published gateway carries its web root (the pages and their npm
  # libraries), so a cluster gateway serves the pages exactly as the embedded one does.
  log "publishing Release (src/Silo and src/Gateway) into artifacts/cluster ..."
  build_log="$(mktemp "${TMPDIR:-/tmp}/craftsman-cluster-build.XXXXXX")"
  for project in Silo Gateway; do
    target="$repo/artifacts/cluster/$(echo "$project" | tr '[:upper:]' '[:lower:]')"
    rm -rf "$target"
    # The gateway as a cluster runs it: built without the embedded silo (contracts only), in its
    # own intermediate folder so it never mixes with the embedded build's.
    variant=()
    [ "$project" = Gateway ] && variant=(-p:CraftsmanEmbedded=false --artifacts-path "$repo/artifacts/cluster/build")
    if ! dotnet publish -c Release -nologo "$repo/src/$project/Craftsman.$project.csproj" "${variant[@]}" -o "$target" >"$build_log" 2>&1; then
      grep -E ' error |: error' "$build_log" | sort -u | head -n 30 >&2 || tail -n 30 "$build_log" >&2
      rm -f "$build_log"
      die "dotnet publish -c Release src/$project failed"
    fi
  done
  rm -f "$build_log"
fi
[ -f "$silo_bin/Craftsman.Silo.dll" ] || die "$silo_bin/Craftsman.Silo.dll is missing (run without --no-build)"
[ -f "$gateway_bin/Craftsman.Gateway.dll" ] || die "$gateway_bin/Craftsman.Gateway.dll is missing (run without --no-build)"

run_dir="$(mktemp -d "${TMPDIR:-/tmp}/craftsman-cluster.XXXXXX")"
chmod 700 "$run_dir"
touch "$run_dir/.craftsman-cluster"
env_file="$run_dir/cluster.env"
: >"$env_file"; chmod 600 "$env_file"

ok=0
on_exit() {
  if [ "$ok" -ne 1 ]; then
    log "start failed; stopping what was started (logs kept in $run_dir.failed)"
    cp -r "$run_dir" "$run_dir.failed" 2>/dev/null || true
    "$here/stop.sh" "$run_dir" >&2 || true
  fi
}
trap on_exit EXIT

log "run directory $run_dir"
mkdir -p "$run_dir/bin"
cp -r "$silo_bin" "$run_dir/bin/silo"
cp -r "$gateway_bin" "$run_dir/bin/gateway"

log "starting PostgreSQL ..."
pg_out="$("$repo/deploy/pg/start-throwaway.sh" 2>"$run_dir/postgres-start.log")" \
  || { cat "$run_dir/postgres-start.log" >&2; die "deploy/pg/start-throwaway.sh failed"; }
pg_connection="$(echo "$pg_out" | sed -n 's/^CRAFTSMAN_PG_CONNECTION=//p')"
pg_libpq="$(echo "$pg_out" | sed -n 's/^CRAFTSMAN_PG_LIBPQ=//p')"
pg_dir="$(echo "$pg_out" | sed -n 's/^CRAFTSMAN_PG_DIR=//p')"
[ -n "$pg_connection" ] && [ -n "$pg_dir" ] || die "start-throwaway.sh printed no connection: $pg_out"
set_env "$env_file" CRAFTSMAN_PG_DIR "$pg_dir"
pg_port="$(echo "$pg_connection" | sed -n 's/.*Port=\([0-9]*\).*/\1/p')"
pg_bindir="${CRAFTSMAN_PG_BINDIR:-}"
if [ -z "$pg_bindir" ]; then
  # Resolve links: /usr/local/bin/pg_ctl may point into a bin dir that also holds psql.
  if command -v pg_ctl >/dev/null 2>&1; then pg_bindir="$(dirname "$(readlink -f "$(command -v pg_ctl)")")"
  else pg_bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"; fi
fi
pg_os_user="$(id -un)"; [ "$(id -u)" -eq 0 ] && pg_os_user=postgres

[ -n "$password" ] || password="$(head -c 18 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9' | head -c 20)"
head -c 32 /dev/urandom | base64 >"$run_dir/signing.key"; chmod 600 "$run_dir/signing.key"

{
  echo "# written by deploy/cluster/start.sh $(date -u +%FT%TZ); stop with deploy/cluster/stop.sh $run_dir"
} >>"$env_file"
set_env "$env_file" CRAFTSMAN_RUN_DIR "$run_dir"
set_env "$env_file" CRAFTSMAN_REPO "$repo"
set_env "$env_file" CRAFTSMAN_CLUSTER_ID "${CRAFTSMAN_CLUSTER_ID:-craftsman}"
set_env "$env_file" CRAFTSMAN_SERVICE_ID "${CRAFTSMAN_SERVICE_ID:-craftsman}"
set_env "$env_file" CRAFTSMAN_PG_CONNECTION "$pg_connection"
set_env "$env_file" CRAFTSMAN_PG_LIBPQ "$pg_libpq"
set_env "$env_file" CRAFTSMAN_PG_DATA "$pg_dir/data"
set_env "$env_file" CRAFTSMAN_PG_LOG "$pg_dir/postgres.log"
set_env "$env_file" CRAFTSMAN_PG_PORT "$pg_port"
set_env "$env_file" CRAFTSMAN_PG_BINDIR "$pg_bindir"
set_env "$env_file" CRAFTSMAN_PG_OS_USER "$pg_os_user"
set_env "$env_file" CRAFTSMAN_ORGANISER_PASSWORD "$password"
set_env "$env_file" CRAFTSMAN_EDITION "2020"
taken_ports=" $pg_port "
for n in 1 2; do
  free_port; set_env "$env_file" "CRAFTSMAN_SILO${n}_SILO_PORT" "$port_found"
  free_port; set_env "$env_file" "CRAFTSMAN_SILO${n}_GATEWAY_PORT" "$port_found"
  free_port; set_env "$env_file" "CRAFTSMAN_SILO${n}_HTTP_PORT" "$port_found"
  set_env "$env_file" "CRAFTSMAN_SILO${n}_LOG" "$run_dir/silo$n.log"
done
urls=""
for n in 1 2; do
  free_port; p="$port_found"
  set_env "$env_file" "CRAFTSMAN_GATEWAY${n}_PORT" "$p"
  set_env "$env_file" "CRAFTSMAN_GATEWAY${n}_URL" "http://127.0.0.1:$p"
  set_env "$env_file" "CRAFTSMAN_GATEWAY${n}_LOG" "$run_dir/gateway$n.log"
  urls="${urls:+$urls,}http://127.0.0.1:$p"
done
set_env "$env_file" CRAFTSMAN_GATEWAY_URLS "$urls"

set -a; . "$env_file"; set +a

start_processes() {
  local name pid upper
  for name in "$@"; do
    pid="$(launch "$name")"
    upper="$(echo "$name" | tr '[:lower:]' '[:upper:]')"
    set_env "$env_file" "CRAFTSMAN_${upper}_PID" "$pid"
    eval "CRAFTSMAN_${upper}_PID=$pid"
    log "started $name, PID $pid"
  done
}

started_at=$SECONDS
# Silos first: a gateway's Orleans client reads the list of silo gateways from the membership table
# when it connects and refreshes it only now and then, so gateways started beside the silos may
# know one silo only for their first minute (a drill that killed that silo would then measure a
# start-up race, not a failover).
start_processes silo1 silo2

if [ -n "$owner_pid" ]; then
  # Detached from our output so whoever reads it sees EOF when this script exits.
  nohup setsid bash -c '
    while kill -0 "$1" 2>/dev/null; do sleep 2; done
    exec "$2" "$3"' craftsman-cluster-watchdog "$owner_pid" "$here/stop.sh" "$run_dir" \
    </dev/null >/dev/null 2>&1 &
  set_env "$env_file" CRAFTSMAN_WATCHDOG_PID "$!"
fi

log "waiting (at most ${timeout}s) for two Active silos ..."
wait_ready silo1 silo2
start_processes gateway1 gateway2
log "waiting (at most ${timeout}s) for every /health/ready and edition 2020 ..."
wait_ready silo1 silo2 gateway1 gateway2
log "cluster ready after $(( SECONDS - started_at ))s"
ok=1

cat <<EOF
CRAFTSMAN_RUN_DIR=$run_dir
CRAFTSMAN_ENV_FILE=$env_file
CRAFTSMAN_GATEWAY_URLS=$urls
CRAFTSMAN_ORGANISER_PASSWORD=$password
EOF
cat >&2 <<EOF

  gateways:   $CRAFTSMAN_GATEWAY1_URL  $CRAFTSMAN_GATEWAY2_URL
  silos:      silo1 PID $CRAFTSMAN_SILO1_PID (ports $CRAFTSMAN_SILO1_SILO_PORT/$CRAFTSMAN_SILO1_GATEWAY_PORT, http $CRAFTSMAN_SILO1_HTTP_PORT), silo2 PID $CRAFTSMAN_SILO2_PID (ports $CRAFTSMAN_SILO2_SILO_PORT/$CRAFTSMAN_SILO2_GATEWAY_PORT, http $CRAFTSMAN_SILO2_HTTP_PORT)
  postgres:   $pg_connection  (data $pg_dir/data)
  organiser:  $password
  run dir:    $run_dir  (env: $env_file, logs: *.log)
  stop with:  deploy/cluster/stop.sh $run_dir
EOF
