#!/usr/bin/env bash
# The deployed-configuration test: renders each overlay and runs the five services with exactly the
# environment their Deployments get, against this test's own Kafka (SCRAM + ACLs), Redis and databases
# (recruit_<db>_deploy on the local PostgreSQL). Needs the packaged jars (./mvnw -B install -DskipTests),
# the Kafka jars and PostgreSQL that `./suite infra` provides, kubectl, node and redis-server; root, for
# port 80 and for creating the databases as the postgres user.
#   deploy/kubernetes/test-deployed-config.sh [overlay ...]
set -Eeuo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DIR="$ROOT/deploy/kubernetes/validate"
DB_USER=${RS_DEPLOY_DB_USER:-recruit}
DB_PASSWORD=${RS_DEPLOY_DB_PASSWORD:-recruit}

for tool in kubectl node java redis-server psql; do
  command -v "$tool" >/dev/null || { echo "FAILED: $tool is needed (./suite infra installs what the suite needs)" >&2; exit 1; }
done
for svc in gateway keys candidate search webhook; do
  [ -f "$ROOT/$svc-service/target/quarkus-app/quarkus-run.jar" ] || {
    echo "==> building the services (./mvnw -B -q install -DskipTests)"; "$ROOT/mvnw" -B -q install -DskipTests; break; }
done
# the broker jars ./suite infra fetches; fetched here the same way if that broker was started by something else
KAFKA_LIB=${RS_KAFKA_LIB:-$ROOT/.suite/kafka/lib}
if ! ls "$KAFKA_LIB"/kafka_2.13-*.jar >/dev/null 2>&1; then
  echo "==> fetching the Kafka broker jars"
  "$ROOT/mvnw" -B -q -f "$ROOT/deploy/local/kafka/pom.xml" dependency:copy-dependencies -DoutputDirectory="$KAFKA_LIB" -DincludeScope=runtime
fi
export RS_KAFKA_LIB=$KAFKA_LIB
[ -d "$DIR/node_modules" ] || (cd "$DIR" && npm ci --no-audit --no-fund --loglevel=error)
# the role the test's databases belong to (the same one ./suite creates for its stacks)
runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qAt -c \
  "do \$\$ begin if not exists (select from pg_roles where rolname = '$DB_USER') then create role $DB_USER login password '$DB_PASSWORD'; end if; end \$\$;"
cd "$DIR"
exec node deployed-config.mjs "$@"
