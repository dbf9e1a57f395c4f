# shellcheck shell=bash
# ./suite test: manifests, the module tests, the end-to-end run against the packaged services.
# Sourced by ./suite, which defines the shared variables and helpers (say, die, port_of, ...).

validate_manifests() {
  command -v kubectl >/dev/null || die "kubectl is needed to render the Kubernetes overlays (kubectl kustomize)" "install kubectl 1.27 or newer"
  command -v npm >/dev/null || { say "installing nodejs and npm"; apt_install nodejs npm; }
  say "Kubernetes manifests: render every overlay and validate it"
  local dir="$ROOT/deploy/kubernetes/validate"
  [ -d "$dir/node_modules" ] || (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed in deploy/kubernetes/validate"
  (cd "$dir" && node validate.mjs) || die "the Kubernetes manifests do not validate" "see the problems listed above"
}

validate_contracts() {
  command -v npm >/dev/null || { say "installing nodejs and npm"; apt_install nodejs npm; }
  say "contracts: docs/asyncapi.yaml checked by the AsyncAPI parser, docs/openapi.json by Redocly's recommended rules"
  local dir="$ROOT/contracts"
  [ -d "$dir/node_modules" ] || (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed in contracts"
  (cd "$dir" && node validate.mjs) || die "a published contract does not validate" "see the problems listed above"
}

e2e_redis_start() {
  if redis-cli -p "$E2E_REDIS_PORT" ping >/dev/null 2>&1 && [ ! -f "$PIDS/redis-e2e.owned" ]; then
    die "port $E2E_REDIS_PORT (the end-to-end Redis) is taken by a Redis this checkout did not start" "stop it, or let the other run finish"
  fi
  REDIS_PORT=$E2E_REDIS_PORT REDIS_NAME=redis-e2e ensure_redis
  # our own mark: Redis deletes its pid file on shutdown, and the end-to-end test restarts it without one
  touch "$PIDS/redis-e2e.owned"
}
e2e_redis_stop() {
  [ -f "$PIDS/redis-e2e.owned" ] || return 0
  redis-cli -p "$E2E_REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  rm -f "$PIDS/redis-e2e.pid" "$PIDS/redis-e2e.owned"
}

# deletes the topics this test run created on the shared broker (module tests: test-<run>-<uuid>.*, e2e: e2e-<run>.*)
delete_run_topics() {
  java -cp "$KAFKA_LIB/*" "$ROOT/deploy/local/kafka/TopicAdmin.java" delete-prefix "127.0.0.1:$KAFKA_PORT" \
    "test-$TEST_RUN-" "$E2E_TOPIC_PREFIX" >>"$LOGS/topic-admin.log" 2>&1 || warn "could not delete this run's test topics (see .suite/logs/topic-admin.log)"
}

# the deployment as it is shipped: the rendered overlays run on loopback, the Helm chart renders the same
# objects, an image built with Jib matches its Deployment (this one repackages gateway-service/target, so
# it runs before the end-to-end stack starts from those jars)
deployment_tests() {
  say "Kubernetes: each overlay's deployed configuration serves"
  "$ROOT/deploy/kubernetes/test-deployed-config.sh" || die "the deployed configuration does not serve" "see the output above (its logs folder is named there)"
  say "Helm chart: the same objects as the Kustomize overlays"
  "$ROOT/deploy/helm/test-helm.sh" || die "the Helm chart and the Kustomize overlays differ" "see the output above"
  say "image: gateway-service built with Jib into a tarball, then checked"
  "$ROOT/deploy/images/test-image.sh" || die "the Jib image does not match its Deployment" "see .suite/images/gateway-service-build.log"
}

# the console in Debian's headless Chromium, signed in through the end-to-end stack's own OpenID provider
browser_tests() {
  command -v chromium >/dev/null || { say "installing chromium"; apt_install chromium chromium-driver; }
  local dir="$ROOT/console-service/browser-tests" shots="$ROOT/console-service/target/screenshots"
  [ -d "$dir/node_modules" ] || (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed in console-service/browser-tests"
  console_start e2e
  console_wait e2e 120
  say "browser tests: the console in headless Chromium (screenshots in console-service/target/screenshots)"
  rm -rf "$shots"
  (cd "$dir" && RS_CONSOLE_URL="$(console_url e2e)" RS_GATEWAY_URL="http://127.0.0.1:$(port_of gateway e2e)" \
    RS_KEYS_URL="http://127.0.0.1:$(port_of keys e2e)" RS_OPERATOR_TOKEN_FILE="$KEYS/operator-token" \
    RS_ADMIN_EMAIL="$DEMO_ADMIN_EMAIL" RS_ADMIN_PASSWORD_FILE="$KEYS/demo-admin-password" \
    RS_MEMBER_EMAIL="$DEMO_MEMBER_EMAIL" RS_MEMBER_PASSWORD_FILE="$KEYS/demo-member-password" RS_SCREENSHOTS="$shots" \
    timeout 600 node --test --test-concurrency=1 console.test.mjs)
}

cmd_test() {
  validate_manifests
  validate_contracts
  infra
  ensure_databases e2e fresh
  export RS_KEYS_DIR="$KEYS" RS_TEST_RUN="$TEST_RUN"
  # whatever ends the run (a failure included) stops what it started and deletes its topics
  trap 'console_stop e2e; stop_stack e2e; e2e_redis_stop; delete_run_topics' EXIT
  if [ "${1:-}" = "--e2e-only" ]; then
    build
    console_stop e2e
    keycloak_start e2e
  else
    ensure_databases test fresh
    say "unit and service tests (./mvnw install: verify, then the jars the end-to-end run resolves)"
    "$ROOT/mvnw" -B install
    console_stop e2e
    # the end-to-end run's OpenID provider starts now, so its minute of start-up is over before the services start:
    # their first requests have deadlines of a few seconds
    keycloak_start e2e
    deployment_tests
  fi
  say "end-to-end test against the five services started from their packaged jars"
  stop_stack e2e
  e2e_redis_start
  keycloak_wait e2e 300
  start_stack e2e
  local rc=0 browser_rc=0
  # the browser tests first: the Java end-to-end suite ends by killing a service on purpose
  browser_tests || browser_rc=$?
  # the browser test ends by using a revoked key: its refusals count against 127.0.0.1's budget of unknown keys,
  # which the Java suite measures from zero; the end-to-end window of that budget is 10 s (service_env)
  sleep 11
  RS_E2E_GATEWAY="http://127.0.0.1:$(port_of gateway e2e)" RS_E2E_GATEWAY_MANAGEMENT="http://127.0.0.1:$(health_port_of gateway e2e)" RS_E2E_KEYS="http://127.0.0.1:$(port_of keys e2e)" RS_E2E_PIDS="$PIDS" \
    RS_E2E_SEARCH="http://127.0.0.1:$(port_of search e2e)" \
    RS_E2E_REDIS_PORT="$E2E_REDIS_PORT" RS_E2E_TOPIC_PREFIX="$E2E_TOPIC_PREFIX" \
    "$ROOT/mvnw" -B -pl gateway-service failsafe:integration-test failsafe:verify -Pe2e || rc=$?
  console_stop e2e
  stop_stack e2e
  e2e_redis_stop
  [ $browser_rc = 0 ] || die "the console's browser test failed" "see the output above, .suite/logs/console-e2e.log and console-service/target/screenshots"
  [ $rc = 0 ] || die "the end-to-end test failed" "see the output above and .suite/logs/*-e2e.log"
  say "all tests passed"
}
