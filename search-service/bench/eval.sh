#!/usr/bin/env bash
# Search-quality evaluation on two data sets: the generated CVs (src/test/resources/eval, from
# generate_eval.py) and, when ../shared/eval-data/real-cvs-dev.jsonl is present beside the project root
# (or -Deval.real-cvs=<file>), the real development CVs with our queries (eval/real-queries.jsonl; skipped
# with a message otherwise). Each set is indexed through Kafka with the real model into PostgreSQL/pgvector;
# reports nDCG@10, P@5, MRR@10 and recall@10 for the served hybrid, keyword only, semantic only and a plain
# BM25 computed in the evaluation, thresholds on similarity and the effect of the fusion weight.
# Fails unless hybrid beats every other mode on nDCG@10 (on the real set by -Deval.real-margin, 0.03).
# Needs the local infrastructure (./suite infra). Report: search-service/target/search-quality.md
# Maven flags can be overridden with SEARCH_MAVEN_FLAGS (default: offline).
# Runs in a database of its own (recruit_search_eval, dropped afterwards; KEEP_EVAL_DB=1 keeps it): rows other
# tests leave in recruit_search_test (such as 2,000 identical vectors) change what an HNSW scan finds.
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=recruit_search_eval
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
psql_admin() { PGOPTIONS='-c client_min_messages=warning' as_postgres psql -v ON_ERROR_STOP=1 -qAt "$@"; }
psql_admin -c "drop database if exists $DB with (force)"
psql_admin -c "create database $DB owner ${RS_DB_USER:-recruit}"
psql_admin -d "$DB" -c "create extension if not exists vector" -c "create extension if not exists btree_gin"
cleanup() { [ "${KEEP_EVAL_DB:-}" = 1 ] || psql_admin -c "drop database if exists $DB with (force)"; }
trap cleanup EXIT
./mvnw -B ${SEARCH_MAVEN_FLAGS:--o} -pl search-service test -Dtest=SearchQualityEval -DsearchEval=true \
  "-D%test.rs.db.name=$DB" -Dsurefire.failIfNoSpecifiedTests=false "$@"
echo
cat search-service/target/search-quality.md
