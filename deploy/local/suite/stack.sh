# shellcheck shell=bash
# Stack supervision: build, start, stop and watch the five services; the demo organization; up/down/status/logs.
# Sourced by ./suite, which defines the shared variables and helpers (say, die, port_of, ...).

# ---------------------------------------------------------------- build and run the services
module_of() { case $1 in keys|candidate|search|webhook|gateway|console) echo "$1-service";; *) die "unknown service '$1'" "one of: ${SERVICES[*]}";; esac; }
port_of() { # svc env
  local base; case $1 in gateway) base=0;; keys) base=1;; candidate) base=2;; search) base=3;; webhook) base=4;; esac
  case $2 in
    e2e)    echo $((18080 + base));;
    faults) echo $((18180 + base));;
    load)   echo $((18280 + base));;
    *)      echo $((8080 + base));;
  esac
}

# where a service answers /q/* (health, metrics): the gateway, the public door, on a management port of its own
health_port_of() { # svc env
  local port; port=$(port_of "$1" "$2")
  if [ "$1" = gateway ]; then echo $((port + 1000)); else echo "$port"; fi
}

needs_build() {
  local svc jar
  for svc in "${SERVICES[@]}" console; do
    jar="$ROOT/$(module_of "$svc")/target/quarkus-app/quarkus-run.jar"
    [ -f "$jar" ] || return 0
    [ -z "$(find "$ROOT/$(module_of "$svc")/src/main" "$ROOT/$(module_of "$svc")/pom.xml" "$ROOT/suite-common/src/main" "$ROOT/pom.xml" -newer "$jar" -print -quit)" ] || return 0
  done
  return 1
}

build() {
  if [ -n "${SUITE_SKIP_BUILD:-}" ]; then return; fi
  if needs_build; then
    # install, not package: the end-to-end run builds gateway-service alone and resolves suite-common from the local repository
    say "building the services (./mvnw install -DskipTests)"
    "$ROOT/mvnw" -B -q install -DskipTests >"$LOGS/build.log" 2>&1 || die "the build failed" "see .suite/logs/build.log"
  fi
}

service_env() { # svc env -> prints env assignments for that service
  local svc=$1 env=$2
  echo "QUARKUS_HTTP_PORT=$(port_of "$svc" "$env")"
  echo "QUARKUS_HTTP_HOST=127.0.0.1"
  [ "$svc" = gateway ] && echo "QUARKUS_MANAGEMENT_PORT=$(health_port_of gateway "$env")"
  echo "RS_KEYS_DIR=$KEYS"
  if is_rel_env "$env"; then echo "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$REL_KAFKA_PORT"; else echo "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT"; fi
  echo "RS_INSTANCE=$env"
  if [ "$env" = e2e ]; then
    echo "RS_TOPIC_PREFIX=$E2E_TOPIC_PREFIX"
    case $svc in gateway|search) echo "QUARKUS_REDIS_HOSTS=redis://127.0.0.1:$E2E_REDIS_PORT";; esac
    # every end-to-end client comes from 127.0.0.1: a short window lets the unknown-keys test end without
    # refusing the new keys of the tests after it for a whole minute
    [ "$svc" = gateway ] && echo "GATEWAY_KEY_CACHE_FAILED_ATTEMPTS_WINDOW=10s"
  fi
  echo "RS_TRACE_LOG_SPANS=${RS_TRACE_LOG_SPANS:-true}"
  echo "RS_TRACE_EXPORT_DELAY=1s"
  echo "RS_TRACE_SAMPLE_RATIO=${RS_TRACE_SAMPLE_RATIO:-1.0}"
  case $svc in
    keys)      echo "RS_DB_NAME=$(db_name keys "$env")";;
    candidate) echo "RS_DB_NAME=$(db_name candidates "$env")";;
    search)    echo "RS_DB_NAME=$(db_name search "$env")"
               # the CV text comes from the same stack's candidate-service (docs/search.md)
               echo "RS_CANDIDATE_SERVICE_URL=http://127.0.0.1:$(port_of candidate "$env")";;
    webhook)   echo "RS_DB_NAME=$(db_name webhooks "$env")"
               echo "RS_WEBHOOKS_ALLOW_HTTP=true"
               echo "RS_WEBHOOKS_ALLOWED_HOSTS=127.0.0.1,::1,localhost";;
    gateway)   local s; for s in keys candidate search webhook; do
                 echo "RS_UPSTREAM_$(echo "$s" | tr a-z A-Z)=http://127.0.0.1:$(port_of "$s" "$env")"
               done;;
  esac
  if is_rel_env "$env"; then # the reliability runs' own PostgreSQL cluster and Redis
    local db; case $svc in keys) db=keys;; candidate) db=candidates;; search) db=search;; webhook) db=webhooks;; *) db=;; esac
    if [ -n "$db" ]; then
      echo "QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://$PG_HOST:$REL_PG_PORT/$(db_name "$db" "$env")"
      echo "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://$PG_HOST:$REL_PG_PORT/$(db_name "$db" "$env")"
      # five JVMs start at once on two cores: Flyway's first connection may wait longer than the 5 s default
      echo "QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT=${REL_DB_ACQUISITION_TIMEOUT:-60S}"
    fi
    case $svc in gateway|search) echo "QUARKUS_REDIS_HOSTS=redis://127.0.0.1:$REL_REDIS_PORT";; esac
  fi
}

