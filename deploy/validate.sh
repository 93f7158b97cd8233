#!/usr/bin/env bash
# Offline checks of the deployment files, as CI runs them (no cluster, no Docker, no network):
#   1. yamllint (Debian's package) on the Kubernetes manifests and the compose file;
#   2. the Kubernetes schema check: tests/Craftsman.Deploy.Tests deserializes every manifest strictly
#      into the Kubernetes API's typed models (the KubernetesClient package, generated from the API's
#      OpenAPI schema) and checks that selectors, probes, the Secret and the budgets fit together.
#   deploy/validate.sh [--lint-only]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v yamllint >/dev/null || { echo "validate: yamllint is missing (apt-get install yamllint)" >&2; exit 2; }
yamllint --strict -c deploy/.yamllint.yaml deploy/k8s deploy/compose
echo "validate: yamllint passed"
[ "${1:-}" = "--lint-only" ] && exit 0
dotnet test tests/Craftsman.Deploy.Tests -nologo -v q
