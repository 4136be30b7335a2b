// Every environment variable that docker-compose.yml or a Kubernetes overlay gives a service must be a
// configuration key of that service, so a renamed property breaks CI instead of a deployment.
//
//   node config-keys.mjs --repo ROOT --compose docker-compose.yml RENDERED_OVERLAY.yaml...
//
// MicroProfile Config maps an environment variable onto a property by replacing every character that
// is not a letter or digit with "_" and upper-casing (kafka.bootstrap.servers <-> KAFKA_BOOTSTRAP_SERVERS,
// panel.lag-days <-> PANEL_LAG_DAYS). A variable passes when
//   - a property of ROOT/<service>/src/main/resources/application.properties maps to it (profile
//     prefixes such as %prod. are ignored), or
//   - it is one of the standard Quarkus keys listed in STANDARD_QUARKUS_KEYS below, which Quarkus reads
//     without the file naming them (the datasource keys only where the service has a datasource), or
//   - it is read by the image itself, not by Quarkus (NOT_CONFIG_KEYS).
// A service whose application.properties is missing fails the check: nothing can be proved about it.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, parseAllDocuments } from "yaml";

const SERVICES = ["ingest-service", "panel-service", "model-service", "report-service"];

// Read by deploy/docker/Dockerfile.jvm's entrypoint, not a configuration key.
const NOT_CONFIG_KEYS = new Set(["JAVA_OPTS"]);

// Standard Quarkus keys a deployment may set although application.properties need not name them.
const STANDARD_QUARKUS_KEYS = [
  // quarkus-vertx-http: the port and the request body limit (413) are core HTTP settings.
  { key: "quarkus.http.port" },
  { key: "quarkus.http.limits.max-body-size" },
  // quarkus-datasource: the connection is normally given only by the environment in production.
  // Accepted only for a service that has a datasource (some quarkus.datasource.* key in its file).
  { key: "quarkus.datasource.jdbc.url", needs: /^quarkus\.datasource\./ },
  { key: "quarkus.datasource.username", needs: /^quarkus\.datasource\./ },
  { key: "quarkus.datasource.password", needs: /^quarkus\.datasource\./ },
  // quarkus-core logging.
  { key: "quarkus.log.level" },
];

// What each service must be given by every deployment (compose and each overlay): its Kafka, database
// and token settings come from the environment, never from a value baked into the image.
const REQUIRED = {
  "ingest-service": ["KAFKA_BOOTSTRAP_SERVERS", "INGEST_API_TOKEN"],
  "panel-service": ["KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD"],
  "model-service": ["KAFKA_BOOTSTRAP_SERVERS"],
  "report-service": ["KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD"],
};

const envName = (property) => property.replace(/[^A-Za-z0-9]/g, "_").toUpperCase();

/** Property keys of a .properties file (java.util.Properties syntax, profile prefixes removed). */
function propertyKeys(text) {
  const keys = new Set();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].trimStart();
    if (line === "" || line.startsWith("#") || line.startsWith("!")) continue;
    const match = line.match(/^((?:\\.|[^\\:=\s])+)/);
    if (match) keys.add(match[1].replace(/\\(.)/g, "$1").replace(/^%[^.]+\./, ""));
    // Skip continuation lines of a multi-line value.
    while (/(^|[^\\])(\\\\)*\\$/.test(lines[i]) && i + 1 < lines.length) i++;
  }
  return keys;
}

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  if (i < 0 || i + 1 >= args.length) { console.error(`missing ${name}`); process.exit(2); }
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
};
const repo = option("--repo");
const composeFile = option("--compose");
const overlays = args;

// service -> env name -> list of places that set it
const setBy = new Map(SERVICES.map((s) => [s, new Map()]));
const record = (service, name, where) => {
  const names = setBy.get(service);
  if (!names.has(name)) names.set(name, []);
  if (!names.get(name).includes(where)) names.get(name).push(where);
};