# JIT compilation thresholds ten times the JVM's defaults: with the defaults, compiling start-up code that runs a few
# hundred times and never again took half of a service's CPU until ready (4-5 of 9-10 s on two cores); request paths
# reach these counts within seconds of traffic. Not for the gateway: every request crosses it, its lukewarm code then
# kept C2 busy for minutes of traffic, and it starts in about 4 s anyway (docs/performance.md, "Start and footprint").
# Not for search-service either: its per-CV indexing code then stayed out of C2 for tens of minutes (ingestion 76 % of
# the model's raw throughput against 83 % with the defaults, docs/performance.md, "Search"); its start target is 5 s
JIT_THRESHOLDS="-XX:Tier3InvocationThreshold=2000 -XX:Tier3MinInvocationThreshold=1000 -XX:Tier3CompileThreshold=20000 \
-XX:Tier4InvocationThreshold=50000 -XX:Tier4CompileThreshold=60000"

# The JVM options of a local service (RS_JVM_OPTIONS adds to them, e.g. a Flight Recorder for ./suite bench):
# a bounded heap (search-service holds its model) that starts small and grows with the live set (the JVM's default
# initial heap is 1/64 of the machine's memory, the whole 384 MB on 24 GB, which a service touches once and keeps
# resident), serial GC (one or two cores per service, no pause target), the JIT thresholds above, and the class-data
# archive the build made of the classes the service loads while starting (RS_APPCDS=false: without), and the JVM's
# performance counters sampled once a second instead of every 50 ms: that sampling was 3-4 ms/s of CPU in every
# idle service, a third of an idle keys- or candidate-service (jstat still reads the counters; docs/performance.md, "Idle")
jvm_options() { # svc
  local heap=384m archive="$ROOT/$(module_of "$1")/target/quarkus-app/app-cds.jsa"; [ "$1" = search ] && heap=768m
  local jit=$JIT_THRESHOLDS; case $1 in gateway|search) jit=;; esac
  # keys-service and webhook-service serve few requests of their own (key look-ups the gateway has not cached,
  # deliveries): a young generation of 8 MB instead of a third of the heap keeps them under 200 MB resident when idle
  # (about 6 MB less; docs/performance.md, "Start and footprint")
  # search-service, compiling more with the default thresholds, keeps under 450 MB with a young generation of 12 MB
  # the gateway, crossed by every request, gets 64 MB: with the third of a 32 MB start heap it collected about twenty
  # times a second under load, and its CPU per forwarded request fell by a fifth with 64 MB (docs/performance.md,
  # "Gateway overhead"); it still idles at about 185 MB, its start-up never filling the space
  # candidate-service, behind most requests, gets 24 MB: fewer collections while it starts (2.72 -> 2.56 s ready) and
  # under load, for about 10 MB more resident when idle (193 MB)
  local young=; case $1 in keys|webhook) young=-Xmn8m;; search) young=-Xmn12m;; gateway) young=-Xmn64m;; candidate) young=-Xmn24m;; esac
  local options="-Xms32m -Xmx$heap $young -XX:+UseSerialGC -XX:PerfDataSamplingInterval=1000 $jit"
  if [ "${RS_APPCDS:-true}" = true ] && [ -f "$archive" ]; then options+=" -XX:SharedArchiveFile=$archive"; fi
  echo "$options ${RS_JVM_OPTIONS:-}"
}

