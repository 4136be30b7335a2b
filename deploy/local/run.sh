#!/usr/bin/env bash
# Runs hazard-stream on this machine: a real Kafka broker (KRaft) and a real PostgreSQL, both embedded from Maven
# artifacts, and the four services on ports 8080-8083; streams the demo data day by day unless --no-demo.
# Ctrl-C stops everything. INGEST_API_TOKEN sets the write token (one is made and printed when unset).
set -euo pipefail
cd "$(dirname "$0")/../.."

needs_build=false
for artifact in ingest-service/target/quarkus-app/quarkus-run.jar panel-service/target/quarkus-app/quarkus-run.jar \
                model-service/target/quarkus-app/quarkus-run.jar report-service/target/quarkus-app/quarkus-run.jar \
                hazard-cli/target/hazard-cli.jar deploy/local/target/launcher.classpath; do
  [ -f "$artifact" ] || needs_build=true
done
if $needs_build; then
  echo "[hazard-stream] building (mvn install -DskipTests) ..."
  mvn -B -q install -DskipTests
fi

exec java -Xmx512m -cp "deploy/local/target/classes:$(cat deploy/local/target/launcher.classpath)" \
  org.hazardstream.local.LocalRun "$@"
