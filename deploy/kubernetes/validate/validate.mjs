// Renders every overlay with kustomize and checks it offline:
//  1. every object against the Kubernetes API schemas (kubernetes-models) or the schema of its CRD;
//  2. that the manifests agree with the services themselves: ports, probe paths, environment
//     variables, key files, topics, and that selectors, references and policies point at something.
// Exit status 1 with one line per problem. `node validate.mjs` from this folder.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import { parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const kubernetesDir = join(here, "..");
const repo = join(kubernetesDir, "..", "..");
const SERVICES = ["gateway-service", "keys-service", "candidate-service", "search-service", "webhook-service"];
const OVERLAYS = readdirSync(join(kubernetesDir, "overlays"));
// Pods the operators create; policies may select them although no manifest here defines them.
const OPERATOR_POD_LABELS = ["cnpg.io/cluster", "strimzi.io/cluster", "k8s-app"];
// Secrets are created by whoever runs the cluster, never kept in the repository.
const EXPECTED_SECRETS = new Set(["recruit-suite-keys", "recruit-suite-api-tls",
  "recruit-db-keys", "recruit-db-candidate", "recruit-db-search", "recruit-db-webhook"]);

const ajv = new Ajv({ allErrors: true, strict: false });
const crdValidators = new Map();
for (const file of readdirSync(join(here, "crd-schemas"))) {
  const [group, version, kind] = file.replace(/\.json$/, "").split("_");
  crdValidators.set(`${group}/${version}/${kind}`, ajv.compile(JSON.parse(readFileSync(join(here, "crd-schemas", file), "utf8"))));
}

