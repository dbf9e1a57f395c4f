# shellcheck shell=bash
# The fault and load harness: ./suite faults and ./suite load, each on a stack of its own.
# Sourced by ./suite, which defines the shared variables and helpers (say, die, port_of, ...).

# ---------------------------------------------------------------- reliability: ./suite faults, ./suite load
# Both runs start their own copy of the services (ports 18180-18184 / 18280-18284) on infrastructure
# of their own: a PostgreSQL cluster, a Redis and a Kafka broker that nothing else uses, started
# fresh and stopped at the end. Breaking them never touches the infrastructure of ./suite up or
# ./suite test. The driver (deploy/reliability, plain JDK) runs the load and decides when to break
# what; the breaking is done by the actions below (./suite _rel ENV ACTION …).
REL_HOME="$STATE/reliability"
REL_CLASSES="$REL_HOME/classes"
REL_PG_CLUSTER=reliability
REL_PG_PORT=15432
REL_REDIS_PORT=16379
REL_KAFKA_PORT=19092
REL_KAFKA_CONTROLLER_PORT=19093
FAULTS_TIME_LIMIT=${FAULTS_TIME_LIMIT:-2700}     # seconds: the whole ./suite faults, start-up and clean-up included
LOAD_EXTRA_TIME=${LOAD_EXTRA_TIME:-600}          # seconds beyond the measured minutes (seeding, warm-up, report)
REL_CLEANUP_RESERVE=90                           # seconds kept for the driver's report and the clean-up
# the faults stack: a retry schedule in seconds instead of hours, and a per-key limit the load stays
# under (it is spread over several keys) but the rate-limit probe exceeds
FAULTS_STACK_ENV=(WEBHOOKS_RETRY_SCHEDULE=1s,2s,4s,8s,15s,30s,30s,60s,60s
                  PLANS_RATE_LIMITS_ORGANIZATION_PER_MINUTE=100000 PLANS_RATE_LIMITS_SEARCH_PER_MINUTE=100000
                  PLANS_RATE_LIMITS_KEY_PER_MINUTE=120 PLANS_RATE_LIMITS_KEY_PER_HOUR=100000)
# the load stack: limits far above the load, so it measures the system and not the limiter
LOAD_STACK_ENV=(PLANS_RATE_LIMITS_ORGANIZATION_PER_MINUTE=100000000 PLANS_RATE_LIMITS_SEARCH_PER_MINUTE=100000000
                PLANS_RATE_LIMITS_KEY_PER_MINUTE=100000000 PLANS_RATE_LIMITS_KEY_PER_HOUR=100000000)

is_rel_env() { [ "$1" = faults ] || [ "$1" = load ]; }

rel_pg() { pg_ctlcluster --skip-systemctl-redirect "$@" "$(pg_major)" "$REL_PG_CLUSTER" "${REL_PG_ACTION:?}"; }
rel_pg_ready() { as_postgres pg_isready -q -h "$PG_HOST" -p "$REL_PG_PORT" 2>/dev/null; }

rel_pg_start() {
  if ! pg_lsclusters -h | awk '{print $2}' | grep -qx "$REL_PG_CLUSTER"; then
    [ "$(id -u)" = 0 ] || die "creating the PostgreSQL cluster '$REL_PG_CLUSTER' needs root" "run ./suite faults as root once"
    say "creating the PostgreSQL cluster '$REL_PG_CLUSTER' on port $REL_PG_PORT (one time; started only by ./suite faults and load)"
    pg_createcluster "$(pg_major)" "$REL_PG_CLUSTER" --port "$REL_PG_PORT" --start-conf manual >"$LOGS/pg-$REL_PG_CLUSTER.log" 2>&1 \
      || die "pg_createcluster failed" "see .suite/logs/pg-$REL_PG_CLUSTER.log"
  fi
  rel_pg_ready || REL_PG_ACTION=start rel_pg || die "the PostgreSQL cluster '$REL_PG_CLUSTER' did not start" "pg_lsclusters; its log is in /var/log/postgresql/"
  for _ in $(seq 1 60); do rel_pg_ready && return 0; sleep 0.5; done
  die "the PostgreSQL cluster '$REL_PG_CLUSTER' does not accept connections on port $REL_PG_PORT"
}

rel_pg_stop() { if rel_pg_ready; then REL_PG_ACTION=stop rel_pg -m fast; fi; }

rel_kafka_start() {
  KAFKA_HOME="$REL_HOME/kafka" KAFKA_PORT=$REL_KAFKA_PORT KAFKA_CONTROLLER_PORT=$REL_KAFKA_CONTROLLER_PORT KAFKA_NAME=kafka-rel ensure_kafka
}

