// The checks must be able to fail: each test feeds a small broken input to a checker and expects it
// to refuse, naming the problem; and a correct input to pass. Run by validate.sh after the CRDs exist:
//   node --test deploy/checks/test/
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const checks = join(dirname(fileURLToPath(import.meta.url)), "..");
const crds = process.env.CRD_DIR ?? join(checks, "target/strimzi-crds");
if (!existsSync(join(crds, "kafkatopic.yaml"))) {
  throw new Error(`no generated Strimzi CRDs in ${crds}: run deploy/checks/validate.sh (it generates them first)`);
}

const work = mkdtempSync(join(tmpdir(), "hazard-checks-"));
let n = 0;
const file = (text) => {
  const path = join(work, `case-${++n}.yaml`);
  writeFileSync(path, text);
  return path;
};
const run = (script, args) => spawnSync(process.execPath, [join(checks, script), ...args], { encoding: "utf8" });
const validate = (yaml) => run("validate-manifests.mjs", ["--crds", crds, file(yaml)]);

const deployment = ({ port = 8081, env = "", selector = "ingest-service" } = {}) => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: ingest-service}
spec:
  selector: {matchLabels: {app.kubernetes.io/name: ${selector}}}
  template:
    metadata: {labels: {app.kubernetes.io/name: ingest-service}}
    spec:
      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
      containers:
        - name: ingest-service
          image: hazard-stream/ingest-service:1
          securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
          ports: [{name: http, containerPort: ${port}}]
          resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: "1", memory: 128Mi}}
          readinessProbe: {httpGet: {path: /q/health/ready, port: http}}
          livenessProbe: {httpGet: {path: /q/health/live, port: http}}
${env}
---
apiVersion: v1
kind: Service
metadata: {name: ingest-service}
spec:
  selector: {app.kubernetes.io/name: ingest-service}
  ports: [{name: http, port: 8081, targetPort: http}]
`;
const kafka = `
apiVersion: kafka.strimzi.io/v1
kind: Kafka
metadata: {name: hazard-stream}
spec:
  kafka:
    listeners: [{name: plain, port: 9092, type: internal, tls: false}]
`;
const topic = (spec) => `
---
apiVersion: kafka.strimzi.io/v1
kind: KafkaTopic
metadata: {name: panel, labels: {strimzi.io/cluster: hazard-stream}}
spec: ${spec}
`;

test("a correct set of objects passes", () => {
  const result = validate(deployment() + "---" + kafka + topic("{partitions: 1, replicas: 1, config: {cleanup.policy: compact}}"));
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /manifest validation passed/);
});

test("an unknown field in a Strimzi resource is refused (strict CRD schema)", () => {
  const result = validate(topic("{partition: 1, replicas: 1, config: {cleanup.policy: compact}}"));
  assert.equal(result.status, 1);
  assert.match(result.stderr, /KafkaTopic\/panel: \/spec must NOT have additional properties 'partition'/);
});

test("a wrong type in a built-in kind is refused (Kubernetes schema)", () => {
  const result = validate(deployment({ port: '"8081"' }));
  assert.equal(result.status, 1);
  assert.match(result.stderr, /containerPort must be integer/);
});

test("a Deployment whose selector does not match its pods is refused", () => {
  const result = validate(deployment({ selector: "other" }));
  assert.equal(result.status, 1);
  assert.match(result.stderr, /spec\.selector does not match the pod template's labels/);
});

test("a pod that may escalate privileges is refused (restricted Pod Security Standard)", () => {
  const result = validate(deployment().replace("allowPrivilegeEscalation: false", "allowPrivilegeEscalation: true"));
  assert.equal(result.status, 1);
  assert.match(result.stderr, /container ingest-service: securityContext\.allowPrivilegeEscalation must be false/);
});

test("a second model-service replica is refused (single writer)", () => {
  const model = deployment().replaceAll("ingest-service", "model-service")
    .replace("spec:\n  selector:", "spec:\n  replicas: 2\n  strategy: {type: RollingUpdate}\n  selector:");
  const result = validate(model);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /Deployment\/model-service: a single writer: spec\.replicas must be 1, not 2/);
  assert.match(result.stderr, /Deployment\/model-service: a single writer: strategy\.type must be Recreate/);
});

test("a literal credential in an env var is refused", () => {
  const env = "          env: [{name: QUARKUS_DATASOURCE_PASSWORD, value: hunter2}]";
  const result = validate(deployment({ env }));
  assert.equal(result.status, 1);
  assert.match(result.stderr, /QUARKUS_DATASOURCE_PASSWORD has a literal value/);
});

test("a panel-deltas topic that forgets old versions is refused", () => {
  const spec = "{partitions: 3, replicas: 1, config: {cleanup.policy: delete, retention.ms: 604800000}}";
  const result = validate(topic(spec).replace("name: panel,", "name: panel-deltas,"));
  assert.equal(result.status, 1);
  assert.match(result.stderr, /panel-deltas must be kept whole/);
});

test("an object of a kind without a schema is refused, not skipped", () => {
  const result = validate("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n");
  assert.equal(result.status, 1);
  assert.match(result.stderr, /no schema for example\.com\/v1 Widget/);
});

/** A repository with the four services; ingest-service's application.properties is given. */
function repoWith(ingestProperties, { dropModelKafka = false } = {}) {
  const repo = mkdtempSync(join(work, "repo-"));
  for (const service of ["ingest-service", "panel-service", "model-service", "report-service"]) {
    mkdirSync(join(repo, service, "src/main/resources"), { recursive: true });
    const properties = service === "ingest-service" ? ingestProperties
      : "kafka.bootstrap.servers=localhost:9092\nquarkus.datasource.db-kind=postgresql\n";
    writeFileSync(join(repo, service, "src/main/resources/application.properties"), properties);
  }
  const db = "\n      QUARKUS_DATASOURCE_JDBC_URL: jdbc:postgresql://p/db\n      QUARKUS_DATASOURCE_USERNAME: u\n      QUARKUS_DATASOURCE_PASSWORD: p";
  const compose = join(repo, "docker-compose.yml");
  writeFileSync(compose, `services:
