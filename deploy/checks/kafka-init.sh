#!/usr/bin/env bash
# Runs docker-compose.yml's kafka-init script, as compose would, against a real Kafka broker, without
# Docker: the broker and Kafka's own topic/config commands come from Maven Central (kafka/pom.xml,
# the version of the apache/kafka image), and stand in for /opt/kafka/bin in the image.
#
#   bash deploy/checks/kafka-init.sh JAVA
#
# Checks that the script creates every topic on an empty broker with the partitions and cleanup
# policies of the Strimzi KafkaTopics, and that a second run succeeds (a restart of compose re-runs it).
# Exits non-zero on any failure; the
# broker it started is stopped in every case.
set -euo pipefail

java="${1:?usage: kafka-init.sh JAVA}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$here/target/kafka-init"
rm -rf "$work"; mkdir -p "$work/bin" "$work/data"

mvn -B -q -Dstyle.color=never -f "$here/kafka/pom.xml" dependency:build-classpath \
  -Dmdep.outputFile="$work/classpath.txt" >/dev/null
classpath="$(cat "$work/classpath.txt")"

# Two free ports on the loopback interface.
free_port() {
  local port
  for port in $(shuf -i 20000-29999 -n 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  echo "no free port" >&2; return 1
}
port="$(free_port)"; controller="$(free_port)"
[ "$port" != "$controller" ] || controller=$((controller + 1))
bootstrap="127.0.0.1:$port"

cat > "$work/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller
advertised.listeners=PLAINTEXT://$bootstrap
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$work/data
auto.create.topics.enable=false
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.cleaner.dedupe.buffer.size=2097152
EOF

# What /opt/kafka/bin/kafka-topics.sh and kafka-configs.sh run in the image (with JVM flags for a
# short-lived client: the script starts about thirty of them).
for tool in "kafka-topics.sh org.apache.kafka.tools.TopicCommand" "kafka-configs.sh kafka.admin.ConfigCommand"; do
  set -- $tool
  printf '#!/bin/sh\nexec "%s" -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "%s" %s "$@" 2>>"%s/tools.log"\n' "$java" "$classpath" "$2" "$work" > "$work/bin/$1"
  chmod +x "$work/bin/$1"
done

cluster_id="$(node -e 'console.log(require("crypto").randomBytes(16).toString("base64url"))')"
"$java" -Xmx256m -cp "$classpath" kafka.tools.StorageTool format -t "$cluster_id" \
  -c "$work/server.properties" >"$work/format.log" 2>&1 \
  || { cat "$work/format.log" >&2; echo "kafka storage format failed" >&2; exit 1; }

"$java" -Xmx512m -cp "$classpath" kafka.Kafka "$work/server.properties" >"$work/broker.log" 2>&1 &
broker=$!
stop_broker() { kill "$broker" 2>/dev/null || true; wait "$broker" 2>/dev/null || true; }
trap stop_broker EXIT

ready=""
for _ in $(seq 1 60); do
  if ! kill -0 "$broker" 2>/dev/null; then tail -20 "$work/broker.log" >&2; echo "the broker exited" >&2; exit 1; fi
  if "$work/bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --list >/dev/null; then ready=yes; break; fi
  sleep 1
done
[ -n "$ready" ] || { tail -20 "$work/broker.log" >&2; echo "the broker did not become ready in 60 s" >&2; exit 1; }
echo "broker ready at $bootstrap"

# The script as compose runs it: $$ is compose's escape for $; the image's paths and host replaced.
node -e '
  const { parse } = require(process.argv[1] + "/node_modules/yaml");
  const compose = parse(require("fs").readFileSync(process.argv[2], "utf8"), { merge: true });
  let script = [].concat(compose.services["kafka-init"].command).join("\n").replaceAll("$$", "$");
  for (const [from, to] of [["/opt/kafka/bin", process.argv[3]], ["kafka:9092", process.argv[4]]]) {
    if (!script.includes(from)) { console.error(`kafka-init script does not mention ${from}`); process.exit(1); }
    script = script.replaceAll(from, to);
  }
  require("fs").writeFileSync(process.argv[5], script);
' "$here" "$root/docker-compose.yml" "$work/bin" "$bootstrap" "$work/init.sh"

# The image's /bin/sh is BusyBox; Debian's dash is as strict a POSIX shell.
shell="$(command -v dash || echo sh)"
"$shell" "$work/init.sh" >"$work/first-run.log" 2>&1 || { cat "$work/first-run.log" >&2; echo "kafka-init failed on an empty broker" >&2; exit 1; }
echo "first run on an empty broker: exit 0"
"$shell" "$work/init.sh" >"$work/second-run.log" 2>&1 || { cat "$work/second-run.log" >&2; echo "kafka-init failed when run again" >&2; exit 1; }
echo "second run (topics exist): exit 0"

# The topics now on the broker, against the Strimzi KafkaTopics of the base.
"$work/bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --describe > "$work/describe.txt"
node -e '
  const fs = require("fs");
  const { parseAllDocuments } = require(process.argv[1] + "/node_modules/yaml");
  const described = {};
  for (const line of fs.readFileSync(process.argv[2], "utf8").split("\n")) {
    const m = line.match(/^Topic: (\S+)\s+TopicId: \S+\s+PartitionCount: (\d+).*Configs: (.*)$/);
    if (m) described[m[1]] = { partitions: m[2], config: Object.fromEntries(m[3].split(",").filter(Boolean).map((kv) => kv.split("="))) };
  }
  const problems = [];
  for (const doc of parseAllDocuments(fs.readFileSync(process.argv[3], "utf8"))) {
    const t = doc.toJS();
    if (t?.kind !== "KafkaTopic") continue;
    const name = t.spec.topicName ?? t.metadata.name;
    const got = described[name];
    if (!got) { problems.push(`${name}: not created`); continue; }
    if (got.partitions !== String(t.spec.partitions)) problems.push(`${name}: ${got.partitions} partitions, Strimzi declares ${t.spec.partitions}`);
    for (const key of ["cleanup.policy", "retention.ms", "delete.retention.ms"]) {
      const want = t.spec.config?.[key];
      if (want !== undefined && got.config[key] !== String(want)) problems.push(`${name}: ${key}=${got.config[key]}, Strimzi declares ${want}`);
    }
    console.log(`${name}: ${got.partitions} partition(s), ${Object.entries(got.config).filter(([k]) => k !== "min.insync.replicas").map(([k, v]) => k + "=" + v).join(" ")}`);
  }
  if (problems.length) { problems.forEach((p) => console.error("INVALID " + p)); process.exit(1); }
' "$here" "$work/describe.txt" "$here/target/rendered/base.yaml"

