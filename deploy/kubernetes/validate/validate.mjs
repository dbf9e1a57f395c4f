// Renders every overlay (and its Kafka part) with kustomize and checks it offline:
//  1. every object against the upstream schema of its API version: Kubernetes' own kinds against the
//     Kubernetes API schemas (kubernetes-models), custom resources against the operators' released
//     CRDs in crds/ (an API version a CRD no longer serves has no schema and fails);
//  2. that the manifests agree with the services themselves: ports, probe paths, environment
//     variables, key files, topics and Kafka ACLs, the shutdown sequence, the connection budget, and
//     that selectors, references and policies point at something;
//  3. that the web console's Deployment gives it every setting it cannot do without in a cluster
//     (consoleProblems: the deployed-configuration test does not start the console, which needs an
//     OpenID provider at start).
// Exit status 1 with one line per problem. `node validate.mjs` from this folder.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import { parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
export const kubernetesDir = join(here, "..");
export const repo = join(kubernetesDir, "..", "..");
export const SERVICES = ["gateway-service", "keys-service", "candidate-service", "search-service", "webhook-service"];
// The web console: deployed and checked like the five, but it has no database, no Kafka login and no
// built-in shutdown delay, and the deployed-configuration test does not start it (consoleProblems instead).
export const CONSOLE = "console-service";
export const DEPLOYED = [...SERVICES, CONSOLE];
// What the shared Gateway may route, and where: the API to the gateway, the console's pages to the console.
const PUBLIC_ROUTES = { "gateway-service": "/api/v1", [CONSOLE]: "/console" };
// Files named in the shared configuration (suite-common) that a service reads, so they must be mounted for it:
// the console's credential for the keys-service's identity lookup, presented by one and checked by the other.
const SHARED_KEY_FILES_READ = { "keys-service": ["console-token"], [CONSOLE]: ["console-token"] };
export const OVERLAYS = readdirSync(join(kubernetesDir, "overlays")).sort();
const CONFIG_MAP = "recruit-suite-config";
// Pods the operators create; policies may select them although no manifest here defines them.
const OPERATOR_POD_LABELS = ["cnpg.io/cluster", "cnpg.io/poolerName", "strimzi.io/cluster", "k8s-app"];
// Secrets are created by whoever runs the cluster, never kept in the repository (docs/operations.md).
const EXPECTED_SECRETS = new Set(["recruit-suite-keys", "recruit-suite-api-tls", "recruit-backup-s3",
  "recruit-db-keys", "recruit-db-candidate", "recruit-db-search", "recruit-db-webhook",
  "recruit-kafka-keys", "recruit-kafka-candidate", "recruit-kafka-search", "recruit-kafka-webhook", "recruit-kafka-gateway",
  "recruit-console"]);
// Which topic each service writes and which it reads: the ACLs of its KafkaUser must be exactly these.
const KAFKA_ACCESS = {
  "keys-service": { write: ["recruit.key-events"], read: [] },
  "candidate-service": { write: ["recruit.candidate-events"], read: [] },
  "search-service": { write: ["recruit.search-events"], read: ["recruit.candidate-events"] },
  "webhook-service": { write: [], read: ["recruit.candidate-events", "recruit.key-events", "recruit.search-events"] },
  "gateway-service": { write: [], read: ["recruit.key-events"] },
};

// ---------------------------------------------------------------- upstream CRD schemas
// The CRDs' patterns are Go (RE2) expressions: an inline (?i) becomes JavaScript's "i" flag.
function re2(source, flags) {
  const insensitive = source.includes("(?i)");
  const regExp = new RegExp(source.replaceAll("(?i)", ""), insensitive ? `${flags}i` : flags);
  return regExp;
}
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, code: { regExp: re2 } });
const crdValidators = new Map();

// Kubernetes prunes unknown fields of a structural schema silently, so a field that moved between
// API versions would vanish without an error; strict field validation (kubectl's default) refuses
// them. Closing every object schema that lists its properties does the same offline.
function closeObjects(schema) {
  if (Array.isArray(schema)) return schema.map(closeObjects);
  if (!schema || typeof schema !== "object") return schema;
  const out = {};
  for (const [k, v] of Object.entries(schema)) out[k] = k === "properties" ? Object.fromEntries(Object.entries(v).map(([p, s]) => [p, closeObjects(s)])) : closeObjects(v);
  if (out.properties && out.additionalProperties === undefined && !out["x-kubernetes-preserve-unknown-fields"]) out.additionalProperties = false;
  return out;
}

