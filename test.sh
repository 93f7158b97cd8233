#!/usr/bin/env bash
# Every test suite on a fresh machine, the README's second command: installs what the suites need
# and is missing (Debian's Chromium, the CJK and PDF fonts, time zones, PostgreSQL, Node/npm for
# the pages' libraries), starts a throw-away PostgreSQL, runs `dotnet test Craftsman.sln`, and ends
# with one "Tests: N passed, N failed" line. .ci/run runs exactly this.
set -uo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
log=$(mktemp)
pg_dir=
cleanup() {
  [ -n "$pg_dir" ] && deploy/pg/stop-throwaway.sh "$pg_dir" >/dev/null 2>&1
  rm -f "$log"
}
trap cleanup EXIT

# Browser tests drive Debian's Chromium; without a CJK font every Chinese character is a box.
# The PDF result sheet embeds Droid Sans Fallback (Chinese) and DejaVu Sans (Latin): PDFsharp reads
# single .ttf files, not the .ttc collections of fonts-noto-cjk.
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi "noto sans cjk" || need+=(fonts-noto-cjk)
[ -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ] || need+=(fonts-droid-fallback)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
# Documents print times in the edition's time zone (Asia/Shanghai by default).
[ -f /usr/share/zoneinfo/Asia/Shanghai ] || need+=(tzdata)
# The cluster suites run on a throw-away PostgreSQL (deploy/pg/start-throwaway.sh needs initdb).
command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
# The gateway's build restores the pages' npm libraries (src/Gateway/ClientApp).
command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
# deploy/validate.sh lints the Kubernetes manifests and the compose file.
command -v yamllint >/dev/null 2>&1 || need+=(yamllint)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} ..."
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo=sudo; else sudo=; fi
  ($sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}") >/dev/null 2>&1 \
    || echo "warning: could not install ${need[*]}"
fi

# One PostgreSQL for the cluster-mode suites, stopped (and deleted) when this script ends.
if pg_env=$(deploy/pg/start-throwaway.sh --owner-pid $$); then
  export CRAFTSMAN_TEST_POSTGRES=$(sed -n 's/^CRAFTSMAN_PG_CONNECTION=//p' <<<"$pg_env")
  pg_dir=$(sed -n 's/^CRAFTSMAN_PG_DIR=//p' <<<"$pg_env")
  echo "PostgreSQL for the tests: $CRAFTSMAN_TEST_POSTGRES"
else
  echo "warning: could not start PostgreSQL here; the cluster suite will start its own"
fi

# The manifests' lint counts as one check in the totals; their schema check is a test project
# (tests/Craftsman.Deploy.Tests) in the run below.
lint_passed=0 lint_failed=0
if deploy/validate.sh --lint-only; then lint_passed=1; else lint_failed=1; fi

dotnet test Craftsman.sln 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# VSTest prints one summary per test project: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..."
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with $status (build or test host failure)"
  failed=1
fi
passed=$((passed + lint_passed))
failed=$((failed + lint_failed))
[ "$lint_failed" -eq 0 ] || { echo "deploy/validate.sh: yamllint failed"; [ "$status" -ne 0 ] || status=1; }
echo "Tests: $passed passed, $failed failed"
exit "$status"
