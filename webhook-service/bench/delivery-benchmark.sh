#!/usr/bin/env bash
# Webhook delivery benchmark: events published to Kafka -> delivered to a fast local receiver,
# 100 endpoints across 10 organizations. Reports deliveries/s and p50/p95 publish-to-receipt
# latency for a burst and for a paced stream. Needs the local infrastructure (./suite infra).
#
#   webhook-service/bench/delivery-benchmark.sh [events-per-org-in-the-burst] [paced-events-per-second]
set -euo pipefail
cd "$(dirname "$0")/../.."
EVENTS_PER_ORG=${1:-50}
PACED_RATE=${2:-20}
mkdir -p webhook-service/target
LOG=webhook-service/target/webhook-benchmark.log
if ! ./mvnw -B -pl webhook-service -am verify \
    -Dtest=WebhookBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DskipITs \
    -Dbenchmark.webhooks=true -Dbenchmark.events-per-org="$EVENTS_PER_ORG" -Dbenchmark.paced-events-per-second="$PACED_RATE" \
    >"$LOG" 2>&1; then
  tail -n 60 "$LOG"
  exit 1
fi
cat webhook-service/target/webhook-benchmark.md
