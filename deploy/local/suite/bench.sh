# shellcheck shell=bash
# Benchmarks: ./suite bench gateway.
# Sourced by ./suite, which defines the shared variables and helpers (say, die, port_of, ...).

redis_round_trips() { # on the benchmark stack's own Redis (the end-to-end one)
  redis-cli -p "$E2E_REDIS_PORT" info commandstats | awk -F'[=,:]' '/^cmdstat_(evalsha|eval)[:]/{s+=$3} END{print s+0}'
}

# CPU time used so far (clock ticks) by the gateway, the candidate-service, PostgreSQL and Redis: name=ticks,...
bench_cpu_ticks() {
  local name pids out=()
  for name in gateway candidate; do out+=("$name=$(awk '{print $14 + $15}' "/proc/$(cat "$PIDS/$name-e2e.pid")/stat")"); done
  pids=$(pgrep -u postgres -d ' ' postgres || true)
  out+=("postgresql=$(for p in $pids; do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null; done | awk '{s += $1} END {print s + 0}')")
  out+=("redis=$(for p in $(pgrep -d ' ' redis-server); do awk '{print $14 + $15}' "/proc/$p/stat"; done | awk '{s += $1} END {print s + 0}')")
  local IFS=,; echo "${out[*]}"
}

# CPU ticks by thread name (digits dropped, so a pool's threads add up) of the gateway and the candidate-service
bench_thread_ticks() {
  local svc t; for svc in gateway candidate; do
    for t in /proc/"$(cat "$PIDS/$svc-e2e.pid")"/task/*; do
      printf '%s %s\n' "$(awk '{print $14 + $15}' "$t/stat")" "$(tr ' ' '_' < "$t/comm")"
    done | awk -v s="$svc" '{sub(/[0-9-]+$/, "", $2); c[$2] += $1} END {for (n in c) print s, n, c[n]}'
  done
}

# Waits (at most BENCH_JIT_WAIT s) until the JIT compilers of the gateway and the candidate-service
# have been idle for 3 s: on two busy cores, C2 falls behind during the warm-up, and compiling during
# a round takes CPU from whichever path that round measures
bench_jit_ticks() { bench_thread_ticks | awk '$2 ~ /CompilerThre/ {s += $3} END {print s + 0}'; }
bench_wait_for_jit() {
  local waited=0 limit=${BENCH_JIT_WAIT:-90} before after
  while [ "$waited" -lt "$limit" ]; do
    before=$(bench_jit_ticks); sleep 3; after=$(bench_jit_ticks); waited=$((waited + 3))
    [ $((after - before)) -le 5 ] && break
  done
  say "JIT compilers settled after ${waited} s (at most ${limit})"
}

bench_gateway() {
  command -v wrk >/dev/null || { say "installing wrk"; apt_install wrk; }
  local rounds=${BENCH_ROUNDS:-3} seconds=${BENCH_SECONDS:-8} connections=${BENCH_CONNECTIONS:-16}
  local threads=$((connections < 2 ? 1 : 2))
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
  local keys="http://127.0.0.1:$(port_of keys e2e)" gw="http://127.0.0.1:$(port_of gateway e2e)"
  local direct="http://127.0.0.1:$(port_of candidate e2e)"
  local org key token now
  org=$(curl -fsS -X POST "$keys/admin/v1/organizations" -H "X-Operator-Token: $(cat "$KEYS/operator-token")" \
    -H 'Content-Type: application/json' -d '{"name":"Bench","plan":"enterprise"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
  key=$(curl -fsS -X POST "$keys/admin/v1/organizations/$org/keys" -H "X-Operator-Token: $(cat "$KEYS/operator-token")" \
    -H 'Content-Type: application/json' -d '{"name":"bench","scopes":["candidates:read","candidates:write"]}' | sed -E 's/.*"key":"([^"]+)".*/\1/')
  now=$(date +%s)
  token=$(sign_es256 "$KEYS/internal-signing.pem" "$(printf '{"iss":"recruit-gateway","aud":"recruit-internal","sub":"bench","org":"%s","auth":"api_key","groups":["candidates:read"],"iat":%d,"exp":%d}' "$org" "$now" $((now + 3600)))")
  local f; for f in "$ROOT"/deploy/local/demo-cvs/*.json; do
    curl -fsS -o /dev/null -X POST "$gw/api/v1/candidates" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' --data-binary "@$f"
  done
  local path="/api/v1/candidates?limit=5"
  # warm-up long enough for the JIT compilers to finish with the hot paths: with a few seconds, C1/C2
  # compilation took more CPU than the gateway's event loop and the rounds measured start-up
  # The JIT compiles by invocation counts, so the warm-up runs at 16 connections whatever the rounds use:
  # one connection would get a few thousand requests through and leave the rounds measuring the compilers
  local warmup=${BENCH_WARMUP:-20} warm_connections=${BENCH_WARMUP_CONNECTIONS:-16} w
  say "warming up (${warmup} s per path at ${warm_connections} connections, twice)"
  for w in 1 2; do
    wrk -t2 -c"$warm_connections" -d"${warmup}s" -H "Authorization: Bearer $token" "$direct$path" >/dev/null
    wrk -t2 -c"$warm_connections" -d"${warmup}s" -H "Authorization: Bearer $key" "$gw$path" >/dev/null
  done
  local out="$STATE/bench-gateway.txt"; : > "$out"
  local i calls_before calls_after gw_requests=0
  # BENCH_JFR=file.jfr: a Flight Recorder profile of the gateway during the rounds (jfr print to read it)
  if [ -n "${BENCH_JFR:-}" ]; then jcmd "$(cat "$PIDS/gateway-e2e.pid")" JFR.start name=bench settings=profile filename="$BENCH_JFR" >/dev/null; fi
  bench_wait_for_jit
  bench_thread_ticks > "$STATE/bench-threads-before.txt"
  for ((i = 1; i <= rounds; i++)); do
    say "round $i of $rounds"
    cpu_before=$(bench_cpu_ticks)
    wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -H "Authorization: Bearer $token" "$direct$path" | sed "s/^/direct $i /" >> "$out"
    echo "cpu direct $i $cpu_before $(bench_cpu_ticks)" >> "$out"
    # round trips: EVALSHA/EVAL calls (commands inside the script are counted under their own names)
    calls_before=$(redis_round_trips)
    cpu_before=$(bench_cpu_ticks)
    wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -H "Authorization: Bearer $key" "$gw$path" | sed "s/^/gateway $i /" >> "$out"
    echo "cpu gateway $i $cpu_before $(bench_cpu_ticks)" >> "$out"
    calls_after=$(redis_round_trips)
    echo "redis $i $((calls_after - calls_before))" >> "$out"
  done
  if [ -n "${BENCH_JFR:-}" ]; then jcmd "$(cat "$PIDS/gateway-e2e.pid")" JFR.stop name=bench >/dev/null; fi
  # CPU by thread of the gateway and the candidate-service during the measured rounds (JIT compiler, GC, event loops…)
  bench_thread_ticks > "$STATE/bench-threads-after.txt"
  awk 'NR == FNR {before[$1 " " $2] = $3; next} {d = $3 - before[$1 " " $2]; if (d > 0) printf "%s %6.2f s  %s\n", $1, d / 100, $2}' \
    "$STATE/bench-threads-before.txt" "$STATE/bench-threads-after.txt" | sort -k1,1 -k2,2nr | awk '{n[$1]++} n[$1] <= 8' \
    > "$STATE/bench-gateway-threads.txt"
  stop_stack e2e
  e2e_redis_stop
  python3 "$ROOT/deploy/bench/summarize_gateway.py" "$out" "$rounds" "$seconds" "$connections"
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
  printf 'service\trun\tready_ms\tlogged_start_s\trss_ready_mb\trss_idle_mb\n' > "$report"
  for svc in "${SERVICES[@]}"; do
    for ((i = 1; i <= starts; i++)); do
      local t0 t1 pid port logged rss_ready rss_idle
      port=$(health_port_of "$svc" e2e)
      t0=$(date +%s%N)
      start_service "$svc" e2e
      pid=$(cat "$PIDS/$svc-e2e.pid")
      until curl -fsS "http://127.0.0.1:$port/q/health/ready" 2>/dev/null | grep -q '"UP"'; do
        kill -0 "$pid" 2>/dev/null || die "$svc-service exited during start-up" "see .suite/logs/$svc-e2e.log"
        [ $(( ($(date +%s%N) - t0) / 1000000000 )) -lt 180 ] || die "$svc-service was not ready after 180 s"
        sleep 0.05
      done
      t1=$(date +%s%N)
      rss_ready=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
      sleep "$idle"
      rss_idle=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
      logged=$(grep -o 'started in [0-9.]*s' "$LOGS/$svc-e2e.log" | tail -n 1 | grep -o '[0-9.]*' || echo "")
      printf '%s\t%d\t%d\t%s\t%s\t%s\n' "$svc" "$i" $(( (t1 - t0) / 1000000 )) "${logged:-?}" "$rss_ready" "$rss_idle" >> "$report"
      stop_pid "$svc-e2e"
    done
  done
  e2e_redis_stop
  say "start and footprint, medians of $starts starts (each service alone; $report)"
  awk -F'\t' 'NR > 1 {k = $1; n[k]++; r[k, n[k]] = $3; l[k, n[k]] = $4; a[k, n[k]] = $5; b[k, n[k]] = $6; if (!(k in seen)) {seen[k] = 1; order[++m] = k}}
    function med(arr, k, c,   i, j, t, v) { for (i = 1; i <= c; i++) v[i] = arr[k, i] + 0; for (i = 1; i <= c; i++) for (j = i + 1; j <= c; j++) if (v[j] < v[i]) {t = v[i]; v[i] = v[j]; v[j] = t}; return v[int((c + 1) / 2)] }
    END { printf "%-10s %12s %14s %12s %12s\n", "service", "ready (ms)", "logged (s)", "RSS ready", "RSS idle";
          for (i = 1; i <= m; i++) { k = order[i]; printf "%-10s %12d %14.3f %9d MB %9d MB\n", k, med(r, k, n[k]), med(l, k, n[k]), med(a, k, n[k]), med(b, k, n[k]) } }' "$report"
}

cmd_bench() {
  case ${1:-} in
    gateway) shift; bench_gateway "$@";;
    start) shift; bench_start "$@";;
    *) die "which benchmark?" "./suite bench gateway | start";;
  esac
}