start_service() { # svc env
  local svc=$1 env=$2 name="$1-$2"
  if pid_alive "$name"; then return; fi
  local port; port=$(port_of "$svc" "$env")
  port_open "$port" && die "port $port is taken by another process" "stop it, or run ./suite down"
  local options; read -r -a options <<< "$(jvm_options "$svc")"
  (
    set -a
    # shellcheck disable=SC1090
    source <(service_env "$svc" "$env")
    set +a
    # two malloc arenas, not eight per core: native allocations of many threads (compilers, Netty, the model) would
    # otherwise keep tens of MB of half-empty arenas resident
    export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
    # from the application's own folder: the class-data archive names its class path relative to it
    cd "$ROOT/$(module_of "$svc")/target/quarkus-app"
    exec nohup java "${options[@]}" -jar quarkus-run.jar >"$LOGS/$name.log" 2>&1
  ) &
  echo $! > "$PIDS/$name.pid"
  disown $! 2>/dev/null || true   # stopped by pid file; no job notices when ./suite faults kills one
}

wait_ready() { # svc env seconds
  local svc=$1 env=$2 port; port=$(health_port_of "$1" "$2")
  local i
  for ((i = 0; i < $3; i++)); do
    if health_ready "$port"; then return 0; fi
    pid_alive "$svc-$env" || die "$svc-service exited during start-up" "see .suite/logs/$svc-$env.log"
    sleep 1
  done
  die "$svc-service was not ready after $3 s" "see .suite/logs/$svc-$env.log"
}

start_stack() { # env
  local env=$1 svc
  for svc in "${SERVICES[@]}"; do start_service "$svc" "$env"; done
  for svc in "${SERVICES[@]}"; do wait_ready "$svc" "$env" 180; done
}

