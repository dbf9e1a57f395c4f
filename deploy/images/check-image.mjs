// Checks an image tarball (`docker save` layout, as Jib writes it) against the Deployment that runs it.
//   node check-image.mjs IMAGE.tar SERVICE COMMIT
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { render, projectVersion } from "../kubernetes/validate/validate.mjs";

const [tarball, service, commit] = process.argv.slice(2);
const read = (member) => execFileSync("tar", ["-xOf", tarball, member], { maxBuffer: 1 << 30 });
const manifest = JSON.parse(read("manifest.json"))[0];
const image = JSON.parse(read(manifest.Config));
const deployment = render("prod").find((o) => o.kind === "Deployment" && o.metadata.name === service);
const pod = deployment.spec.template.spec;
const container = pod.containers.find((c) => c.name === service);
const problems = [];
const check = (ok, what) => { console.log(`   ${ok ? "ok" : "WRONG"}: ${what}`); if (!ok) problems.push(what); };

const tag = `${projectVersion()}-${commit}`;
check(manifest.RepoTags.some((t) => t.endsWith(`/recruit-suite/${service}:${tag}`) && t.split("/")[0].includes(".")),
  `named <registry>/recruit-suite/${service}:${tag} (${manifest.RepoTags})`);
const entrypoint = image.config.Entrypoint || [];
check(entrypoint[0] === "java" && entrypoint.slice(-2).join(" ") === "-jar /deployments/quarkus-run.jar",
  `entrypoint runs the Quarkus application (${JSON.stringify(entrypoint)})`);
check(String(image.config.User) === String(pod.securityContext.runAsUser),
  `user ${image.config.User} is the Deployment's runAsUser ${pod.securityContext.runAsUser}`);
const ports = container.ports.map((p) => `${p.containerPort}/tcp`).sort();
check(JSON.stringify(Object.keys(image.config.ExposedPorts || {}).sort()) === JSON.stringify(ports),
  `exposes ${Object.keys(image.config.ExposedPorts || {})}, the Deployment's container ports ${ports}`);

// unpack the layers in order and start the image's Java runtime as the image's user
const root = mkdtempSync(join(tmpdir(), `recruit-image-${service}-`));
chmodSync(root, 0o755); // it becomes the unprivileged user's /
try {
  for (const layer of manifest.Layers) execFileSync("sh", ["-c", `tar -xOf "$1" "$2" | tar --warning=no-unknown-keyword -x${layer.endsWith(".gz") ? "z" : ""} -C "$3"`, "sh", tarball, layer, root]);
  const app = execFileSync("sh", ["-c", `ls "$1/deployments"`, "sh", root], { encoding: "utf8" }).split("\n");
  check(["quarkus-run.jar", "lib", "app", "quarkus"].every((f) => app.includes(f)), `/deployments holds the fast-jar layout (${app.filter(Boolean)})`);
  const env = Object.fromEntries(image.config.Env.map((e) => e.split(/=(.*)/s).slice(0, 2)));
  // as a container runtime would: own mount and process namespaces with /proc (the loader needs it to find
  // the JDK's own libraries), the image's root, user and environment; java -version answers on stderr
  const unshare = execFileSync("sh", ["-c", "command -v unshare"], { encoding: "utf8" }).trim();
  const run = spawnSync(unshare, ["--mount", "--pid", "--fork", `--mount-proc=${root}/proc`, "chroot", `--userspec=${image.config.User}:${image.config.User}`, root,
    entrypoint[0], "-version"], { encoding: "utf8", env: { ...env, PATH: `${env.PATH}:${process.env.PATH}` } });
  const version = `${run.stderr}${run.stdout}`.trim();
  check(/version "\d+/.test(version), `the image's java starts as user ${image.config.User} (${version.split("\n")[0]})`);
} catch (e) {
  check(false, `the image's runtime starts (${String(e.stderr || e.message).trim().split("\n")[0]})`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
console.log(problems.length ? `image ${service}: FAILED` : `image ${service}: valid`);
console.log(`${problems.length ? 0 : 1} passed, ${problems.length ? 1 : 0} failed`);
process.exit(problems.length ? 1 : 0);
