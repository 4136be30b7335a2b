// The topics are declared three times: embedded-infra's TopicLayout (tests and the local run), the
// kafka-init service of docker-compose.yml, and the Strimzi KafkaTopics. They must agree on the set of
// topics, the partitions and the cleanup (cleanup.policy, retention.ms).
//
//   node topics.mjs --repo ROOT --compose docker-compose.yml --rendered RENDERED_BASE.yaml
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse, parseAllDocuments } from "yaml";

const args = process.argv.slice(2);
const arg = (name) => args[args.indexOf(name) + 1];
const repo = arg("--repo");

const COMPARED = ["partitions", "cleanup.policy", "retention.ms"];
const problems = [];

function find(dir, name) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      const found = find(path, name);
      if (found) return found;
    } else if (entry === name) {
      return path;
    }
  }
  return null;
}

// 1. embedded-infra: Topics.java names, TopicLayout.java specs.
const topicsJava = find(join(repo, "hazard-events/src/main/java"), "Topics.java");
const layoutJava = find(join(repo, "embedded-infra/src/main/java"), "TopicLayout.java");
if (!topicsJava || !layoutJava) {
  console.error(`cannot find Topics.java (${topicsJava}) or TopicLayout.java (${layoutJava})`);
  process.exit(1);
}
const constants = Object.fromEntries([...readFileSync(topicsJava, "utf8")
  .matchAll(/static final String (\w+)\s*=\s*"([^"]+)"/g)].map((m) => [m[1], m[2]]));
const layoutText = readFileSync(layoutJava, "utf8");
const namedMaps = Object.fromEntries([...layoutText.matchAll(/Map<String, String> (\w+)\s*=\s*Map\.of\(([^)]*)\)/g)]
  .map((m) => [m[1], m[2]]));
const mapOf = (text) => {
  const strings = [...text.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
  const map = {};
  for (let i = 0; i + 1 < strings.length; i += 2) map[strings[i]] = strings[i + 1];
  return map;
};
const embedded = {};
for (const m of layoutText.matchAll(/new TopicSpec\(\s*Topics\.(\w+),\s*(\d+),\s*(Map\.of\(([^)]*)\)|\w+)\s*\)/g)) {
  const config = m[4] !== undefined ? mapOf(m[4]) : mapOf(namedMaps[m[3]] ?? "");
  embedded[constants[m[1]] ?? m[1]] = { partitions: m[2], ...config };
}

// 2. docker-compose kafka-init: lines "topic NAME PARTITIONS k=v,k=v".
const compose = parse(readFileSync(arg("--compose"), "utf8"), { merge: true });
const script = [].concat(compose.services["kafka-init"]?.command ?? []).join("\n");
const composeTopics = {};
for (const m of script.matchAll(/^\s*topic\s+(\S+)\s+(\d+)\s+(\S+)\s*$/gm)) {
  composeTopics[m[1]] = { partitions: m[2], ...Object.fromEntries(m[3].split(",").map((kv) => kv.split("="))) };
}

// 3. Strimzi KafkaTopics of the base.
const strimzi = {};
for (const doc of parseAllDocuments(readFileSync(arg("--rendered"), "utf8"))) {
  const o = doc.toJS();
  if (o?.kind !== "KafkaTopic") continue;
  strimzi[o.spec.topicName ?? o.metadata.name] = { partitions: String(o.spec.partitions), ...Object.fromEntries(
    Object.entries(o.spec.config ?? {}).map(([k, v]) => [k, String(v)])) };
}

const sources = { "embedded-infra TopicLayout": embedded, "docker-compose kafka-init": composeTopics, "Strimzi KafkaTopic": strimzi };
for (const [source, topics] of Object.entries(sources)) {
  if (Object.keys(topics).length === 0) problems.push(`${source}: no topics found`);
}
const names = [...new Set(Object.values(sources).flatMap((t) => Object.keys(t)))].sort();
for (const name of names) {
  const row = [];
  for (const key of COMPARED) {
    const values = Object.entries(sources).map(([source, topics]) => [source, topics[name]?.[key]]);
    const distinct = new Set(values.map(([, v]) => v ?? "(unset)"));
    if (distinct.size > 1) problems.push(`topic ${name}: ${key} differs: ${values.map(([s, v]) => `${s}=${v ?? "(unset)"}`).join(", ")}`);
    row.push(`${key}=${values[0][1] ?? "-"}`);
  }
  console.log(`${name}: ${row.join(" ")}`);
}
if (problems.length) {
  for (const p of problems) console.error(`INVALID ${p}`);
  process.exit(1);
}
console.log(`topics: ${names.length} topics declared alike in ${Object.keys(sources).join(", ")}`);
