// What `docker-compose config` does not check about the services' image builds:
//   - the build context and the Dockerfile exist;
//   - the Dockerfile runs as a non-root user, declares a HEALTHCHECK and copies the Quarkus fast-jar;
//   - the port agrees everywhere: build arg SERVICE_PORT = published container port = the service's
//     quarkus.http.port (when its application.properties exists) = the Kubernetes containerPort;
//   - the service's pom has the extensions the probes and the ServiceMonitor call: quarkus-smallrye-health
//     (/q/health/*) and quarkus-micrometer-registry-prometheus (/q/metrics); a service given a
//     QUARKUS_DATASOURCE_JDBC_URL has the PostgreSQL driver (quarkus-jdbc-postgresql);
//   - where the service has been built, target/quarkus-app/ has the layout the Dockerfile copies.
//
//   node compose-builds.mjs --repo ROOT --compose docker-compose.yml
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse, parseAllDocuments } from "yaml";

const args = process.argv.slice(2);
const repo = args[args.indexOf("--repo") + 1];
const compose = parse(readFileSync(args[args.indexOf("--compose") + 1], "utf8"), { merge: true });

const problems = [];
let checked = 0;
for (const [name, service] of Object.entries(compose.services)) {
  if (!service.build) continue;
  checked++;
  const context = resolve(repo, service.build.context);
  if (!existsSync(context)) { problems.push(`${name}: build context ${service.build.context} does not exist`); continue; }
  const dockerfile = resolve(context, service.build.dockerfile ?? "Dockerfile");
  if (!existsSync(dockerfile)) { problems.push(`${name}: Dockerfile ${dockerfile} does not exist`); continue; }
  const text = readFileSync(dockerfile, "utf8");
  const user = [...text.matchAll(/^USER\s+(\S+)/gm)].pop()?.[1];
  if (!user || user === "root" || user === "0") problems.push(`${name}: ${dockerfile} must end with a non-root USER`);
  if (!/^HEALTHCHECK\s/m.test(text)) problems.push(`${name}: ${dockerfile} has no HEALTHCHECK`);
  if (!/target\/quarkus-app\//.test(text)) problems.push(`${name}: ${dockerfile} does not copy target/quarkus-app/`);

  const port = String(service.build.args?.SERVICE_PORT ?? "");
  const published = (service.ports ?? []).map((p) => String(p).split(":").pop());
  if (!published.includes(port)) problems.push(`${name}: build arg SERVICE_PORT=${port} is not the published container port (${published})`);

  const properties = join(context, "src/main/resources/application.properties");
  if (existsSync(properties)) {
    const httpPort = readFileSync(properties, "utf8").match(/^quarkus\.http\.port\s*[=:]\s*(\S+)/m)?.[1];
    if (httpPort !== port) problems.push(`${name}: quarkus.http.port is ${httpPort ?? "unset (8080)"} but compose uses ${port}`);
  }

  const k8s = join(repo, "deploy/kubernetes/base/services", `${name}.yaml`);
  if (existsSync(k8s)) {
    const deployment = parseAllDocuments(readFileSync(k8s, "utf8")).map((d) => d.toJS()).find((o) => o?.kind === "Deployment");
    const containerPort = deployment?.spec.template.spec.containers[0].ports?.find((p) => p.name === "http")?.containerPort;
    if (String(containerPort) !== port) problems.push(`${name}: Kubernetes containerPort ${containerPort} differs from compose ${port}`);
  }

  const pom = join(context, "pom.xml");
  if (existsSync(pom)) {
    const text = readFileSync(pom, "utf8");
    const needed = ["quarkus-smallrye-health", "quarkus-micrometer-registry-prometheus"];
    if (JSON.stringify(service.environment ?? {}).includes("QUARKUS_DATASOURCE_JDBC_URL")) needed.push("quarkus-jdbc-postgresql");
    for (const artifact of needed) {
      if (!text.includes(`<artifactId>${artifact}</artifactId>`)) problems.push(`${name}: pom.xml lacks ${artifact}, which the probes, metrics or database need`);
    }
  } else {
    problems.push(`${name}: no pom.xml in ${context}`);
  }

  const app = join(context, "target/quarkus-app");
  if (existsSync(app)) {
    for (const part of ["quarkus-run.jar", "lib", "app", "quarkus"]) {
      if (!existsSync(join(app, part))) problems.push(`${name}: ${app} has no ${part} (not a fast-jar build?)`);
    }
  }
  console.log(`${name}: context ${service.build.context}, port ${port}, user ${user}${existsSync(app) ? ", fast-jar present" : ", not built yet"}`);
}
if (checked === 0) problems.push("no service with a build section");
if (problems.length) {
  for (const p of problems) console.error(`INVALID ${p}`);
  process.exit(1);
}
console.log(`compose builds: ${checked} services consistent`);
