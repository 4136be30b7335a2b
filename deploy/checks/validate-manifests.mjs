// Validates rendered Kubernetes manifests offline, without a cluster.
//
//   node validate-manifests.mjs --crds DIR RENDERED.yaml...
//
// 1. Schema: every object against its schema. Built-in kinds: the Kubernetes OpenAPI schemas compiled
//    into the npm package kubernetes-models; ServiceMonitor: @kubernetes-models/prometheus-operator;
//    Strimzi kinds: the openAPIV3Schema of the CRDs in DIR (generated from Strimzi's own API model,
//    see java/pom.xml), made strict: an unknown field is an error, as with `kubectl apply
//    --validate=strict`. A kind with no schema is an error, never skipped.
// 2. References inside one rendering: selectors match pod labels, named ports exist, ConfigMaps exist,
//    autoscaler targets exist, Strimzi resources name an existing Kafka, probes and resources are set,
//    pods meet the "restricted" Pod Security Standard, the single writers (panel-service,
//    model-service) run one Recreate pod and are not autoscaled, no Secret object and no literal
//    credential is shipped.
// Prints one line per problem and exits 1 if there is any.
import { readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { parseAllDocuments } from "yaml";
import Ajv from "ajv";

const args = process.argv.slice(2);
const crdIndex = args.indexOf("--crds");
if (crdIndex < 0 || args.length < crdIndex + 3) {
  console.error("usage: node validate-manifests.mjs --crds CRD_DIR RENDERED.yaml...");
  process.exit(2);
}
const crdDir = args[crdIndex + 1];
const files = args.filter((_, i) => i !== crdIndex && i !== crdIndex + 1);

const problems = [];
const problem = (where, message) => problems.push(`${where}: ${message}`);

// ---- Strimzi CRD schemas -------------------------------------------------------------------------

/** An object schema with listed properties rejects other fields, unless the CRD preserves them. */
function strict(schema) {
  if (Array.isArray(schema)) return schema.map(strict);
  if (schema === null || typeof schema !== "object") return schema;
  const copy = {};
  for (const [key, value] of Object.entries(schema)) copy[key] = strict(value);
  if (copy.type === "object" && copy.properties && !copy["x-kubernetes-preserve-unknown-fields"]
      && copy.additionalProperties === undefined) {
    copy.additionalProperties = false;
  }
  return copy;
}

const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
// "group/version/Kind" -> validate function, compiled on first use (the Kafka CRD takes seconds).
const crdSchemas = new Map();
const crdValidators = {
  has: (key) => crdSchemas.has(key),
  keys: () => crdSchemas.keys(),
  get size() { return crdSchemas.size; },
  get(key) {
    const entry = crdSchemas.get(key);
    entry.validate ??= ajv.compile(strict(entry.schema));
    return entry.validate;
  },
};
for (const name of readdirSync(crdDir).filter((f) => f.endsWith(".yaml"))) {
  for (const doc of parseAllDocuments(readFileSync(join(crdDir, name), "utf8"))) {
    const crd = doc.toJS();
    if (crd?.kind !== "CustomResourceDefinition") continue;
    for (const version of crd.spec.versions) {
      const key = `${crd.spec.group}/${version.name}/${crd.spec.names.kind}`;
      crdSchemas.set(key, { schema: version.schema.openAPIV3Schema });
    }
  }
}
if (crdValidators.size === 0) {
  console.error(`no CustomResourceDefinition found in ${crdDir}`);
  process.exit(2);
}

// ---- schema validation -----------------------------------------------------------------------------

async function validateSchema(where, obj) {
  const [group, version] = obj.apiVersion.includes("/") ? obj.apiVersion.split("/") : ["", obj.apiVersion];
  const crdKey = `${group}/${version}/${obj.kind}`;
  if (crdValidators.has(crdKey)) {
    const validate = crdValidators.get(crdKey);
    if (!validate(obj)) {
      for (const e of validate.errors) {
        const extra = e.params?.additionalProperty ? ` '${e.params.additionalProperty}'` : "";
        problem(where, `${e.instancePath || "/"} ${e.message}${extra}`);
      }
    }
    return;
  }
  if (group.endsWith("strimzi.io")) {
    problem(where, `no Strimzi CRD schema for ${crdKey} (known: ${[...crdValidators.keys()].join(", ")})`);
    return;
  }
  const modulePath = group === "monitoring.coreos.com"
    ? `@kubernetes-models/prometheus-operator/${group}/${version}/${obj.kind}`
    : `kubernetes-models/${group ? group + "/" : ""}${version}/${obj.kind}`;
  let model;
  try {
    model = (await import(modulePath))[obj.kind];
  } catch (e) {
    problem(where, `no schema for ${obj.apiVersion} ${obj.kind} (${e.code ?? e.message})`);
    return;
  }
  try {
    new model(obj).validate();
  } catch (e) {
    problem(where, e.message);
  }
}

// ---- references within one rendering ---------------------------------------------------------------

const matches = (selector, labels) =>
  Object.entries(selector?.matchLabels ?? {}).every(([k, v]) => labels?.[k] === v)
  && (selector?.matchExpressions ?? []).every(({ key, operator, values }) => {
    if (operator === "In") return values.includes(labels?.[key]);
    if (operator === "NotIn") return !values.includes(labels?.[key]);
    if (operator === "Exists") return key in (labels ?? {});
    if (operator === "DoesNotExist") return !(key in (labels ?? {}));
    return false;
  });

const CREDENTIAL_NAME = /(PASSWORD|TOKEN|SECRET|CREDENTIAL)/i;

// Single writers (deploy/README.md, Scaling): panel-service writes the one panel-version sequence and
// model-service would refit every version once per replica. Exactly one pod, never two at once.
const SINGLE_WRITERS = ["panel-service", "model-service"];

function checkReferences(file, objects) {
  const id = (o) => `${basename(file)} ${o.kind}/${o.metadata?.name}`;
  const byKind = (kind) => objects.filter((o) => o.kind === kind);
  const workloads = objects.filter((o) => ["Deployment", "StatefulSet"].includes(o.kind));
  const configMaps = new Set(byKind("ConfigMap").map((o) => o.metadata.name));
  const kafkas = new Set(byKind("Kafka").map((o) => o.metadata.name));

  for (const o of byKind("Secret")) {
    problem(id(o), "Secret objects are not shipped: reference Secrets the platform team creates (deploy/README.md)");
  }
  for (const w of workloads) {
    const podLabels = w.spec.template.metadata?.labels;
    if (!matches(w.spec.selector, podLabels)) problem(id(w), "spec.selector does not match the pod template's labels");
    const pod = w.spec.template.spec;
    // The "restricted" Pod Security Standard, which every pod of ours meets.
    if (pod.securityContext?.runAsNonRoot !== true) problem(id(w), "pod securityContext.runAsNonRoot must be true");
    if (pod.securityContext?.seccompProfile?.type !== "RuntimeDefault") problem(id(w), "pod securityContext.seccompProfile.type must be RuntimeDefault");
    for (const c of [...(pod.initContainers ?? []), ...pod.containers]) {
      const where = `${id(w)} container ${c.name}`;
      if (c.securityContext?.allowPrivilegeEscalation !== false) problem(where, "securityContext.allowPrivilegeEscalation must be false");
      if (!(c.securityContext?.capabilities?.drop ?? []).includes("ALL")) problem(where, "securityContext.capabilities.drop must include ALL");
      if (!c.resources?.requests || !c.resources?.limits) problem(where, "resources.requests and resources.limits are required");
      if (!pod.initContainers?.includes(c)) {
        if (!c.readinessProbe) problem(where, "no readinessProbe");
        if (!c.livenessProbe) problem(where, "no livenessProbe");
      }
      for (const e of c.env ?? []) {
        if (e.value !== undefined && CREDENTIAL_NAME.test(e.name)) {
          problem(where, `env ${e.name} has a literal value: use valueFrom.secretKeyRef`);
        }
        const cm = e.valueFrom?.configMapKeyRef?.name;
        if (cm && !configMaps.has(cm)) problem(where, `env ${e.name} refers to missing ConfigMap ${cm}`);
      }
      for (const e of c.envFrom ?? []) {
        if (e.configMapRef && !configMaps.has(e.configMapRef.name)) problem(where, `envFrom refers to missing ConfigMap ${e.configMapRef.name}`);
      }
      const portNames = new Set((c.ports ?? []).map((p) => p.name));
      for (const probe of [c.startupProbe, c.readinessProbe, c.livenessProbe]) {
        const port = probe?.httpGet?.port;
        if (typeof port === "string" && !portNames.has(port)) problem(where, `probe uses unknown port name ${port}`);
      }
    }
    for (const v of pod.volumes ?? []) {
      if (v.configMap && !configMaps.has(v.configMap.name)) problem(id(w), `volume ${v.name} refers to missing ConfigMap ${v.configMap.name}`);
    }
  }
  const podTemplates = workloads.map((w) => ({ w, labels: w.spec.template.metadata?.labels ?? {} }));
  for (const s of byKind("Service")) {
    if (s.spec.type === "ExternalName") continue;
    const targets = podTemplates.filter(({ labels }) => s.spec.selector && matches({ matchLabels: s.spec.selector }, labels));
    if (targets.length === 0) { problem(id(s), "selector matches no pod template"); continue; }
    for (const p of s.spec.ports) {
      if (typeof p.targetPort !== "string") continue;
      const named = targets.some(({ w }) => w.spec.template.spec.containers.some((c) => (c.ports ?? []).some((cp) => cp.name === p.targetPort)));
      if (!named) problem(id(s), `targetPort ${p.targetPort} is not a named container port`);
    }
  }
  for (const name of SINGLE_WRITERS) {
    const d = workloads.find((w) => w.kind === "Deployment" && w.metadata.name === name);
    if (!d) continue;
    if (d.spec.replicas !== 1) problem(id(d), `a single writer: spec.replicas must be 1, not ${d.spec.replicas ?? "unset"}`);
    if (d.spec.strategy?.type !== "Recreate") problem(id(d), "a single writer: strategy.type must be Recreate, so a rollout never runs two pods");
    for (const hpa of byKind("HorizontalPodAutoscaler")) {
      if (hpa.spec.scaleTargetRef.name === name) problem(id(hpa), `${name} is a single writer and must not be autoscaled`);
    }
  }
  for (const pdb of byKind("PodDisruptionBudget")) {
    if (!podTemplates.some(({ labels }) => matches(pdb.spec.selector, labels))) problem(id(pdb), "selector matches no pod template");
  }
  for (const hpa of byKind("HorizontalPodAutoscaler")) {
    const ref = hpa.spec.scaleTargetRef;
    const target = workloads.find((w) => w.kind === ref.kind && w.metadata.name === ref.name);
    if (!target) problem(id(hpa), `scaleTargetRef ${ref.kind}/${ref.name} does not exist`);
    else if (target.spec.replicas !== undefined) problem(id(hpa), `${ref.kind}/${ref.name} sets spec.replicas, which every apply would reset under the autoscaler`);
  }
  for (const np of byKind("NetworkPolicy")) {
    if (!podTemplates.some(({ labels }) => matches(np.spec.podSelector, labels))) problem(id(np), "podSelector matches no pod template");
  }
  for (const sm of byKind("ServiceMonitor")) {
    const services = byKind("Service").filter((s) => matches(sm.spec.selector, s.metadata.labels));
    if (services.length === 0) problem(id(sm), "selector matches no Service");
    for (const ep of sm.spec.endpoints) {
      for (const s of services) {
        if (!s.spec.ports.some((p) => p.name === ep.port)) problem(id(sm), `Service ${s.metadata.name} has no port named ${ep.port}`);
      }
    }
  }
  for (const o of [...byKind("KafkaTopic"), ...byKind("KafkaNodePool")]) {
    const cluster = o.metadata.labels?.["strimzi.io/cluster"];
    if (!kafkas.has(cluster)) problem(id(o), `label strimzi.io/cluster=${cluster} names no Kafka in this rendering`);
  }
  // Consumers rebuild the panel by replaying panel-deltas from its start (README, Topics): it must forget nothing.
  for (const t of byKind("KafkaTopic")) {
    const name = t.spec.topicName ?? t.metadata.name;
    const expected = name === "raw-records-dlq" || name === "panel-deltas" ? "delete" : "compact";
    if (t.spec.config?.["cleanup.policy"] !== expected) problem(id(t), `cleanup.policy must be ${expected}`);
    if (name === "panel-deltas" && (String(t.spec.config?.["retention.ms"]) !== "-1"
        || String(t.spec.config?.["retention.bytes"] ?? "-1") !== "-1")) {
      problem(id(t), "panel-deltas must be kept whole (retention.ms -1, retention.bytes -1): consumers replay it from the start");
    }
  }
}

// ---- main ----------------------------------------------------------------------------------------

let count = 0;
for (const file of files) {
  const objects = [];
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (doc.errors.length) { problem(file, doc.errors.map((e) => e.message).join("; ")); continue; }
    const obj = doc.toJS();
    if (obj === null) continue;
    objects.push(obj);
  }
  for (const obj of objects) {
    count++;
    await validateSchema(`${basename(file)} ${obj.kind}/${obj.metadata?.name}`, obj);
  }
  checkReferences(file, objects);
  const kinds = {};
  for (const o of objects) kinds[o.kind] = (kinds[o.kind] ?? 0) + 1;
  console.log(`${basename(file)}: ${objects.length} objects (${Object.entries(kinds).map(([k, n]) => `${n} ${k}`).join(", ")})`);
}

if (problems.length) {
  for (const p of problems) console.error(`INVALID ${p}`);
  console.error(`manifest validation FAILED: ${problems.length} problem(s) in ${count} objects`);
  process.exit(1);
}
console.log(`manifest validation passed: ${count} objects valid against Kubernetes, Prometheus Operator and Strimzi ${[...new Set([...crdValidators.keys()].map((k) => k.split("/")[1]))].join(",")} schemas`);