rel_redis_start() { REDIS_PORT=$REL_REDIS_PORT REDIS_NAME=redis-rel ensure_redis; }
rel_redis_stop() { redis-cli -p "$REL_REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true; rm -f "$PIDS/redis-rel.pid"; }

# the isolated infrastructure, empty: a fresh broker (so its topics hold this run's events only) and databases
rel_prepare() { # env
  local env=$1
  mkdir -p "$REL_HOME"
  if [ -f "$REL_HOME/run.pid" ] && kill -0 "$(cat "$REL_HOME/run.pid")" 2>/dev/null; then
    die "another ./suite faults or ./suite load is running (pid $(cat "$REL_HOME/run.pid"))" "wait for it to finish"
  fi
  echo $$ > "$REL_HOME/run.pid"
  ensure_tools
  ensure_postgres
  ensure_keys
  command -v jcmd >/dev/null && command -v javac >/dev/null || apt_install openjdk-17-jdk-headless
  build
  stop_stack "$env"
  stop_pid kafka-rel
  rel_redis_stop
  rm -rf "$REL_HOME/kafka/data"
  say "starting the $env stack's own PostgreSQL (port $REL_PG_PORT), Redis ($REL_REDIS_PORT) and Kafka ($REL_KAFKA_PORT)"
  rel_pg_start
  PG_PORT=$REL_PG_PORT ensure_databases "$env" fresh
  rel_redis_start
  rel_kafka_start
  rm -rf "$REL_CLASSES"; mkdir -p "$REL_CLASSES"
  javac -nowarn --release 17 -cp "$KAFKA_LIB/*" -d "$REL_CLASSES" "$ROOT"/deploy/reliability/*.java \
    || die "the reliability driver does not compile" "see the compiler output above"
}

rel_cleanup() { # env: always, also after a failure or Ctrl-C
  local env=$1
  trap - EXIT INT TERM
  say "stopping the $env stack and its infrastructure"
  stop_stack "$env"
  stop_pid kafka-rel
  rel_redis_stop
  rel_pg_stop || warn "could not stop the PostgreSQL cluster '$REL_PG_CLUSTER'"
  rm -f "$REL_HOME/run.pid"
}

rel_driver() { # env class timeout-seconds -> runs the driver with the addresses of that stack
  local env=$1 class=$2 seconds=$3
  RS_REL_ENV=$env RS_REL_SUITE="$ROOT/suite" RS_REL_REPORT_DIR="$STATE/reports" \
  RS_REL_GATEWAY="http://127.0.0.1:$(port_of gateway "$env")" RS_REL_KEYS="http://127.0.0.1:$(port_of keys "$env")" \
  RS_REL_OPERATOR_TOKEN_FILE="$KEYS/operator-token" RS_REL_DEADLINE=$(( $(date +%s) + seconds - 30 )) \
  RS_REL_REVISION="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' with uncommitted changes')" \
    timeout --kill-after=15 "$seconds" java -Xmx512m -cp "$REL_CLASSES" "$class"
}

rel_action() { # env action [args]: what the driver asks for while it runs
  local env=${1:?env} action=${2:?action}; shift 2
  local svc pid
  case $action in
    kafka-stop)  stop_pid kafka-rel;;
    kafka-start) rel_kafka_start >&2;;
    redis-stop)  rel_redis_stop;;
    redis-start) rel_redis_start >&2;;
    redis-keys)  redis-cli -p "$REL_REDIS_PORT" --scan --pattern "${1:?pattern}" | wc -l;;
    pg-stop)     rel_pg_stop;;
    pg-start)    rel_pg_start >&2;;
    kill)        pid=$(cat "$PIDS/${1:?service}-$env.pid"); kill -9 "$pid";;
    start)       start_service "${1:?service}" "$env"; wait_ready "$1" "$env" 180;;
    pids)        for svc in "${SERVICES[@]}"; do printf '%s=%s ' "$svc" "$(cat "$PIDS/$svc-$env.pid")"; done; echo;;
    wait-ready)  # SECONDS: until every service says ready, without restarting any
      local i port not
      for ((i = 0; i < ${1:?seconds}; i++)); do
        not=""
        for svc in "${SERVICES[@]}"; do
          port=$(health_port_of "$svc" "$env")
          health_ready "$port" || not="$not $svc"
        done
        [ -z "$not" ] && { echo "all services ready ${i} s after the check began"; return 0; }
        sleep 1
      done
      echo "not ready after $1 s:$not";;
    health)      # the services whose readiness and liveness are not UP now: "ready-down=a,b live-down=c"
      local ready="" live="" base
      for svc in "${SERVICES[@]}"; do
        base="http://127.0.0.1:$(health_port_of "$svc" "$env")/q/health"
        curl -fsS -m 5 "$base/ready" 2>/dev/null | grep -q '"UP"' || ready="$ready${ready:+,}$svc"
        curl -fsS -m 5 "$base/live" 2>/dev/null | grep -q '"UP"' || live="$live${live:+,}$svc"
      done
      echo "ready-down=${ready:-none} live-down=${live:-none}";;
    memory)      # SERVICE PID HEAP-AFTER-FULL-GC RSS (bytes) for every service
      for svc in "${SERVICES[@]}"; do
        pid=$(cat "$PIDS/$svc-$env.pid" 2>/dev/null) && kill -0 "$pid" 2>/dev/null || continue
        jcmd "$pid" GC.run >/dev/null 2>&1 || true
        echo "$svc $pid $(jstat -gc "$pid" | awk 'NR==2{printf "%.0f", ($3+$4+$6+$8)*1024}') $(awk '/^VmRSS/{print $2*1024}' "/proc/$pid/status")"
      done;;
    dump-outbox) # FILE: service, event id, type, organization, candidate id, document id, published (t/f), created (epoch ms)
      local f=${1:?file} pair; : > "$f"
      for pair in keys:keys candidate:candidates search:search; do
        PG_PORT=$REL_PG_PORT psql_admin -d "$(db_name "${pair#*:}" "$env")" -F $'\t' -c \
          "select '${pair%%:*}', event_id, event_type, record_key, coalesce(payload::jsonb->'data'->>'candidateId', ''),
                  coalesce(payload::jsonb->'data'->>'documentId', ''), case when published_at is null then 'f' else 't' end,
                  (extract(epoch from created_at) * 1000)::bigint from outbox" >> "$f"
      done;;
    dump-kafka)  # FILE: topic, event id, type, partition, offset, timestamp (epoch ms) of every record
      java -cp "$KAFKA_LIB/*:$REL_CLASSES" -Dlog4j.configuration="file:$ROOT/deploy/local/kafka/log4j.properties" TopicDump \
        "127.0.0.1:$REL_KAFKA_PORT" recruit.candidate-events recruit.key-events recruit.search-events > "${1:?file}" 2>"$LOGS/topic-dump.log";;
    *) die "unknown reliability action '$action'";;
  esac
}

cmd_faults() {
  local started rc=0
  rel_prepare faults
  started=$SECONDS   # the limit covers everything after the build: infrastructure, stack, run, clean-up
  trap 'rel_cleanup faults' EXIT
  trap 'exit 130' INT TERM
  export "${FAULTS_STACK_ENV[@]}"
  # tracing as in production: every span in the log would weigh on two cores for twenty minutes
  export RS_TRACE_SAMPLE_RATIO=${RS_TRACE_SAMPLE_RATIO:-0.1} RS_TRACE_LOG_SPANS=${RS_TRACE_LOG_SPANS:-false}
  say "starting the faults stack (ports $(port_of gateway faults)-$(port_of webhook faults))"
  start_stack faults
  local budget=$((FAULTS_TIME_LIMIT - (SECONDS - started) - REL_CLEANUP_RESERVE))
  [ $budget -gt 60 ] || die "no time left for the run after start-up (FAULTS_TIME_LIMIT=$FAULTS_TIME_LIMIT s)"
  say "fault injection for at most $budget s (report in .suite/reports/faults-latest.md)"
  rel_driver faults Faults "$budget" || rc=$?
  [ $rc = 124 ] || [ $rc = 137 ] && warn "the run hit its time limit and was stopped"
  rel_cleanup faults
  [ $rc = 0 ] || die "./suite faults found a problem (exit $rc)" "see the verdict in .suite/reports/faults-latest.md and .suite/logs/*-faults.log"
  say "no data lost, no forbidden 500"
}

cmd_load() {
  local minutes=${1:-30} rc=0
  [[ $minutes =~ ^[0-9]+$ ]] && [ "$minutes" -gt 0 ] || die "minutes must be a positive whole number" "./suite load 30"
  rel_prepare load
  trap 'rel_cleanup load' EXIT
  trap 'exit 130' INT TERM
  export "${LOAD_STACK_ENV[@]}"
  export RS_TRACE_SAMPLE_RATIO=${RS_TRACE_SAMPLE_RATIO:-0.1} RS_TRACE_LOG_SPANS=${RS_TRACE_LOG_SPANS:-false}
  say "starting the load stack (ports $(port_of gateway load)-$(port_of webhook load))"
  start_stack load
  say "load for $minutes minutes (report in .suite/reports/load-latest.md)"
  LOAD_DURATION=${minutes}m rel_driver load Load $((minutes * 60 + LOAD_EXTRA_TIME)) || rc=$?
  rel_cleanup load
  [ $rc = 0 ] || die "./suite load found a problem (exit $rc)" "see the verdict in .suite/reports/load-latest.md"
}
