// The Helm chart renders the same objects as the Kustomize tree: for each environment, the same kinds and
// names (the generated ConfigMap's hash aside, Kafka objects in the Kafka namespace), the same containers
// (image, ports, environment, probes, resources, mounts), autoscaling bounds and network policies, and the
// Helm render passes the same schema and consistency checks as the Kustomize one.
//   node compare.mjs HELM_BINARY
import { execFileSync } from "node:child_process";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { render, parseObjects, schemaProblems, consistencyProblems } from "../kubernetes/validate/validate.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const helm = process.argv[2];
const CHART = join(here, "recruit-suite");
const ENVIRONMENTS = { prod: { namespace: "recruit", values: [] }, dev: { namespace: "recruit-dev", values: ["-f", join(CHART, "values-dev.yaml")] } };

const key = (o) => `${o.kind}/${o.kind === "ConfigMap" ? o.metadata.name.replace(/-[a-z0-9]{10}$/, "") : o.metadata.name}`;
const container = (o) => {
  const c = structuredClone(o.spec.template.spec.containers[0]);
  for (const e of c.envFrom || []) if (e.configMapRef) e.configMapRef.name = e.configMapRef.name.replace(/-[a-z0-9]{10}$/, "");
  return c;
};
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const sortKeys = (v) => Array.isArray(v) ? v.map(sortKeys) : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])])) : v;

let failed = 0;
for (const [env, { namespace, values }] of Object.entries(ENVIRONMENTS)) {
  const kustomize = render(env);
  const out = execFileSync(helm, ["template", "recruit-suite", CHART, "--namespace", namespace, ...values], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const chart = parseObjects(out);
  const problems = [];
  const k = new Map(kustomize.map((o) => [key(o), o]));
  const h = new Map(chart.map((o) => [key(o), o]));
  for (const name of k.keys()) if (!h.has(name)) problems.push(`only Kustomize renders ${name}`);
  for (const name of h.keys()) if (!k.has(name)) problems.push(`only Helm renders ${name}`);
  for (const [name, ho] of h) {
    const ko = k.get(name);
    if (!ko) continue;
    if (ho.metadata.namespace && ho.metadata.namespace !== ko.metadata.namespace) problems.push(`${name}: Helm puts it in namespace ${ho.metadata.namespace}, Kustomize in ${ko.metadata.namespace}`);
    if (ho.kind === "Deployment" || ho.kind === "StatefulSet") {
      const [hc, kc] = [container(ho), container(ko)];
      for (const field of ["image", "ports", "env", "envFrom", "startupProbe", "readinessProbe", "livenessProbe", "resources", "lifecycle", "securityContext", "volumeMounts", "args"]) {
        if (!same(sortKeys(hc[field]), sortKeys(kc[field]))) problems.push(`${name}: container ${field} differs`);
      }
      for (const field of ["securityContext", "volumes", "terminationGracePeriodSeconds", "topologySpreadConstraints"]) {
        if (!same(sortKeys(ho.spec.template.spec[field]), sortKeys(ko.spec.template.spec[field]))) problems.push(`${name}: pod ${field} differs`);
      }
      if (ho.spec.replicas !== ko.spec.replicas) problems.push(`${name}: replicas differ`);
    } else if (["HorizontalPodAutoscaler", "NetworkPolicy", "Service", "HTTPRoute", "Pooler", "Cluster", "KafkaTopic", "KafkaUser", "ServiceMonitor", "PrometheusRule", "ScheduledBackup", "Database"].includes(ho.kind)) {
      if (!same(sortKeys(ho.spec), sortKeys(ko.spec))) problems.push(`${name}: spec differs`);
    } else if (ho.kind === "ConfigMap" && !same(sortKeys(ho.data), sortKeys(ko.data))) problems.push(`${name}: data differs`);
  }
  for (const o of chart) for (const p of await schemaProblems(o)) problems.push(`Helm ${o.kind} ${o.metadata?.name}: ${p}`);
  for (const p of consistencyProblems(chart)) problems.push(`Helm: ${p}`);
  console.log(`${env}: Kustomize ${kustomize.length} objects, Helm ${chart.length}: ${problems.length ? "DIFFERENT" : "the same objects"}`);
  for (const p of problems) console.log(`  - ${p}`);
  failed += problems.length ? 1 : 0;
}
console.log(`${Object.keys(ENVIRONMENTS).length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
