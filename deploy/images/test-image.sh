#!/usr/bin/env bash
# Builds one service's image with Jib to a local tarball (no Docker daemon, no registry) and checks it
# against the Deployment that runs it: name <registry>/recruit-suite/<service>:<version>-<commit>,
# entrypoint, user, exposed port, the application in /deployments, and that the image's Java runtime
# starts as that user (chroot into the unpacked image). Needs suite-common installed
# (./mvnw -B install -DskipTests) and root for chroot.
#   deploy/images/test-image.sh [service]        (default gateway-service)
set -Eeuo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SERVICE=${1:-gateway-service}
OUT="$ROOT/.suite/images"
mkdir -p "$OUT"
BASE="$OUT/jvm-base.tar"
IMAGE="$OUT/$SERVICE.tar"
# built once, and again when its recipe changes
if [ ! -f "$BASE" ] || [ "$ROOT/deploy/images/base-image.sh" -nt "$BASE" ]; then "$ROOT/deploy/images/base-image.sh" "$BASE"; fi
COMMIT=${RS_IMAGE_COMMIT:-$(git -C "$ROOT" rev-parse --short HEAD)}
echo "==> building $SERVICE's image with Jib into $IMAGE"
rm -f "$IMAGE"
RS_IMAGE_TARBALL="$IMAGE" RS_IMAGE_BASE="tar://$BASE" RS_IMAGE_COMMIT="$COMMIT" \
  "$ROOT/mvnw" -B -q -f "$ROOT/pom.xml" package -DskipTests -pl "$SERVICE" -Dquarkus.container-image.build=true \
  -Dquarkus.package.jar.appcds.enabled=false \
  -Dquarkus.jib.docker-executable-name="$ROOT/deploy/images/docker-to-tarball.sh" >"$OUT/$SERVICE-build.log" 2>&1 \
  || { tail -40 "$OUT/$SERVICE-build.log"; echo "FAILED: the Jib build of $SERVICE" >&2; exit 1; }
[ -d "$ROOT/deploy/kubernetes/validate/node_modules" ] || (cd "$ROOT/deploy/kubernetes/validate" && npm ci --no-audit --no-fund --loglevel=error)
exec node "$ROOT/deploy/images/check-image.mjs" "$IMAGE" "$SERVICE" "$COMMIT"
