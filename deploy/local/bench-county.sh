#!/usr/bin/env bash
# The county-scale benchmark: a generated study of 2,844 units in 31 provinces over 365 days (about a million panel
# rows by the end) streamed day by day through the whole system on this machine, each service's JVM sized like its
# Kubernetes container. Prints per-day latency to the served Cox estimate (p50, p90, p99, max), where it goes, panel
# rows changed per day and each service's peak resident memory beside its limit. --days N streams the first N days.
# --max-minutes M starts no day after M minutes; --heap SERVICE=MiB overrides a container-sized heap (README,
# Benchmarks: with the containers' heaps panel-service runs out of memory from about day 80). Builds what is missing
# (mvn package; nothing is installed). The full year took 43 minutes on 2 shared cores with raised heaps.
set -euo pipefail
cd "$(dirname "$0")/../.."
needs_build=false
for artifact in ingest-service/target/quarkus-app/quarkus-run.jar panel-service/target/quarkus-app/quarkus-run.jar \
                model-service/target/quarkus-app/quarkus-run.jar report-service/target/quarkus-app/quarkus-run.jar \
                deploy/local/target/launcher.classpath deploy/local/target/classes/org/hazardstream/local/CountyBenchmark.class; do
  [ -f "$artifact" ] || needs_build=true
done
if $needs_build; then
  echo "[county] building (mvn package -DskipTests) ..."
  mvn -B -q package -DskipTests
fi
exec java -Xmx768m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "deploy/local/target/classes:$(cat deploy/local/target/launcher.classpath)" \
  org.hazardstream.local.CountyBenchmark --repo "$PWD" "$@"
