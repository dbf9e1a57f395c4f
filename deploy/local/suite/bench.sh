# shellcheck shell=bash
# Benchmarks: ./suite bench gateway.
# Sourced by ./suite, which defines the shared variables and helpers (say, die, port_of, ...).

redis_round_trips() { # on the benchmark stack's own Redis (the end-to-end one)
  redis-cli -p "$E2E_REDIS_PORT" info commandstats | awk -F'[=,:]' '/^cmdstat_(evalsha|eval)[:]/{s+=$3} END{print s+0}'
}

# The processes whose CPU the gateway benchmark reports: the three services its requests reach, PostgreSQL, Redis
# and Kafka (the outbox relays of writes and searches publish there)
BENCH_SERVICES=(gateway candidate search)
bench_pid() { cat "$PIDS/$1-e2e.pid"; }

# CPU time used so far (clock ticks) by each benchmarked service, PostgreSQL, Redis and Kafka: name=ticks,...
bench_cpu_ticks() {
  local name out=()
  for name in "${BENCH_SERVICES[@]}"; do out+=("$name=$(awk '{print $14 + $15}' "/proc/$(bench_pid "$name")/stat")"); done
  out+=("postgresql=$(bench_sum_ticks "$(pgrep -u postgres -d ' ' postgres || true)")")
  out+=("redis=$(bench_sum_ticks "$(pgrep -d ' ' redis-server || true)")")
  out+=("kafka=$(bench_sum_ticks "$(pgrep -d ' ' -f 'kafka\.Kafka' || true)")")
  local IFS=,; echo "${out[*]}"
}
# CPU ticks used so far by the JIT compiler threads of each benchmarked service: name=ticks,...
bench_compiler_ticks() {
  local name out=() t comm ticks
  for name in "${BENCH_SERVICES[@]}"; do
    ticks=0
    for t in /proc/"$(bench_pid "$name")"/task/*; do
      # a thread may end between the listing and the reading: it is skipped
      { read -r comm < "$t/comm" && [[ $comm == C[12]\ CompilerThre* ]] && ticks=$((ticks + $(awk '{print $14 + $15}' "$t/stat"))); } 2>/dev/null || true
    done
    out+=("$name=$ticks")
  done
  local IFS=,; echo "${out[*]}"
}
bench_sum_ticks() { local p; for p in $1; do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null; done | awk '{s += $1} END {print s + 0}'; }

# CPU ticks by thread name (digits dropped, so a pool's threads add up) of each benchmarked service
bench_thread_ticks() {
  local svc t comm; for svc in "${BENCH_SERVICES[@]}"; do
    # a thread may end between the listing and the reading: it is skipped (one line per thread, read at once)
    for t in /proc/"$(bench_pid "$svc")"/task/*; do
      { read -r comm < "$t/comm" && awk -v n="${comm// /_}" '{print $14 + $15, n}' "$t/stat"; } 2>/dev/null || true
    done | awk -v s="$svc" '{sub(/[0-9-]+$/, "", $2); c[$2] += $1} END {for (n in c) print s, n, c[n]}'
  done
}

# The JIT's own counters of each benchmarked service (jstat -compiler): methods compiled, compilations
# invalidated (deoptimised and thrown away) and compile time (s), as "svc=compiled/invalid/seconds,..."
bench_jit_counters() {
  local svc out=()
  for svc in "${BENCH_SERVICES[@]}"; do
    out+=("$svc=$(jstat -J-XX:TieredStopAtLevel=1 -J-Xshare:auto -compiler "$(bench_pid "$svc")" | awk 'NR == 2 {print $1 "/" $3 "/" $4}')")
  done
  local IFS=,; echo "${out[*]}"
}
# the largest number of methods any service compiled between two readings of bench_jit_counters
bench_jit_new_methods() {
  awk -v a="$1" -v b="$2" 'BEGIN { n = split(a, x, ","); split(b, y, ","); m = 0
    for (i = 1; i <= n; i++) { split(x[i], p, "[=/]"); split(y[i], q, "[=/]"); d = q[2] - p[2]; if (d > m) m = d }
    print m }'
}
# the largest share (per cent) of SECONDS that any service's JIT spent compiling between two readings
bench_jit_busy_percent() { # before after seconds
  awk -v a="$1" -v b="$2" -v s="$3" 'BEGIN { n = split(a, x, ","); split(b, y, ","); m = 0
    for (i = 1; i <= n; i++) { split(x[i], p, "[=/]"); split(y[i], q, "[=/]"); d = 100 * (q[4] - p[4]) / s; if (d > m) m = d }
    printf "%.1f", m }'
}

# Waits (at most BENCH_JIT_WAIT s) until the JIT compiler threads of the services have been idle for 3 s once
# the load has stopped: compilations queued during the warm-up finish before the rounds, not in them
bench_jit_ticks() { bench_thread_ticks | awk '$2 ~ /CompilerThre/ {s += $3} END {print s + 0}'; }
bench_wait_for_jit() {
  local waited=0 limit=${BENCH_JIT_WAIT:-90} before after
  while [ "$waited" -lt "$limit" ]; do
    before=$(bench_jit_ticks); sleep 3; after=$(bench_jit_ticks); waited=$((waited + 3))
    [ $((after - before)) -le 5 ] && break
  done
  say "JIT compiler threads idle after ${waited} s (at most ${limit})"
}

bench_settle_databases() {
  local db; for db in candidates search; do psql_admin -d "$(db_name "$db" e2e)" -c "vacuum analyze" >/dev/null; done
  psql_admin -c checkpoint >/dev/null
  sleep 2
}

# One wrk run of a kind of request on a path: bench_wrk KIND PATH CONNECTIONS SECONDS [--latency]
bench_wrk() {
  local kind=$1 path=$2 connections=$3 seconds=$4; shift 4
  local threads=$((connections < 2 ? 1 : 2)) target auth script=()
  case $kind/$path in
    list/direct) target="$BENCH_CANDIDATE/api/v1/candidates?limit=5" auth=$BENCH_TOKEN_READ;;
    list/gateway) target="$BENCH_GATEWAY/api/v1/candidates?limit=5" auth=$BENCH_KEY;;
    list/bare) target="$BENCH_BARE_URL/api/v1/candidates?limit=5" auth=$BENCH_TOKEN_READ;;
    write/direct) target="$BENCH_CANDIDATE/api/v1/candidates" auth=$BENCH_TOKEN_WRITE;;
    write/gateway) target="$BENCH_GATEWAY/api/v1/candidates" auth=$BENCH_WRITE_KEY;;
    search/direct) target="$BENCH_SEARCH/api/v1/search" auth=$BENCH_TOKEN_SEARCH;;
    search/gateway) target="$BENCH_GATEWAY/api/v1/search" auth=$BENCH_KEY;;
    list/baseline) target="$BENCH_BASELINE_URL/api/v1/candidates?limit=5" auth=$BENCH_KEY;;
    write/baseline) target="$BENCH_BASELINE_URL/api/v1/candidates" auth=$BENCH_WRITE_KEY;;
    search/baseline) target="$BENCH_BASELINE_URL/api/v1/search" auth=$BENCH_KEY;;
  esac
  case $kind in write) script=(-s "$ROOT/deploy/bench/wrk-write.lua");; search) script=(-s "$ROOT/deploy/bench/wrk-search.lua");; esac
  BENCH_RUN="$kind-$path-$(date +%s%N)" wrk -t"$threads" -c"$connections" -d"${seconds}s" "$@" "${script[@]}" \
    -H "Authorization: Bearer $auth" "$target"
}

# Warm-up: every kind of request on both paths in turn (BENCH_WARMUP s each, at 16 connections whatever the
# rounds use: the JIT compiles by invocation counts), cycle after cycle until, in a whole cycle, no service's JIT
# spent more than BENCH_JIT_BUSY per cent of the cycle compiling (jstat's compile time; at least two cycles, at
# most BENCH_WARMUP_CYCLES, and it says so when it gives up), then until the compiler threads are idle. The count
# of methods compiled never reaches zero: code that runs a few times a minute (token signing, metrics, Kafka polls,
# schedulers) reaches the compile thresholds late, a few methods at a time, without costing much
bench_warm_up() {
  local seconds=${BENCH_WARMUP:-5} connections=${BENCH_WARMUP_CONNECTIONS:-16} max=${BENCH_WARMUP_CYCLES:-10}
  local busy_limit=${BENCH_JIT_BUSY:-3} cycle=0 before after new busy kind path settled= t0
  before=$(bench_jit_counters)
  while [ "$cycle" -lt "$max" ]; do
    cycle=$((cycle + 1)); t0=$(date +%s)
    for kind in "${BENCH_KINDS[@]}"; do for path in $(bench_paths "$kind"); do
      bench_wrk "$kind" "$path" "$connections" "$seconds" >/dev/null
    done; done
    after=$(bench_jit_counters); new=$(bench_jit_new_methods "$before" "$after")
    busy=$(bench_jit_busy_percent "$before" "$after" $(( $(date +%s) - t0 )))
    say "warm-up cycle $cycle: at most $new methods compiled and ${busy} % of the cycle compiling in a service ($after)"
    echo "warmup $cycle $before $after" >> "$BENCH_OUT"
    before=$after
    if [ "$cycle" -ge 2 ] && awk -v b="$busy" -v l="$busy_limit" 'BEGIN {exit !(b <= l)}'; then settled=$cycle; break; fi
  done
  if [ -n "$settled" ]; then
    say "JIT settled after $settled warm-up cycles of $(( ${#BENCH_KINDS[@]} * 2 * seconds )) s"
    echo "jit-settled $settled" >> "$BENCH_OUT"
  else
    say "gave up waiting for the JIT after $max warm-up cycles: compilation had not stopped (see the rounds' compiler CPU)"
    echo "jit-gave-up $max" >> "$BENCH_OUT"
  fi
  bench_wait_for_jit
}

# The paths a kind of request is measured on: direct, through the gateway, (BENCH_BARE=1, list only) through a
# bare Vert.x proxy (deploy/bench/BareProxy.java): the floor of any proxy hop on the machine, the gateway's yardstick;
# and (BENCH_BASELINE=DIR) through another build's gateway, to measure a change side by side in the same rounds
bench_paths() {
  local paths="direct gateway"
  if [ "$1" = list ] && [ "${BENCH_BARE:-0}" = 1 ]; then paths+=" bare"; fi
  if [ -n "${BENCH_BASELINE:-}" ]; then paths+=" baseline"; fi
  echo "$paths"
}

bench_bare_start() {
  local port=$(( $(port_of gateway e2e) + 10 ))
  port_open "$port" && die "port $port is taken by another process" "the bare proxy of the benchmark listens there"
  (
    cd "$ROOT/gateway-service/target/quarkus-app"
    local options=() option
    for option in $(jvm_options gateway); do [[ $option == -XX:SharedArchiveFile=* ]] || options+=("$option"); done
    exec nohup java "${options[@]}" -cp 'lib/main/*' "$ROOT/deploy/bench/BareProxy.java" "$port" \
      "$(port_of candidate e2e)" >"$LOGS/bare-e2e.log" 2>&1
  ) &
  echo $! > "$PIDS/bare-e2e.pid"
  local i; for ((i = 0; i < 60; i++)); do port_open "$port" && break; sleep 0.5; done
  port_open "$port" || die "the bare proxy did not start" "see .suite/logs/bare-e2e.log"
  BENCH_BARE_URL="http://127.0.0.1:$port"
  BENCH_SERVICES+=(bare)
}

# BENCH_BASELINE=DIR: a second gateway from another build's gateway-service/target/quarkus-app (e.g. a git worktree
# of the revision before a change, packaged; or this build's own folder with BENCH_BASELINE_ENV), started as the
# stack's gateway is, beside it on ports of its own
bench_baseline_start() {
  local dir=$BENCH_BASELINE port=$(( $(port_of gateway e2e) + 20 )) options=() option i
  [ -f "$dir/quarkus-run.jar" ] || die "BENCH_BASELINE=$dir holds no quarkus-run.jar" "point it at another build's gateway-service/target/quarkus-app"
  port_open "$port" && die "port $port is taken by another process" "the baseline gateway of the benchmark listens there"
  for option in $(jvm_options gateway); do [[ $option == -XX:SharedArchiveFile=* ]] || options+=("$option"); done
  (
    set -a
    # shellcheck disable=SC1090
    source <(service_env gateway e2e)
    set +a
    export QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$((port + 1000)) MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
    # BENCH_BASELINE_ENV="NAME=value ...": configuration of the baseline only (the same build with another setting)
    # shellcheck disable=SC2086
    if [ -n "${BENCH_BASELINE_ENV:-}" ]; then export $BENCH_BASELINE_ENV; fi
    cd "$dir"
    exec nohup java "${options[@]}" -jar quarkus-run.jar >"$LOGS/baseline-e2e.log" 2>&1
  ) &
  echo $! > "$PIDS/baseline-e2e.pid"
  for ((i = 0; i < 90; i++)); do
    health_ready $((port + 1000)) && break
    pid_alive baseline-e2e || die "the baseline gateway exited during start-up" "see .suite/logs/baseline-e2e.log"
    sleep 1
  done
  BENCH_BASELINE_URL="http://127.0.0.1:$port"
  BENCH_SERVICES+=(baseline)
}

bench_gateway() {
  command -v wrk >/dev/null || { say "installing wrk"; apt_install wrk; }
  local rounds=${BENCH_ROUNDS:-3} seconds=${BENCH_SECONDS:-8} connections=${BENCH_CONNECTIONS:-16}
  read -r -a BENCH_KINDS <<< "${BENCH_KINDS:-list search write}"
  ensure_databases e2e fresh
  build
  stop_stack e2e
  e2e_redis_start   # the stack's own Redis, as in the end-to-end run
  say "starting the services with benchmark limits"
  export PLANS_RATE_LIMITS_ORGANIZATION_PER_MINUTE=100000000 PLANS_RATE_LIMITS_SEARCH_PER_MINUTE=100000000 \
         PLANS_RATE_LIMITS_KEY_PER_MINUTE=100000000 PLANS_RATE_LIMITS_KEY_PER_HOUR=100000000
  # tracing as production runs it (deploy/kubernetes/overlays/prod): a tenth of the traces, exported in the
  # background; the local stacks' span logging (every span a log line) is for ./suite trace, not for speed
  export RS_TRACE_SAMPLE_RATIO=${RS_TRACE_SAMPLE_RATIO:-0.1} RS_TRACE_LOG_SPANS=${RS_TRACE_LOG_SPANS:-false}
  start_stack e2e
  local keys="http://127.0.0.1:$(port_of keys e2e)" operator; operator=$(cat "$KEYS/operator-token")
  BENCH_GATEWAY="http://127.0.0.1:$(port_of gateway e2e)" BENCH_CANDIDATE="http://127.0.0.1:$(port_of candidate e2e)"
  BENCH_SEARCH="http://127.0.0.1:$(port_of search e2e)"
  local org write_org now
  org=$(curl -fsS -X POST "$keys/admin/v1/organizations" -H "X-Operator-Token: $operator" \
    -H 'Content-Type: application/json' -d '{"name":"Bench","plan":"enterprise"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
  BENCH_KEY=$(curl -fsS -X POST "$keys/admin/v1/organizations/$org/keys" -H "X-Operator-Token: $operator" \
    -H 'Content-Type: application/json' -d '{"name":"bench","scopes":["candidates:read","search:read"]}' | sed -E 's/.*"key":"([^"]+)".*/\1/')
  # writes go to an organization of their own, so the list rounds keep reading twelve candidates
  write_org=$(curl -fsS -X POST "$keys/admin/v1/organizations" -H "X-Operator-Token: $operator" \
    -H 'Content-Type: application/json' -d '{"name":"Bench writes","plan":"enterprise"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
  BENCH_WRITE_KEY=$(curl -fsS -X POST "$keys/admin/v1/organizations/$write_org/keys" -H "X-Operator-Token: $operator" \
    -H 'Content-Type: application/json' -d '{"name":"bench writes","scopes":["candidates:write"]}' | sed -E 's/.*"key":"([^"]+)".*/\1/')
  now=$(date +%s)
  internal_token() { # org scope
    sign_es256 "$KEYS/internal-signing.pem" "$(printf '{"iss":"recruit-gateway","aud":"recruit-internal","sub":"bench","org":"%s","auth":"api_key","groups":["%s"],"iat":%d,"exp":%d}' "$1" "$2" "$now" $((now + 3600)))"
  }
  BENCH_TOKEN_READ=$(internal_token "$org" candidates:read) BENCH_TOKEN_SEARCH=$(internal_token "$org" search:read)
  BENCH_TOKEN_WRITE=$(internal_token "$write_org" candidates:write)
  # the twelve demo candidates with their CVs in the read organization, and their CVs in the search index
  local seed_token f n=0 indexed=0 waited=0
  seed_token=$(internal_token "$org" candidates:write)
  for f in "$ROOT"/deploy/local/demo-cvs/*.json; do
    curl -fsS -o /dev/null -X POST "$BENCH_CANDIDATE/api/v1/candidates" -H "Authorization: Bearer $seed_token" \
      -H 'Content-Type: application/json' --data-binary "@$f"
    n=$((n + 1))
  done
  until [ "$indexed" -ge "$n" ]; do
    [ "$waited" -lt 120 ] || die "search-service indexed $indexed of the $n benchmark CVs in 120 s"
    sleep 1; waited=$((waited + 1))
    indexed=$({ curl -sS -X POST "$BENCH_SEARCH/api/v1/search" -H "Authorization: Bearer $BENCH_TOKEN_SEARCH" \
      -H 'Content-Type: application/json' -d '{"query":"experience skills","limit":50,"mode":"semantic"}' || true; } \
      | { grep -o '"candidateId"' || true; } | wc -l)
  done
  if [ "${BENCH_BARE:-0}" = 1 ]; then bench_bare_start; fi
  if [ -n "${BENCH_BASELINE:-}" ]; then bench_baseline_start; fi
  BENCH_OUT="$STATE/bench-gateway.txt"; : > "$BENCH_OUT"
  # BENCH_JFR=file.jfr: a Flight Recorder profile of the rounds of the service BENCH_JFR_SERVICE (default candidate;
  # deploy/bench/jfr_profile.py reads it). The recording starts before the warm-up, because starting one deoptimises
  # compiled code and the JIT compiles it all again; only the rounds are written to the file
  local jfr_service=${BENCH_JFR_SERVICE:-candidate} rounds_began
  if [ -n "${BENCH_JFR:-}" ]; then jcmd "$(bench_pid "$jfr_service")" JFR.start name=bench settings=profile >/dev/null; fi
  bench_warm_up
  local i kind path cpu_before compilers_before jit_before calls_before
  rounds_began=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  bench_thread_ticks > "$STATE/bench-threads-before.txt"
  jit_before=$(bench_jit_counters)
  # one kind of request after the other (writes last), its direct and gateway rounds alternating; before each kind
  # the databases are vacuumed and checkpointed, so the writes' aftermath (autovacuum, checkpoints) is not billed
  # to the reads' rounds as PostgreSQL's CPU
  for kind in "${BENCH_KINDS[@]}"; do
    bench_settle_databases
    for ((i = 1; i <= rounds; i++)); do
      say "$kind: round $i of $rounds"
      for path in $(bench_paths "$kind"); do
        calls_before=$(redis_round_trips)
        cpu_before=$(bench_cpu_ticks); compilers_before=$(bench_compiler_ticks)
        bench_wrk "$kind" "$path" "$connections" "$seconds" --latency | sed "s/^/$kind $path $i /" >> "$BENCH_OUT"
        echo "cpu $kind $path $i $cpu_before $(bench_cpu_ticks)" >> "$BENCH_OUT"
        echo "compilers $kind $path $i $compilers_before $(bench_compiler_ticks)" >> "$BENCH_OUT"
        echo "redis $kind $path $i $(( $(redis_round_trips) - calls_before ))" >> "$BENCH_OUT"
      done
    done
  done
  echo "jit-rounds $jit_before $(bench_jit_counters)" >> "$BENCH_OUT"
  if [ -n "${BENCH_JFR:-}" ]; then
    jcmd "$(bench_pid "$jfr_service")" JFR.dump name=bench begin="$rounds_began" filename="$BENCH_JFR" >/dev/null
    jcmd "$(bench_pid "$jfr_service")" JFR.stop name=bench >/dev/null
  fi
  # CPU by thread of the services during the measured rounds (JIT compiler, GC, event loops…)
  bench_thread_ticks > "$STATE/bench-threads-after.txt"
  awk 'NR == FNR {before[$1 " " $2] = $3; next} {d = $3 - before[$1 " " $2]; if (d > 0) printf "%s %6.2f s  %s\n", $1, d / 100, $2}' \
    "$STATE/bench-threads-before.txt" "$STATE/bench-threads-after.txt" | sort -k1,1 -k2,2nr | awk '{n[$1]++} n[$1] <= 8' \
    > "$STATE/bench-gateway-threads.txt"
  # what the gateway answered other than 2xx during the whole run, by route and status (its own metrics)
  curl -fsS "http://127.0.0.1:$(health_port_of gateway e2e)/q/metrics" | grep '^gateway_requests_seconds_count' \
    | grep -v 'status="2' | sed -E 's/.*method="([A-Z]+)".*route="([^"]+)".*status="([0-9]+)"\} ([0-9.]+).*/refused \1 \2 \3 \4/' >> "$BENCH_OUT" || true
  if [ "${BENCH_BARE:-0}" = 1 ]; then stop_pid bare-e2e; fi
  if [ -n "${BENCH_BASELINE:-}" ]; then stop_pid baseline-e2e; fi
  BENCH_SERVICES=(gateway candidate search)
  stop_stack e2e
  e2e_redis_stop
  python3 "$ROOT/deploy/bench/summarize_gateway.py" "$BENCH_OUT" "$STATE/bench-gateway-threads.txt" "$rounds" "$seconds" "$connections"
  # each run's raw rounds are kept: deploy/bench/summarize_gateway.py --compare RUN1 RUN2 sets two runs side by side
  local kept; kept="$STATE/reports/bench-gateway-$(date -u +%Y%m%dT%H%M%SZ).txt"
  mkdir -p "$STATE/reports"; cp "$BENCH_OUT" "$kept"
  say "raw rounds kept in ${kept#"$ROOT"/}"
}

# Start and footprint (issue 20): each service started alone from its packaged jar with the end-to-end stack's
# configuration and databases, as ./suite starts it; the time from launch until /q/health/ready answers UP, the
# start-up time the service logs itself, and its resident memory once ready and after BENCH_IDLE seconds idle.
# Repeated BENCH_STARTS times; medians reported.
bench_start() {
  local starts=${BENCH_STARTS:-3} idle=${BENCH_IDLE:-20} svc i
  ensure_databases e2e
  build
  stop_stack e2e
  e2e_redis_start
  local report="$STATE/reports/start-footprint-$(date -u +%Y%m%dT%H%M%SZ).tsv"
  mkdir -p "$STATE/reports"
  printf 'service\trun\tready_ms\tlogged_start_s\trss_ready_mb\trss_idle_mb\tcpu_ready_s\tjit_cpu_ready_s\n' > "$report"
  local services; read -r -a services <<< "${BENCH_START_SERVICES:-${SERVICES[*]}}"
  for svc in "${services[@]}"; do
    for ((i = 1; i <= starts; i++)); do
      local t0 t1 pid port logged rss_ready rss_idle cpu_ready jit_ready
      port=$(health_port_of "$svc" e2e)
      # the clock in microseconds, read and the service polled without starting a process: the poll shares two
      # cores with the start it measures (docs/performance.md, "Start and footprint")
      t0=${EPOCHREALTIME/./}
      start_service "$svc" e2e
      pid=$(cat "$PIDS/$svc-e2e.pid")
      until health_ready "$port"; do
        kill -0 "$pid" 2>/dev/null || die "$svc-service exited during start-up" "see .suite/logs/$svc-e2e.log"
        (( ${EPOCHREALTIME/./} - t0 < 180000000 )) || die "$svc-service was not ready after 180 s"
        nap 0.05
      done
      t1=${EPOCHREALTIME/./}
      rss_ready=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
      # CPU spent until ready, and the JIT compiler threads' share of it
      cpu_ready=$(awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$pid/stat")
      jit_ready=$(for t in /proc/"$pid"/task/*; do if grep -q CompilerThre "$t/comm"; then awk '{print $14 + $15}' "$t/stat"; fi; done | awk '{s += $1} END {printf "%.2f", s / 100}')
      sleep "$idle"
      rss_idle=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
      logged=$(grep -o 'started in [0-9.]*s' "$LOGS/$svc-e2e.log" | tail -n 1 | grep -o '[0-9.]*' || echo "")
      printf '%s\t%d\t%d\t%s\t%s\t%s\t%s\t%s\n' "$svc" "$i" $(( (t1 - t0) / 1000 )) "${logged:-?}" "$rss_ready" "$rss_idle" \
        "$cpu_ready" "$jit_ready" >> "$report"
      stop_pid "$svc-e2e"
    done
  done
  e2e_redis_stop
  say "start and footprint, medians of $starts starts (each service alone; $report)"
  awk -F'\t' 'NR > 1 {k = $1; n[k]++; r[k, n[k]] = $3; l[k, n[k]] = $4; a[k, n[k]] = $5; b[k, n[k]] = $6; c[k, n[k]] = $7; j[k, n[k]] = $8; if (!(k in seen)) {seen[k] = 1; order[++m] = k}}
    function med(arr, k, c,   i, j, t, v) { for (i = 1; i <= c; i++) v[i] = arr[k, i] + 0; for (i = 1; i <= c; i++) for (j = i + 1; j <= c; j++) if (v[j] < v[i]) {t = v[i]; v[i] = v[j]; v[j] = t}; return v[int((c + 1) / 2)] }
    END { printf "%-10s %12s %14s %12s %12s %12s %12s\n", "service", "ready (ms)", "logged (s)", "RSS ready", "RSS idle", "CPU (s)", "JIT CPU (s)";
          for (i = 1; i <= m; i++) { k = order[i]; printf "%-10s %12d %14.3f %9d MB %9d MB %12.2f %12.2f\n", k, med(r, k, n[k]), med(l, k, n[k]), med(a, k, n[k]), med(b, k, n[k]), med(c, k, n[k]), med(j, k, n[k]) } }' "$report"
}

cmd_bench() {
  case ${1:-} in
    gateway) shift; bench_gateway "$@";;
    start) shift; bench_start "$@";;
    *) die "which benchmark?" "./suite bench gateway | start";;
  esac
}