stop_pid() { # name
  local f="$PIDS/$1.pid"
  [ -f "$f" ] || return 0
  local pid; pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

stop_stack() { local env=$1 svc; for svc in gateway "${SERVICES[@]}"; do stop_pid "$svc-$env"; done; }

# ---------------------------------------------------------------- demo organization
operator() { # method path [json]
  curl -fsS -X "$1" "http://127.0.0.1:$(port_of keys local)$2" -H "X-Operator-Token: $(cat "$KEYS/operator-token")" \
    -H 'Content-Type: application/json' ${3:+-d "$3"}
}

seed_demo() {
  local gw="http://127.0.0.1:$(port_of gateway local)"
  local state="$STATE/demo.env"
  if [ -f "$state" ]; then
    # shellcheck disable=SC1090
    source "$state"
    if curl -fsS -o /dev/null "$gw/api/v1/candidates?limit=1" -H "Authorization: Bearer ${DEMO_KEY:-none}" 2>/dev/null; then
      print_demo "$DEMO_KEY"; return
    fi
  fi
  say "creating the demo organization with a dozen sample CVs and a job with its hiring workflow"
  local org key
  org=$(operator POST /admin/v1/organizations '{"name":"Demo Recruiting","plan":"enterprise"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
  key=$(operator POST "/admin/v1/organizations/$org/keys" \
    '{"name":"demo key","scopes":["candidates:read","candidates:write","search:read","jobs:read","jobs:write","pipeline:read","pipeline:write","applications:read","applications:write","webhooks:read","webhooks:write","interviews:read","interviews:write","assessments:read","assessments:write","tasks:read","tasks:write","meetings:read","meetings:write","prospects:read","prospects:write","reports:read","agents:read","agents:write","campaigns:read","campaigns:write","events:read"]}' \
    | sed -E 's/.*"key":"([^"]+)".*/\1/')
  local f created first=""
  for f in "$ROOT"/deploy/local/demo-cvs/*.json; do
    # a service still warming up may answer 503 with Retry-After: curl waits that long and retries
    created=$(curl -fsS --retry 4 -X POST "$gw/api/v1/candidates" -H "Authorization: Bearer $key" \
      -H 'Content-Type: application/json' --data-binary "@$f") || die "could not create the demo candidate from $f" "see .suite/logs/gateway-local.log"
    [ -n "$first" ] || first=$(first_id "$created")
  done
  # the rest is a showcase: if a step fails the demo organization still has its candidates and the key is printed
  seed_workflow "$gw" "$key" "$first" || warn "the demo job's hiring workflow could not be created completely (see .suite/logs/gateway-local.log); the candidates are there"
  printf 'DEMO_ORG=%s\nDEMO_KEY=%s\n' "$org" "$key" > "$state"; chmod 600 "$state"
  say "waiting for the CVs to be indexed"
  local n=0
  for _ in $(seq 1 60); do
    n=$(curl -sS -X POST "$gw/api/v1/search" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
      -d '{"query":"nurse","limit":50}' | grep -o '"total":[0-9]*' | cut -d: -f2 || true)
    [ "${n:-0}" -ge 12 ] && break
    # at most 20 searches a minute, so the demo organization keeps most of its 30 a minute for the newcomer
    sleep 3
  done
  [ "${n:-0}" -ge 12 ] || say "the search-service is still indexing (events of earlier runs on this broker come first); the demo CVs follow shortly"
  print_demo "$key"
}

# the id of the resource in a response ({"data": {"id": …, …}}: the first id in it)
first_id() { printf '%s' "$1" | grep -o '"id":"[^"]*"' | head -n 1 | cut -d'"' -f4 || true; }

demo_create() { # gateway key path json: POSTs with the demo key, prints the new resource's id
  local out id
  out=$(curl -fsS --retry 4 -X POST "$1$3" -H "Authorization: Bearer $2" -H 'Content-Type: application/json' -d "$4") || return 1
  id=$(first_id "$out")
  [ -n "$id" ] || return 1
  printf '%s' "$id"
}

# The hiring workflow around one job, through the public API like the rest of the demo data: a campaign whose pipeline
# template the job starts from, the first demo candidate (a nurse) applying, a video interview in two days with a
# scorecard, a task about the application, and a sourced prospect who has not applied.
seed_workflow() { # gateway key candidateId
  local gw=$1 key=$2 cand=$3 day cmp job app itv
  [ -n "$cand" ] || return 1
  day=$(date -u -d '+2 days' +%Y-%m-%d) || return 1
  cmp=$(demo_create "$gw" "$key" /api/v1/campaigns '{"name":"Ward staffing","status":"active",
    "pipelineTemplate":["Applied",{"name":"Phone screen","type":"screen"},"Interview","Offer","Hired"]}') || return 1
  job=$(demo_create "$gw" "$key" /api/v1/jobs '{"title":"Ward Nurse","status":"published","department":"Surgery",
    "employmentType":"full-time","remote":"onsite","openings":2,
    "salary":{"min":34000,"max":42000,"currency":"GBP","period":"year"},"campaignId":"'"$cmp"'"}') || return 1
  app=$(demo_create "$gw" "$key" /api/v1/applications '{"candidateId":"'"$cand"'","jobId":"'"$job"'"}') || return 1
  itv=$(demo_create "$gw" "$key" /api/v1/interviews '{"applicationId":"'"$app"'","kind":"video",
    "startsAt":"'"$day"'T10:00:00Z","durationMinutes":45,
    "interviewers":["recruiter@demo.example","ward.manager@demo.example"],"videoUrl":"https://meet.example.com/ward-nurse"}') || return 1
  demo_create "$gw" "$key" "/api/v1/interviews/$itv/scorecards" '{"interviewer":"ward.manager@demo.example",
    "recommendation":"yes","ratings":{"clinical skills":4,"communication":3},
    "notes":"Calm under pressure; clear patient handovers."}' >/dev/null || return 1
  demo_create "$gw" "$key" /api/v1/tasks '{"title":"Check the nursing registration","dueAt":"'"$day"'T17:00:00Z",
    "assignee":"recruiter@demo.example","applicationId":"'"$app"'"}' >/dev/null || return 1
  demo_create "$gw" "$key" /api/v1/prospects '{"firstName":"Grace","lastName":"Adeyemi","email":"grace.adeyemi@example.com",
    "source":"referral","tags":["nursing"]}' >/dev/null || return 1
}

print_demo() {
  local gw="http://127.0.0.1:$(port_of gateway local)" workflow=""
  # a demo organization made before the hiring workflow was seeded has a key without its scopes: no hint then
  if curl -fsS -o /dev/null "$gw/api/v1/interviews?limit=1" -H "Authorization: Bearer $1" 2>/dev/null; then
    workflow="
The demo job's hiring workflow (campaign, interview, scorecard, task, prospect; docs/hiring.md):

  curl -s \"$gw/api/v1/interviews?limit=5\" -H \"Authorization: Bearer $1\"
"
  fi
  cat <<EOF

Recruit Suite is up. Gateway: $gw  (API docs: $gw/api/v1/docs/)
Demo organization key (shown only here; it is stored in .suite/demo.env):

  $1

Try a semantic search:

  curl -s -X POST $gw/api/v1/search \\
    -H "Authorization: Bearer $1" \\
    -H "Content-Type: application/json" \\
    -d '{"query": "someone who can look after patients in a hospital ward", "limit": 5}'
$workflow
EOF
}

# ---------------------------------------------------------------- commands
cmd_up() {
  infra
  ensure_databases local
  build
  # the provider starts first: it takes the longest, and the console reads its metadata when it starts
  keycloak_start local
  say "starting the services"
  start_stack local
  keycloak_wait local 240
  console_start local
  seed_demo
  console_wait local 120
  # shellcheck disable=SC1090
  add_console_members local "$(source "$STATE/demo.env"; echo "$DEMO_ORG")"
  print_console local
}

cmd_down() {
  console_stop local
  console_stop e2e
  stop_stack local
  stop_stack e2e
  e2e_redis_stop
  if pid_alive gateway-faults || pid_alive gateway-load || pid_alive kafka-rel || [ -f "$PIDS/redis-rel.pid" ]; then
    rel_cleanup faults; rel_cleanup load   # what an interrupted ./suite faults or load left behind
  fi
  stop_pid kafka
  if [ -f "$PIDS/redis.pid" ]; then redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true; rm -f "$PIDS/redis.pid"; fi
  say "stopped what ./suite started (PostgreSQL, and a Redis that was already running, are left alone)"
}

cmd_status() {
  local svc env
  printf '%-28s %-6s %s\n' COMPONENT STATE WHERE
  printf '%-28s %-6s %s\n' postgresql "$(as_postgres pg_isready -q -h $PG_HOST -p $PG_PORT 2>/dev/null && echo up || echo down)" "$PG_HOST:$PG_PORT"
  printf '%-28s %-6s %s\n' redis "$(redis-cli -p $REDIS_PORT ping >/dev/null 2>&1 && echo up || echo down)" "127.0.0.1:$REDIS_PORT"
  printf '%-28s %-6s %s\n' kafka "$(port_open $KAFKA_PORT && echo up || echo down)" "127.0.0.1:$KAFKA_PORT"
  for env in local e2e; do
    pid_alive "keycloak-$env" || [ $env = local ] || continue
    printf '%-28s %-6s %s\n' "keycloak ($env)" "$(curl -fsS -o /dev/null "$(keycloak_issuer "$env")/.well-known/openid-configuration" 2>/dev/null && echo up || echo down)" "$(keycloak_issuer "$env")"
    printf '%-28s %-6s %s\n' "console-service ($env)" "$(health_ready "$(console_port "$env")" && echo up || echo down)" "$(console_url "$env")"
  done
  for env in local e2e faults load; do
    for svc in "${SERVICES[@]}"; do
      pid_alive "$svc-$env" || [ $env = local ] || continue
      local state=down port; port=$(port_of "$svc" "$env")
      health_ready "$(health_port_of "$svc" "$env")" && state=up
      printf '%-28s %-6s %s\n' "$(module_of "$svc") ($env)" "$state" "http://127.0.0.1:$port"
    done
  done
}

cmd_logs() {
  local svc=${1:-}
  [ -n "$svc" ] || die "which service?" "./suite logs gateway|keys|candidate|search|webhook|console|keycloak|kafka"
  local f="$LOGS/$svc-local.log"; [ "$svc" = kafka ] && f="$LOGS/kafka.log"
  [ -f "$f" ] || die "no log at $f" "start the stack with ./suite up"
  tail -n 200 -f "$f"
}


# signs a JWT with the project's own Java code (suite-common's TokenMint, smallrye-jwt-build), compiled on first use
sign_es256() { # private-key-file claims-json -> compact JWT
  local cp_file="$STATE/suite-common.classpath"
  if [ ! -d "$ROOT/suite-common/target/classes/io" ] || [ ! -s "$cp_file" ] || [ "$ROOT/suite-common/pom.xml" -nt "$cp_file" ]; then
    "$ROOT/mvnw" -B -q -pl suite-common compile dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime \
      >"$LOGS/token-build.log" 2>&1 || die "could not build the token signer" "see .suite/logs/token-build.log"
  fi
  java -cp "$ROOT/suite-common/target/classes:$(cat "$cp_file")" io.recruitsuite.common.security.TokenMint "$1" "$2" 2>>"$LOGS/token-build.log" \
    || die "signing a token failed" "see .suite/logs/token-build.log"
}
