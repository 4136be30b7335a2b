#!/usr/bin/env bash
# Issue 5's latency benchmark: p50/p99 from a daily batch posted to ingest to the new Cox estimate served by
# report-service, over the 60 days of the demo data, on this machine. Builds what is missing, like run.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f deploy/local/target/launcher.classpath ] && [ -f report-service/target/quarkus-app/quarkus-run.jar ] \
  || mvn -B -q install -DskipTests
exec java -Xmx512m -cp "deploy/local/target/classes:$(cat deploy/local/target/launcher.classpath)" \
  org.hazardstream.local.LatencyBenchmark "$PWD"