${["ingest-service", "panel-service", "model-service", "report-service"].map((s) => `  ${s}:
    image: x
    environment:
      ${dropModelKafka && s === "model-service" ? "OTHER: x" : "KAFKA_BOOTSTRAP_SERVERS: kafka:9092"}${s === "ingest-service" ? "\n      INGEST_API_TOKEN: t" : ""}${["panel-service", "report-service"].includes(s) ? db : ""}`).join("\n")}
`);
  const overlay = join(repo, "overlay.yaml");
  writeFileSync(overlay, ["ingest-service", "panel-service", "model-service", "report-service"].map((s) => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${s}}
spec:
  template:
    spec:
      containers:
        - name: ${s}
          env: [{name: JAVA_OPTS, value: "-Xmx1g"}${s === "ingest-service" ? ", {name: INGEST_API_TOKEN, valueFrom: {secretKeyRef: {name: t, key: token}}}" : ""}${["panel-service", "report-service"].includes(s) ? ", {name: QUARKUS_DATASOURCE_JDBC_URL, value: u}, {name: QUARKUS_DATASOURCE_USERNAME, value: u}, {name: QUARKUS_DATASOURCE_PASSWORD, valueFrom: {secretKeyRef: {name: d, key: password}}}" : ""}]
          envFrom: [{configMapRef: {name: ${s}-config}}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: ${s}-config}
data: {${s === "ingest-service" ? "PANEL_LAG_DAYS: '3', " : ""}KAFKA_BOOTSTRAP_SERVERS: kafka:9092}
`).join("---"));
  return run("config-keys.mjs", ["--repo", repo, "--compose", compose, overlay]);
}

test("config keys: every variable maps to a property of the service it is given to", () => {
  const result = repoWith("kafka.bootstrap.servers=x\n%prod.ingest.api-token=${TOKEN}\npanel.lag-days=3\n");
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /ingest-service: INGEST_API_TOKEN -> ingest\.api-token/);
  assert.match(result.stdout, /ingest-service: PANEL_LAG_DAYS -> panel\.lag-days/);
});

test("config keys: a deployment that does not give a service its Kafka address is refused", () => {
  const result = repoWith("kafka.bootstrap.servers=x\ningest.api-token=${TOKEN}\npanel.lag-days=3\n", { dropModelKafka: true });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /FAIL model-service: docker-compose\.yml does not set KAFKA_BOOTSTRAP_SERVERS/);
});

test("config keys: a renamed property breaks the check, naming variable and service", () => {
  const result = repoWith("kafka.bootstrap.servers=x\ningest.token=${TOKEN}\npanel.lag-days=3\n");
  assert.equal(result.status, 1);
  assert.match(result.stderr, /FAIL ingest-service: INGEST_API_TOKEN \(set by docker-compose\.yml, k8s overlay\) maps to no property/);
});

test("a misspelt field in a built-in kind is refused (fabric8 typed models)", () => {
  const java = process.env.CHECKS_JAVA;
  const classpathFile = process.env.CHECKS_CLASSPATH;
  assert.ok(java && classpathFile && existsSync(classpathFile),
    "CHECKS_JAVA and CHECKS_CLASSPATH must be set: run deploy/checks/validate.sh");
  const classpath = readFileSync(classpathFile, "utf8").trim();
  const unknownFields = (yaml) => spawnSync(java, ["-cp", classpath, join(checks, "java/UnknownFields.java"), file(yaml)], { encoding: "utf8" });

  const correct = unknownFields(deployment());
  assert.equal(correct.status, 0, correct.stderr);
  const misspelt = unknownFields(deployment().replace("readinessProbe:", "readinesProbe:"));
  assert.equal(misspelt.status, 1);
  assert.match(misspelt.stderr, /Deployment\/ingest-service: \/spec\/template\/spec\/containers\/0 has unknown field\(s\) \[readinesProbe\]/);
});