function loadCrds(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) { loadCrds(path); continue; }
    if (!entry.name.endsWith(".yaml")) continue;
    for (const doc of parseAllDocuments(readFileSync(path, "utf8")).map((d) => d.toJS())) {
      if (doc?.kind !== "CustomResourceDefinition") continue;
      for (const version of doc.spec.versions.filter((v) => v.served)) {
        const schema = closeObjects(version.schema.openAPIV3Schema);
        // metadata is the API server's business; the CRD only says "object"
        schema.properties.metadata = { type: "object" };
        crdValidators.set(`${doc.spec.group}/${version.name}/${doc.spec.names.kind}`, ajv.compile(schema));
      }
    }
  }
}
loadCrds(join(here, "crds"));

export const parseObjects = (text) => parseAllDocuments(text).map((d) => d.toJS()).filter(Boolean);

export function renderDir(dir) {
  return parseObjects(execFileSync("kubectl", ["kustomize", dir], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }));
}

/** The objects of one environment: the overlay itself and its Kafka part (another namespace). */
export function render(overlay) {
  const dir = join(kubernetesDir, "overlays", overlay);
  const kafka = join(dir, "kafka");
  return [...renderDir(dir), ...(existsSync(kafka) ? renderDir(kafka) : [])];
}

export async function schemaProblems(obj) {
  const [group, version] = obj.apiVersion.includes("/") ? obj.apiVersion.split("/") : ["", obj.apiVersion];
  const crd = crdValidators.get(`${group}/${version}/${obj.kind}`);
  if (crd) {
    return crd(obj) ? [] : crd.errors.map((e) => `${e.instancePath || "/"} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ""}`);
  }
  if (group.includes(".") && !group.endsWith(".k8s.io")) return [`no schema for ${obj.apiVersion} ${obj.kind}: no served version of a known CRD`];
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

export function properties(service) {
  const text = readFileSync(join(repo, service, "src/main/resources/application.properties"), "utf8");
  const props = new Map();
  for (const line of text.split("\n")) {
    const m = line.match(/^([^#%\s][^=]*)=(.*)$/);
    if (m) props.set(m[1].trim(), m[2].trim());
  }
  return { text, props };
}

const sharedConfigPath = join(repo, "suite-common/src/main/resources/META-INF/microprofile-config.properties");
const sharedConfig = () => (existsSync(sharedConfigPath) ? readFileSync(sharedConfigPath, "utf8") : "");
const matches = (selector, labels) => Object.entries(selector || {}).every(([k, v]) => labels?.[k] === v);
const durationSeconds = (d) => { const m = String(d || "").match(/^(\d+)(ms|s|m)?$/); if (!m) return NaN; return Number(m[1]) * ({ ms: 0.001, s: 1, m: 60 }[m[2] || "s"]); };
export const projectVersion = () => readFileSync(join(repo, "pom.xml"), "utf8").match(/<artifactId>recruit-suite<\/artifactId>\s*<version>([^<]+)<\/version>/)?.[1];

/** The ConfigMap the services read, whatever hash suffix the generator gave its name. */
export function suiteConfig(objects) {
  const deployment = objects.find((o) => o.kind === "Deployment");
  const ref = deployment?.spec.template.spec.containers[0].envFrom?.find((e) => e.configMapRef)?.configMapRef.name;
  return objects.find((o) => o.kind === "ConfigMap" && o.metadata.name === ref);
}

export function consistencyProblems(objects) {
  const problems = [];
  const byKind = (kind) => objects.filter((o) => o.kind === kind);
  const named = (kind, name) => objects.find((o) => o.kind === kind && o.metadata.name === name);
  const podOwners = [...byKind("Deployment"), ...byKind("StatefulSet")];
  const configMap = suiteConfig(objects);
  const config = configMap?.data || {};
  const version = projectVersion();

  // a config change must roll the pods: Kustomize puts a content hash in the name, Helm a checksum on the pod template
  const rolls = (o) => new RegExp(`^${CONFIG_MAP}-[a-z0-9]{10}$`).test(configMap.metadata.name) || o.spec.template.metadata.annotations?.["checksum/config"];
  if (!configMap) problems.push(`the services read no ConfigMap named ${CONFIG_MAP}`);
  else for (const d of byKind("Deployment").filter((o) => !rolls(o))) problems.push(`${d.metadata.name}: a change of ${configMap.metadata.name} would not roll its pods`);
  // a service's own ConfigMap (the console's) too
  for (const d of byKind("Deployment")) for (const ref of d.spec.template.spec.containers.flatMap((c) => c.envFrom || []).map((e) => e.configMapRef?.name).filter(Boolean)) {
    if (!named("ConfigMap", ref)) problems.push(`${d.metadata.name}: envFrom names ConfigMap ${ref}, which is not rendered`);
    else if (!/-[a-z0-9]{10}$/.test(ref) && !d.spec.template.metadata.annotations?.["checksum/config"]) problems.push(`${d.metadata.name}: a change of ${ref} would not roll its pods`);
  }
  if (byKind("Secret").length) problems.push("a Secret is rendered: secrets must be created in the cluster, not kept here");
  for (const ing of byKind("Ingress")) problems.push(`Ingress ${ing.metadata.name}: the default entry is a Gateway API HTTPRoute (an Ingress is only an example)`);
  for (const route of byKind("HTTPRoute")) {
    for (const rule of route.spec.rules || []) for (const b of rule.backendRefs || []) {
      const svc = named("Service", b.name);
      const prefix = PUBLIC_ROUTES[b.name];
      // a rule without a path match is PathPrefix "/": everything the service serves, /q/* included
      const paths = (rule.matches?.length ? rule.matches : [{}]).map((m) => m.path);
      const within = (p) => p?.type === "PathPrefix" && (p.value === prefix || p.value?.startsWith(`${prefix}/`));
      if (!prefix) problems.push(`HTTPRoute ${route.metadata.name} exposes ${b.name}: only the gateway (/api/v1) and the console (/console) are public`);
      else if (!paths.every(within)) problems.push(`HTTPRoute ${route.metadata.name} sends more than ${prefix} to ${b.name}`);
      else if (!svc?.spec.ports.some((p) => p.port === b.port)) problems.push(`HTTPRoute ${route.metadata.name} sends to port ${b.port}, which the Service does not expose`);
    }
  }
  if (byKind("HTTPRoute").length) for (const [name, prefix] of Object.entries(PUBLIC_ROUTES)) {
    const routed = byKind("HTTPRoute").some((r) => (r.spec.rules || []).some((rule) => (rule.backendRefs || []).some((b) => b.name === name)));
    if (named("Deployment", name) && !routed) problems.push(`${name}: no HTTPRoute sends ${prefix} to it`);
  }
  const namespace = byKind("Namespace")[0];
  if (byKind("Deployment").length) {
    if (!namespace) problems.push("no Namespace object");
    else if (namespace.metadata.labels?.["pod-security.kubernetes.io/enforce"] !== "restricted") problems.push(`Namespace ${namespace.metadata.name} does not enforce the restricted Pod Security level`);
  }

  for (const service of DEPLOYED) {
    const { text, props } = properties(service);
    // a literal port, or ${QUARKUS_HTTP_PORT:<port>} (the console's)
    const port = Number(props.get("quarkus.http.port")?.replace(/^\$\{\w+:(\d+)\}$/, "$1"));
    const deployment = named("Deployment", service);
    if (!deployment) { problems.push(`${service}: no Deployment`); continue; }
    for (const kind of ["Service", "ServiceAccount", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy"]) {
      if (!named(kind, service)) problems.push(`${service}: no ${kind}`);
    }
    if (deployment.spec.replicas !== undefined && named("HorizontalPodAutoscaler", service)) problems.push(`${service}: the Deployment sets replicas although an HPA owns them (every apply would reset the scale)`);
    const pod = deployment.spec.template;
    const container = pod.spec.containers.find((c) => c.name === service);
    if (!container) { problems.push(`${service}: no container named after the service`); continue; }
    const http = (container.ports || []).find((p) => p.name === "http");
    if (!http || http.containerPort !== port) problems.push(`${service}: container port ${http?.containerPort} is not quarkus.http.port ${port}`);
    const env = new Map((container.env || []).map((e) => [e.name, e.value]));
    if (env.get("QUARKUS_HTTP_PORT") !== String(port)) problems.push(`${service}: QUARKUS_HTTP_PORT ${env.get("QUARKUS_HTTP_PORT")} is not ${port}`);
    if (env.get("QUARKUS_HTTP_HOST") !== "0.0.0.0") problems.push(`${service}: must listen on all interfaces in a pod (QUARKUS_HTTP_HOST)`);
    // every variable we set must be one the service reads, or it is a typo that silently does nothing;
    // KAFKA_* are Kafka client settings, which Quarkus passes to every Kafka client by name
    const envFromConfig = (container.envFrom || []).some((e) => e.configMapRef?.name === configMap?.metadata.name) ? Object.keys(config) : [];
    // a ConfigMap of the service's own (the console's) holds only what the service reads
    const ownConfig = (container.envFrom || []).map((e) => e.configMapRef?.name).filter((n) => n && n !== configMap?.metadata.name)
      .flatMap((n) => Object.keys(named("ConfigMap", n)?.data || {}));
    const expandedFrom = new Set([...env.values()].flatMap((v) => [...String(v ?? "").matchAll(/\$\((\w+)\)/g)].map((m) => m[1])));
    for (const name of [...env.keys(), ...envFromConfig, ...ownConfig]) {
      if (name.startsWith("QUARKUS_") || name.startsWith("KAFKA_")) continue;
      const readByService = text.includes("${" + name + ":") || text.includes("${" + name + "}");
      const meantForOthers = envFromConfig.includes(name) && !env.has(name) && !ownConfig.includes(name);
      if (!readByService && !meantForOthers && !expandedFrom.has(name)) problems.push(`${service}: sets ${name}, which its application.properties never reads`);
    }
    for (const [name, value] of env) for (const m of String(value ?? "").matchAll(/\$\((\w+)\)/g)) {
      const defined = envFromConfig.includes(m[1]) || ownConfig.includes(m[1]) || [...env.keys()].indexOf(m[1]) > -1 && [...env.keys()].indexOf(m[1]) < [...env.keys()].indexOf(name);
      if (!defined) problems.push(`${service}: ${name} refers to $(${m[1]}), which is not defined before it (Kubernetes would leave it unexpanded)`);
    }
    if (props.has("quarkus.datasource.db-kind")) {
      for (const v of ["RS_DB_NAME", "RS_DB_USER", "RS_DB_PASSWORD"]) if (!env.has(v)) problems.push(`${service}: ${v} is not set`);
      if (!config.RS_DB_HOST) problems.push("RS_DB_HOST is not configured");
    }
    if (KAFKA_ACCESS[service] && (!env.has("KAFKA_SASL_JAAS_CONFIG") || !String(env.get("KAFKA_SASL_JAAS_CONFIG")).includes(`username="${service}"`))) problems.push(`${service}: does not log in to Kafka as its own KafkaUser ${service}`);
    if (!KAFKA_ACCESS[service] && [...env.keys()].some((n) => n.startsWith("KAFKA_"))) problems.push(`${service}: uses no Kafka, yet gets a Kafka login`);
    const pom = readFileSync(join(repo, service, "pom.xml"), "utf8");
    if (!pom.includes("quarkus-smallrye-health")) problems.push(`${service}: probes need quarkus-smallrye-health`);
    if (!pom.includes("<artifactId>quarkus-container-image-jib</artifactId>") || pom.includes("quarkus-container-image-docker")) problems.push(`${service}: images are built with quarkus-container-image-jib (no Docker daemon)`);
    const probes = { startupProbe: "/q/health/started", readinessProbe: "/q/health/ready", livenessProbe: "/q/health/live" };
    for (const [probe, path] of Object.entries(probes)) {
      const get = container[probe]?.httpGet;
      // the gateway, the public door, serves /q/* on its management port only; the others on http
      const probePort = container.ports.some((p) => p.name === "management") ? "management" : "http";
      if (!get || get.path !== path || (get.port !== probePort && get.port !== port)) problems.push(`${service}: ${probe} must GET ${path} on the ${probePort} port`);
    }
    // the shutdown sequence: preStop pause, then Quarkus' not-ready delay, then draining; the grace period covers all
    const preStop = container.lifecycle?.preStop?.sleep?.seconds;
    // the console has no delay built in (quarkus.shutdown.delay-enabled is fixed at build time): preStop and the timeout only
    const needsDelay = SERVICES.includes(service);
    const delay = props.get("quarkus.shutdown.delay-enabled") === "true" ? durationSeconds(props.get("quarkus.shutdown.delay")) : needsDelay ? NaN : 0;
    const timeout = durationSeconds(env.get("QUARKUS_SHUTDOWN_TIMEOUT") ?? props.get("quarkus.shutdown.timeout"));
    if (!(preStop > 0)) problems.push(`${service}: no preStop pause, so the pod stops while endpoints still send it requests`);
    if ((needsDelay && !(delay > 0)) || !(timeout > 0)) problems.push(`${service}: ${needsDelay ? "quarkus.shutdown.delay (with delay-enabled) and " : ""}quarkus.shutdown.timeout must be set`);
    else if ((pod.spec.terminationGracePeriodSeconds ?? 30) <= preStop + delay + timeout) problems.push(`${service}: terminationGracePeriodSeconds ${pod.spec.terminationGracePeriodSeconds} does not cover preStop ${preStop}s + delay ${delay}s + timeout ${timeout}s`);
    const sc = pod.spec.securityContext || {};
    if (!sc.runAsNonRoot || container.securityContext?.allowPrivilegeEscalation !== false || !container.securityContext?.readOnlyRootFilesystem) {
      problems.push(`${service}: must run as non-root, without privilege escalation, on a read-only root filesystem`);
    }
    if (!container.resources?.requests?.cpu || !container.resources?.limits?.memory) problems.push(`${service}: needs cpu requests and memory limits`);
    // the key files the service reads must be mounted for it, and nothing else (least privilege); the
    // configuration every service shares (suite-common) names files only the services using that part read
    const keyFiles = (t) => [...t.matchAll(/\$\{rs\.keys-dir\}\/([\w.-]+)/g)].map((m) => m[1]);
    const wanted = [...new Set([...keyFiles(text), ...(SHARED_KEY_FILES_READ[service] || [])])].sort();
    const shared = keyFiles(sharedConfig());
    const keysVolume = pod.spec.volumes.find((v) => v.secret?.secretName === "recruit-suite-keys");
    const mounted = (keysVolume?.secret.items || []).map((i) => i.path).sort();
    if (wanted.some((f) => !mounted.includes(f)) || mounted.some((f) => !wanted.includes(f) && !shared.includes(f))) problems.push(`${service}: mounts keys [${mounted}] but reads [${wanted}]`);
    const mount = container.volumeMounts?.find((m) => m.name === keysVolume?.name);
    if (!mount || mount.mountPath !== env.get("RS_KEYS_DIR")) problems.push(`${service}: the key volume is not mounted at RS_KEYS_DIR`);
    // images: a registry and a tag <project version>-<commit>, set by the overlay
    const [image, tag] = container.image.split(/:(?=[^/]+$)/);
    if (!image.includes(".") || !image.endsWith(`/${service}`)) problems.push(`${service}: image ${container.image} names no registry`);
    if (!tag || !new RegExp(`^${version.replace(/\./g, "\\.")}-[0-9a-f]{7,40}$`).test(tag)) problems.push(`${service}: image tag ${tag} is not <project version ${version}>-<commit>`);
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
  for (const [name, url] of Object.entries(config).filter(([k]) => k.startsWith("RS_UPSTREAM_"))) {
    const u = new URL(url);
    const svc = named("Service", u.hostname);
    const port = Number(u.port || (u.protocol === "https:" ? 443 : 80));
    if (!svc) problems.push(`${name} points at ${u.hostname}, which is not a Service`);
    else if (!svc.spec.ports.some((p) => p.port === port)) problems.push(`${name} calls port ${port}, which Service ${u.hostname} does not expose`);
  }
  if (config.RS_REDIS_HOST && !named("Service", config.RS_REDIS_HOST) && named("StatefulSet", "redis")) problems.push("RS_REDIS_HOST is not the redis Service");

  // PostgreSQL: the services through a transaction-mode pooler, Flyway directly; the budget holds at every HPA maximum
  const cluster = byKind("Cluster")[0];
  if (cluster) {
    const pooler = byKind("Pooler").find((p) => p.spec.cluster.name === cluster.metadata.name && p.spec.type === "rw");
    if (!pooler) problems.push(`no rw Pooler in front of ${cluster.metadata.name}`);
    else {
      if (config.RS_DB_HOST !== pooler.metadata.name) problems.push(`RS_DB_HOST must be the Pooler ${pooler.metadata.name}`);
      if (pooler.spec.pgbouncer.poolMode !== "transaction") problems.push(`Pooler ${pooler.metadata.name} is not in transaction mode`);
      if (config.RS_DB_DIRECT_HOST !== `${cluster.metadata.name}-rw`) problems.push(`RS_DB_DIRECT_HOST must be the primary service ${cluster.metadata.name}-rw`);
      const pb = pooler.spec.pgbouncer.parameters || {};
      const dbServices = SERVICES.filter((s) => properties(s).props.has("quarkus.datasource.db-kind"));
      const maxReplicas = (s) => named("HorizontalPodAutoscaler", s)?.spec.maxReplicas ?? 1;
      const clients = dbServices.reduce((n, s) => n + maxReplicas(s) * Number(properties(s).props.get("quarkus.datasource.reactive.max-size") || 20), 0);
      if (Number(pb.max_client_conn) < clients) problems.push(`Pooler max_client_conn ${pb.max_client_conn} is below the ${clients} connections of every service pool at the HPA maximum`);
      const direct = dbServices.reduce((n, s) => {
        const c = named("Deployment", s).spec.template.spec.containers[0];
        const jdbcMax = Number(c.env.find((e) => e.name === "QUARKUS_DATASOURCE_JDBC_MAX_SIZE")?.value ?? properties(s).props.get("quarkus.datasource.jdbc.max-size") ?? 20);
        return n + maxReplicas(s) * jdbcMax;
      }, 0);
      const server = (pooler.spec.instances ?? 1) * dbServices.length * Number(pb.default_pool_size || 20);
      // CloudNativePG's instance manager, exporter and superuser_reserved_connections
      const operatorReserve = 10;
      const max = Number(cluster.spec.postgresql.parameters.max_connections);
      if (server + direct + operatorReserve > max) problems.push(`connection budget: ${server} pooled + ${direct} direct + ${operatorReserve} reserved > max_connections ${max}`);
      for (const p of ["hnsw.ef_search", "hnsw.iterative_scan"]) {
        // search-service stores them on its database too (R__session_settings.sql); the server setting covers a fresh restore
        if (!cluster.spec.postgresql.parameters[p]) problems.push(`${p} must be a server setting: PgBouncer drops startup parameters`);
      }
    }
    if (!/:\d+\.\d+/.test(cluster.spec.imageName || "")) problems.push(`Cluster ${cluster.metadata.name}: PostgreSQL image not pinned to a minor version`);
    if (!cluster.spec.backup?.barmanObjectStore?.wal) problems.push(`Cluster ${cluster.metadata.name}: no WAL archiving to an object store (no point-in-time recovery)`);
    if (!byKind("ScheduledBackup").some((b) => b.spec.cluster.name === cluster.metadata.name)) problems.push(`Cluster ${cluster.metadata.name}: no ScheduledBackup`);
  }

  // monitoring: the Prometheus Operator's objects, not annotations it ignores
  for (const o of podOwners) if (Object.keys(o.spec.template.metadata.annotations || {}).some((a) => a.startsWith("prometheus.io/"))) problems.push(`${o.metadata.name}: prometheus.io annotations are ignored by the Prometheus Operator`);
  if (byKind("Deployment").length) {
    const monitors = byKind("ServiceMonitor");
    for (const service of DEPLOYED) {
      const svc = named("Service", service);
      const monitor = monitors.find((m) => (m.spec.selector.matchExpressions || []).every((e) => e.operator === "In" && e.values.includes(svc?.metadata.labels?.[e.key]))
        && matches(m.spec.selector.matchLabels, svc?.metadata.labels));
      if (!monitor) problems.push(`${service}: no ServiceMonitor selects its Service`);
      else if (!monitor.spec.endpoints.some((e) => e.path === "/q/metrics" && svc.spec.ports.some((p) => p.name === e.port))) problems.push(`${service}: the ServiceMonitor does not scrape /q/metrics on a port the Service names`);
    }
    const rules = byKind("PrometheusRule").flatMap((r) => r.spec.groups.flatMap((g) => g.rules)).filter((r) => r.alert);
    if (!rules.length) problems.push("no PrometheusRule with alerts");
    for (const r of rules) if (!r.annotations?.runbook_url) problems.push(`alert ${r.alert} has no runbook_url`);
    if (!rules.some((r) => /absent\(up\{/.test(r.expr))) problems.push("no alert for a target that disappeared (absent(up{...}))");
  }

  // Kafka: the suite's topics, one user per service with exactly its access
  const topicsJava = readFileSync(join(repo, "suite-common/src/main/java/io/recruitsuite/common/events/Topics.java"), "utf8");
  const topics = [...topicsJava.matchAll(/String \w+_EVENTS = "([^"]+)"/g)].map((m) => m[1]).sort();
  const declared = byKind("KafkaTopic").map((t) => t.spec.topicName).sort();
  if (byKind("KafkaTopic").length && JSON.stringify(topics) !== JSON.stringify(declared)) problems.push(`KafkaTopics [${declared}] are not the suite's topics [${topics}]`);
  if (byKind("KafkaUser").length) {
    for (const [service, access] of Object.entries(KAFKA_ACCESS)) {
      const user = named("KafkaUser", service);
      if (!user) { problems.push(`no KafkaUser ${service}`); continue; }
      const acls = user.spec.authorization?.acls || [];
      const topicsWith = (op) => acls.filter((a) => a.resource.type === "topic" && a.operations.some((o) => o === op || o === "All")).map((a) => a.resource.name).sort();
      if (JSON.stringify(topicsWith("Write")) !== JSON.stringify(access.write.sort())) problems.push(`KafkaUser ${service} may write [${topicsWith("Write")}], should write only [${access.write}]`);
      if (JSON.stringify(topicsWith("Read")) !== JSON.stringify(access.read.sort())) problems.push(`KafkaUser ${service} may read [${topicsWith("Read")}], should read only [${access.read}]`);
      if (acls.some((a) => a.resource.type === "topic" && a.resource.patternType === "prefix")) problems.push(`KafkaUser ${service} has a topic ACL by prefix`);
    }
  }
  const bootstrap = config.KAFKA_BOOTSTRAP_SERVERS;
  const kafkaNamespace = byKind("KafkaTopic")[0]?.metadata.namespace;
  if (bootstrap && kafkaNamespace && !bootstrap.startsWith(`recruit-kafka-kafka-bootstrap.${kafkaNamespace}.svc:`)) problems.push(`KAFKA_BOOTSTRAP_SERVERS ${bootstrap} is not the bootstrap Service of the Kafka namespace ${kafkaNamespace}`);
  if (kafkaNamespace && namespace && kafkaNamespace === namespace.metadata.name) problems.push("Kafka topics and users must live in the Kafka cluster's namespace");
  if (byKind("Deployment").length) problems.push(...consoleProblems(objects));
  return problems;
}

// Settings whose default in application.properties only works on a developer's machine (a loopback
// address, a path into the checkout) or is empty: the Deployment must set them. The client id's
// default names the local demo realm's client; each deployment registers its own.
const localDefault = (value) => value === undefined || value === "" || /127\.0\.0\.1|localhost|\.\.\//.test(value);
const CONSOLE_ALWAYS_SET = ["RS_OIDC_CLIENT_ID"];
// what the console calls, by the Service that must answer
const CONSOLE_UPSTREAMS = { RS_GATEWAY_URL: "gateway-service", RS_UPSTREAM_KEYS: "keys-service" };

/**
 * The console as deployed, checked without starting it (it needs a reachable OpenID provider at start): every
 * RS_* variable its application.properties reads without a default that works in a cluster is set by its
 * Deployment (env, or a ConfigMap it reads whole), credentials from a Secret, the issuer over https, the
 * upstream URLs at the Services that serve them, and cookies Secure. Key files at RS_KEYS_DIR: the loop above.
 */
export function consoleProblems(objects) {
  const problems = [];
  const deployment = objects.find((o) => o.kind === "Deployment" && o.metadata.name === CONSOLE);
  if (!deployment) return [`${CONSOLE}: no Deployment`];
  const container = deployment.spec.template.spec.containers.find((c) => c.name === CONSOLE);
  if (!container) return [`${CONSOLE}: no container named after the service`];
  // the container's environment as the kubelet builds it: envFrom ConfigMaps first, then env
  const resolved = new Map();
  for (const e of container.envFrom || []) {
    const data = objects.find((o) => o.kind === "ConfigMap" && o.metadata.name === e.configMapRef?.name)?.data || {};
    for (const [k, v] of Object.entries(data)) resolved.set(k, { value: v, from: `ConfigMap ${e.configMapRef.name}` });
  }
  for (const e of container.env || []) {
    const ref = e.valueFrom?.configMapKeyRef;
    if (e.valueFrom?.secretKeyRef) resolved.set(e.name, { secret: e.valueFrom.secretKeyRef });
    else if (ref) resolved.set(e.name, { value: objects.find((o) => o.kind === "ConfigMap" && o.metadata.name === ref.name)?.data?.[ref.key], from: `ConfigMap ${ref.name}` });
    else resolved.set(e.name, { value: e.value });
  }
  const { text } = properties(CONSOLE);
  for (const line of text.split("\n")) {
    // the properties of every profile and of the prod profile (a jar runs as prod)
    const m = line.match(/^(%prod\.)?([^#%\s][^=]*)=(.*)$/);
    if (!m) continue;
    const [, , key, value] = m;
    for (const v of value.matchAll(/\$\{(RS_\w+)(?::((?:[^${}]|\$\{[^}]*\})*))?\}/g)) {
      const [, name, fallback] = v;
      const set = resolved.get(name);
      const credential = /secret|signature-key|password|token/i.test(key.trim());
      if (!set || (!set.secret && (set.value === undefined || set.value === ""))) {
        const why = fallback === undefined || fallback === "" ? "is empty" : localDefault(fallback) ? `(${fallback}) only works locally` : `(${fallback}) is the local demo's`;
        if (localDefault(fallback) || CONSOLE_ALWAYS_SET.includes(name)) problems.push(`${CONSOLE}: ${name} (${key.trim()}) is not set, and its default ${why}`);
      } else if (credential && !set.secret) problems.push(`${CONSOLE}: ${name} (${key.trim()}) is a credential: it must come from a Secret (secretKeyRef), not ${set.from || "a plain value"}`);
    }
  }
  const issuer = resolved.get("RS_OIDC_ISSUER")?.value;
  if (issuer) {
    let url;
    try { url = new URL(issuer); } catch { /* reported below */ }
    if (url?.protocol !== "https:" || /^(127\.|localhost$)/.test(url.hostname)) problems.push(`${CONSOLE}: RS_OIDC_ISSUER ${issuer} is not an https URL of a provider`);
  }
  for (const [name, service] of Object.entries(CONSOLE_UPSTREAMS)) {
    const value = resolved.get(name)?.value;
    if (!value) continue;
    const u = new URL(value);
    const svc = objects.find((o) => o.kind === "Service" && o.metadata.name === u.hostname);
    const port = Number(u.port || (u.protocol === "https:" ? 443 : 80));
    if (u.hostname !== service) problems.push(`${CONSOLE}: ${name} ${value} is not the ${service} Service`);
    else if (!svc?.spec.ports.some((p) => p.port === port && p.name === "http")) problems.push(`${CONSOLE}: ${name} calls port ${port}, which Service ${service} does not expose as http`);
  }
  if (resolved.get("RS_CONSOLE_SECURE_COOKIES")?.value === "false") problems.push(`${CONSOLE}: RS_CONSOLE_SECURE_COOKIES is false, but the Gateway serves the console over TLS`);
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
    // the checks must be able to fail: a wrong port, and the previous Strimzi API version, have to be caught
    const broken = structuredClone(objects);
    broken.find((o) => o.kind === "Deployment").spec.template.spec.containers[0].ports[0].containerPort += 1;
    if (!consistencyProblems(broken).some((p) => p.includes("container port"))) problems.push("self-check: a wrong container port went unnoticed");
    // and the console's environment: an issuer left out, a client secret written into the manifest
    const noIssuer = structuredClone(objects);
    for (const cm of noIssuer.filter((o) => o.kind === "ConfigMap")) delete cm.data.RS_OIDC_ISSUER;
    if (!consoleProblems(noIssuer).some((p) => p.includes("RS_OIDC_ISSUER"))) problems.push("self-check: a console without RS_OIDC_ISSUER went unnoticed");
    const plainSecret = structuredClone(objects);
    const consoleEnv = plainSecret.find((o) => o.kind === "Deployment" && o.metadata.name === CONSOLE)?.spec.template.spec.containers[0].env || [];
    for (const e of consoleEnv.filter((x) => x.name === "RS_OIDC_CLIENT_SECRET")) { delete e.valueFrom; e.value = "written-down"; }
    if (!consoleProblems(plainSecret).some((p) => p.includes("RS_OIDC_CLIENT_SECRET"))) problems.push("self-check: a console client secret outside a Secret went unnoticed");
    const oldTopic = { ...objects.find((o) => o.kind === "KafkaTopic"), apiVersion: "kafka.strimzi.io/v1beta2" };
    if (!(await schemaProblems(oldTopic)).length) problems.push("self-check: a KafkaTopic of kafka.strimzi.io/v1beta2 went unnoticed");
    const kinds = new Set(objects.map((o) => o.kind));
    console.log(`${overlay}: ${objects.length} objects (${[...kinds].sort().join(", ")}): ${problems.length ? "FAILED" : "valid"}`);
    for (const p of problems) console.log(`  - ${p}`);
    failed += problems.length;
  }
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
