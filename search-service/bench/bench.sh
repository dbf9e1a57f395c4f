#!/usr/bin/env bash
# Search benchmark: ingestion throughput beside the model's raw embedding throughput, and search
# latency p50/p95 with 10,000 and 100,000 CVs in one organization while 1,000 other organizations
# share the tables (see SearchBench for the method). Needs the local infrastructure (./suite infra)
# and runs in its own database, recruit_search_bench, dropped afterwards (KEEP_BENCH_DB=1 keeps it).
# Then, when ../shared/eval-data/real-cvs-dev.jsonl is present, 10,000 real-length CVs made from the real
# development CVs: p50/p95 of new (uncached) and repeated queries and the time of each phase of a search.
# Knobs (system properties): -Dbench.rounds=3 -Dbench.ingest-cvs=120 -Dbench.other-orgs=1000 -Dbench.base-chunks=2000
# -Dbench.real-cvs=10000, -Dbench.real-only=true (only the real-length part), -Dbench.real=false (skip it),
# -Dbench.ingest-only=true (of the generated part only the ingestion rounds)
# It consumes with its own consumer group from the end of the topic, so it neither replays old
# events nor competes with a test run. Report: search-service/target/search-bench.md. Bounded: about 10-20 minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=recruit_search_bench
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
psql_admin() { PGOPTIONS='-c client_min_messages=warning' as_postgres psql -v ON_ERROR_STOP=1 -qAt "$@"; }
psql_admin -c "drop database if exists $DB with (force)"
psql_admin -c "create database $DB owner ${RS_DB_USER:-recruit}"
psql_admin -d "$DB" -c "create extension if not exists vector" -c "create extension if not exists btree_gin"
cleanup() { [ "${KEEP_BENCH_DB:-}" = 1 ] || psql_admin -c "drop database if exists $DB with (force)"; }
trap cleanup EXIT
./mvnw -B ${SEARCH_MAVEN_FLAGS:--o} -pl search-service test -Dtest=SearchBench -DsearchBench=true \
  "-D%test.rs.db.name=$DB" "-D%test.mp.messaging.incoming.candidate-events.group.id=search-service-bench-$(date +%s)" \
  -Dmp.messaging.incoming.candidate-events.auto.offset.reset=latest -Dsurefire.failIfNoSpecifiedTests=false "$@"
echo
cat search-service/target/search-bench.md