export function render(overlay) {
  const out = execFileSync("kubectl", ["kustomize", join(kubernetesDir, "overlays", overlay)], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return parseAllDocuments(out).map((d) => d.toJS()).filter(Boolean);
}

async function schemaProblems(obj) {
  const [group, version] = obj.apiVersion.includes("/") ? obj.apiVersion.split("/") : ["", obj.apiVersion];
  const crd = crdValidators.get(`${group}/${version}/${obj.kind}`);
  if (crd) {
    return crd(obj) ? [] : crd.errors.map((e) => `${e.instancePath || "/"} ${e.message}`);
  }
  const modulePath = group ? `kubernetes-models/${group}/${version}/${obj.kind}` : `kubernetes-models/${version}/${obj.kind}`;
  let Model;
  try {
    Model = (await import(modulePath))[obj.kind];
  } catch {
    return [`no schema for ${obj.apiVersion} ${obj.kind}`];
  }
  try {
    new Model(obj).validate();
    return [];
  } catch (e) {
    return [e.message];
  }
}

function properties(service) {
  const text = readFileSync(join(repo, service, "src/main/resources/application.properties"), "utf8");
  const props = new Map();
  for (const line of text.split("\n")) {
    const m = line.match(/^([^#%\s][^=]*)=(.*)$/);
    if (m) props.set(m[1].trim(), m[2].trim());
  }
  return { text, props };
}

const matches = (selector, labels) => Object.entries(selector || {}).every(([k, v]) => labels?.[k] === v);

export function consistencyProblems(objects) {
  const problems = [];
  const byKind = (kind) => objects.filter((o) => o.kind === kind);
  const named = (kind, name) => objects.find((o) => o.kind === kind && o.metadata.name === name);
  const podOwners = [...byKind("Deployment"), ...byKind("StatefulSet")];
  const config = named("ConfigMap", "recruit-suite-config")?.data || {};

  if (byKind("Secret").length) problems.push("a Secret is rendered: secrets must be created in the cluster, not kept here");
  const ingresses = byKind("Ingress");
  for (const ing of ingresses) {
    for (const rule of ing.spec.rules || []) for (const p of rule.http.paths) {
      if (p.backend.service.name !== "gateway-service") problems.push(`Ingress ${ing.metadata.name} exposes ${p.backend.service.name}: only the gateway is public`);
    }
  }

  for (const service of SERVICES) {
    const { text, props } = properties(service);
    const port = Number(props.get("quarkus.http.port"));
    const deployment = named("Deployment", service);
    if (!deployment) { problems.push(`${service}: no Deployment`); continue; }
    for (const kind of ["Service", "ServiceAccount", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy"]) {
      if (!named(kind, service)) problems.push(`${service}: no ${kind}`);
    }
    const pod = deployment.spec.template;
    const container = pod.spec.containers.find((c) => c.name === service);
    if (!container) { problems.push(`${service}: no container named after the service`); continue; }
    const http = (container.ports || []).find((p) => p.name === "http");
    if (!http || http.containerPort !== port) problems.push(`${service}: container port ${http?.containerPort} is not quarkus.http.port ${port}`);
    const env = new Map((container.env || []).map((e) => [e.name, e.value]));
    if (env.get("QUARKUS_HTTP_PORT") !== String(port)) problems.push(`${service}: QUARKUS_HTTP_PORT ${env.get("QUARKUS_HTTP_PORT")} is not ${port}`);
    if (env.get("QUARKUS_HTTP_HOST") !== "0.0.0.0") problems.push(`${service}: must listen on all interfaces in a pod (QUARKUS_HTTP_HOST)`);
    // every variable we set must be one the service reads, or it is a typo that silently does nothing
    const envFromConfig = (container.envFrom || []).some((e) => e.configMapRef?.name === "recruit-suite-config") ? Object.keys(config) : [];
    for (const name of [...env.keys(), ...envFromConfig]) {
      if (name.startsWith("QUARKUS_")) continue;
      const readByService = text.includes("${" + name + ":") || text.includes("${" + name + "}");
      const meantForOthers = envFromConfig.includes(name) && !env.has(name);
      if (!readByService && !meantForOthers) problems.push(`${service}: sets ${name}, which its application.properties never reads`);
    }
    if (props.has("quarkus.datasource.db-kind")) {
      for (const v of ["RS_DB_NAME", "RS_DB_USER", "RS_DB_PASSWORD"]) if (!env.has(v)) problems.push(`${service}: ${v} is not set`);
      if (!config.RS_DB_HOST) problems.push("RS_DB_HOST is not configured");
    }
    const pom = readFileSync(join(repo, service, "pom.xml"), "utf8");
    if (!pom.includes("quarkus-smallrye-health")) problems.push(`${service}: probes need quarkus-smallrye-health`);
    const probes = { startupProbe: "/q/health/started", readinessProbe: "/q/health/ready", livenessProbe: "/q/health/live" };
    for (const [probe, path] of Object.entries(probes)) {
      const get = container[probe]?.httpGet;
      if (!get || get.path !== path || (get.port !== "http" && get.port !== port)) problems.push(`${service}: ${probe} must GET ${path} on the http port`);
    }
    const sc = pod.spec.securityContext || {};
    if (!sc.runAsNonRoot || container.securityContext?.allowPrivilegeEscalation !== false || !container.securityContext?.readOnlyRootFilesystem) {
      problems.push(`${service}: must run as non-root, without privilege escalation, on a read-only root filesystem`);
    }
    if (!container.resources?.requests?.cpu || !container.resources?.limits?.memory) problems.push(`${service}: needs cpu requests and memory limits`);
    // the key files the service reads must be exactly the ones mounted for it (least privilege)
    const wanted = [...text.matchAll(/\$\{rs\.keys-dir\}\/([\w.-]+)/g)].map((m) => m[1]).sort();
    const keysVolume = pod.spec.volumes.find((v) => v.secret?.secretName === "recruit-suite-keys");
    const mounted = (keysVolume?.secret.items || []).map((i) => i.path).sort();
    if (JSON.stringify(wanted) !== JSON.stringify(mounted)) problems.push(`${service}: mounts keys [${mounted}] but reads [${wanted}]`);
    const mount = container.volumeMounts?.find((m) => m.name === keysVolume?.name);
    if (!mount || mount.mountPath !== env.get("RS_KEYS_DIR")) problems.push(`${service}: the key volume is not mounted at RS_KEYS_DIR`);
    const dockerfile = join(repo, service, "src/main/docker/Dockerfile.jvm");
    if (!existsSync(dockerfile)) problems.push(`${service}: no src/main/docker/Dockerfile.jvm`);
    else if (!readFileSync(dockerfile, "utf8").includes(`EXPOSE ${port}`)) problems.push(`${service}: Dockerfile does not EXPOSE ${port}`);
  }

  for (const svc of byKind("Service")) {
    const owner = podOwners.find((o) => matches(svc.spec.selector, o.spec.template.metadata.labels));
    if (!owner) { problems.push(`Service ${svc.metadata.name} selects no pods`); continue; }
    const portNames = owner.spec.template.spec.containers.flatMap((c) => (c.ports || []).map((p) => p.name));
    for (const p of svc.spec.ports) if (typeof p.targetPort === "string" && !portNames.includes(p.targetPort)) {
      problems.push(`Service ${svc.metadata.name} targets port ${p.targetPort}, which its pods do not name`);
    }
  }
  for (const hpa of byKind("HorizontalPodAutoscaler")) {
    if (!named(hpa.spec.scaleTargetRef.kind, hpa.spec.scaleTargetRef.name)) problems.push(`HPA ${hpa.metadata.name} scales nothing`);
    if (hpa.spec.minReplicas > hpa.spec.maxReplicas) problems.push(`HPA ${hpa.metadata.name}: minReplicas > maxReplicas`);
  }
  for (const pdb of byKind("PodDisruptionBudget")) {
    if (!podOwners.some((o) => matches(pdb.spec.selector.matchLabels, o.spec.template.metadata.labels))) problems.push(`PDB ${pdb.metadata.name} selects no pods`);
  }
  const selectsSomething = (sel) => sel && (podOwners.some((o) => matches(sel.matchLabels, o.spec.template.metadata.labels))
    || Object.keys(sel.matchLabels || {}).some((k) => OPERATOR_POD_LABELS.includes(k)));
  for (const np of byKind("NetworkPolicy")) {
    if (!selectsSomething(np.spec.podSelector)) problems.push(`NetworkPolicy ${np.metadata.name} applies to no pods`);
    for (const rule of [...(np.spec.ingress || []).flatMap((r) => r.from || []), ...(np.spec.egress || []).flatMap((r) => r.to || [])]) {
      if (rule.podSelector && !rule.namespaceSelector && !selectsSomething(rule.podSelector)) {
        problems.push(`NetworkPolicy ${np.metadata.name} names pods that do not exist: ${JSON.stringify(rule.podSelector.matchLabels)}`);
      }
    }
  }
  for (const o of podOwners) {
    const spec = o.spec.template.spec;
    const refs = [...spec.volumes?.map((v) => v.secret?.secretName) || [],
      ...spec.containers.flatMap((c) => (c.env || []).map((e) => e.valueFrom?.secretKeyRef?.name))].filter(Boolean);
    for (const r of refs) if (!EXPECTED_SECRETS.has(r)) problems.push(`${o.metadata.name} references Secret ${r}, which the operations guide does not list`);
  }
  for (const ing of ingresses) for (const t of ing.spec.tls || []) {
    if (!EXPECTED_SECRETS.has(t.secretName)) problems.push(`Ingress TLS secret ${t.secretName} is not documented`);
  }
  for (const [name, url] of Object.entries(config).filter(([k]) => k.startsWith("RS_UPSTREAM_"))) {
    const host = new URL(url).hostname;
    if (!named("Service", host)) problems.push(`${name} points at ${host}, which is not a Service`);
  }
  if (config.RS_REDIS_HOST && !named("Service", config.RS_REDIS_HOST) && named("StatefulSet", "redis")) problems.push("RS_REDIS_HOST is not the redis Service");
  const cluster = byKind("Cluster")[0];
  if (cluster && config.RS_DB_HOST !== `${cluster.metadata.name}-rw`) problems.push(`RS_DB_HOST must be the primary service ${cluster.metadata.name}-rw`);
  const topicsJava = readFileSync(join(repo, "suite-common/src/main/java/io/recruitsuite/common/events/Topics.java"), "utf8");
  const topics = [...topicsJava.matchAll(/String \w+_EVENTS = "([^"]+)"/g)].map((m) => m[1]).sort();
  const declared = byKind("KafkaTopic").map((t) => t.spec.topicName).sort();
  if (byKind("KafkaTopic").length && JSON.stringify(topics) !== JSON.stringify(declared)) problems.push(`KafkaTopics [${declared}] are not the suite's topics [${topics}]`);
  return problems;
}

async function main() {
  let failed = 0;
  for (const overlay of OVERLAYS) {
    const objects = render(overlay);
    const problems = [];
    for (const obj of objects) {
      for (const p of await schemaProblems(obj)) problems.push(`${obj.kind} ${obj.metadata?.name}: ${p}`);
    }
    problems.push(...consistencyProblems(objects));
    // the checks must be able to fail: a copy with a wrong port has to be caught
    const broken = structuredClone(objects);
    broken.find((o) => o.kind === "Deployment").spec.template.spec.containers[0].ports[0].containerPort += 1;
    if (!consistencyProblems(broken).some((p) => p.includes("container port"))) problems.push("self-check: a wrong container port went unnoticed");
    const kinds = new Set(objects.map((o) => o.kind));
    console.log(`${overlay}: ${objects.length} objects (${[...kinds].sort().join(", ")}): ${problems.length ? "FAILED" : "valid"}`);
    for (const p of problems) console.log(`  - ${p}`);
    failed += problems.length;
  }
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