const compose = parse(readFileSync(composeFile, "utf8"), { merge: true });
for (const service of SERVICES) {
  const definition = compose.services?.[service];
  if (!definition) { console.error(`FAIL docker-compose.yml has no service ${service}`); process.exitCode = 1; continue; }
  const env = definition.environment ?? {};
  const names = Array.isArray(env) ? env.map((e) => e.split("=")[0]) : Object.keys(env);
  for (const n of names) record(service, n, "docker-compose.yml");
}

for (const file of overlays) {
  const label = file.replace(/.*\//, "").replace(/\.yaml$/, "");
  const objects = parseAllDocuments(readFileSync(file, "utf8")).map((d) => d.toJS()).filter(Boolean);
  const configMaps = new Map(objects.filter((o) => o.kind === "ConfigMap").map((o) => [o.metadata.name, o.data ?? {}]));
  for (const service of SERVICES) {
    const deployment = objects.find((o) => o.kind === "Deployment" && o.metadata.name === service);
    if (!deployment) { console.error(`FAIL ${label}: no Deployment ${service}`); process.exitCode = 1; continue; }
    for (const c of deployment.spec.template.spec.containers) {
      for (const e of c.env ?? []) record(service, e.name, `k8s ${label}`);
      for (const from of c.envFrom ?? []) {
        if (from.secretRef) {
          console.error(`FAIL ${label}: ${service} takes envFrom Secret ${from.secretRef.name}: its keys cannot be checked; use env[].valueFrom.secretKeyRef`);
          process.exitCode = 1;
        }
        if (from.configMapRef) {
          const data = configMaps.get(from.configMapRef.name);
          if (!data) { console.error(`FAIL ${label}: ${service} envFrom ConfigMap ${from.configMapRef.name} is not in the rendering`); process.exitCode = 1; continue; }
          for (const key of Object.keys(data)) record(service, (from.prefix ?? "") + key, `k8s ${label} ConfigMap ${from.configMapRef.name}`);
        }
      }
    }
  }
}

let failures = 0;
let passes = 0;
const deployments = ["docker-compose.yml", ...overlays.map((f) => `k8s ${f.replace(/.*\//, "").replace(/\.yaml$/, "")}`)];
for (const service of SERVICES) {
  for (const name of REQUIRED[service]) {
    const places = setBy.get(service).get(name) ?? [];
    for (const deployment of deployments) {
      if (!places.some((p) => p === deployment || p.startsWith(deployment + " "))) {
        console.error(`FAIL ${service}: ${deployment} does not set ${name}, which production needs from the environment`);
        failures++;
      }
    }
  }
}
for (const service of SERVICES) {
  const path = join(repo, service, "src/main/resources/application.properties");
  if (!existsSync(path)) {
    console.error(`FAIL ${service}: ${path} does not exist, so none of its ${setBy.get(service).size} variables can be checked`);
    failures++;
    continue;
  }
  const keys = propertyKeys(readFileSync(path, "utf8"));
  const byEnv = new Map([...keys].map((k) => [envName(k), k]));
  for (const [name, places] of [...setBy.get(service)].sort()) {
    const where = places.join(", ");
    if (NOT_CONFIG_KEYS.has(name)) {
      console.log(`ok   ${service}: ${name} -> read by the image entrypoint (${where})`);
      passes++;
    } else if (byEnv.has(name)) {
      console.log(`ok   ${service}: ${name} -> ${byEnv.get(name)} (${where})`);
      passes++;
    } else {
      const standard = STANDARD_QUARKUS_KEYS.find((s) => envName(s.key) === name
        && (!s.needs || [...keys].some((k) => s.needs.test(k))));
      if (standard) {
        console.log(`ok   ${service}: ${name} -> ${standard.key} (standard Quarkus key; ${where})`);
        passes++;
      } else {
        console.error(`FAIL ${service}: ${name} (set by ${where}) maps to no property of ${service}/src/main/resources/application.properties`);
        failures++;
      }
    }
  }
}
if (failures || process.exitCode) {
  console.error(`config keys check FAILED: ${passes} passed, ${failures} failed`);
  process.exit(1);
}
console.log(`config keys check: ${passes} passed, 0 failed`);
