// The configuration that is deployed is the configuration that is tested.
//
// For each overlay: render it, take every Deployment's environment exactly as rendered (the generated
// ConfigMap, the Secrets' key names filled with local values, the env list with Kubernetes' $(VAR)
// expansion), and start the five services from their packaged jars with it on loopback. Each Service
// name resolves, through a hosts file given to every JVM, to an address of its own where a forwarder
// listens on the Service's port and passes to the "pod" on its container port, as kube-proxy does.
// The dependencies are this test's own: a Kafka broker with SCRAM logins and the ACLs of the rendered
// KafkaUsers, topics from the rendered KafkaTopics (no auto-creation), a Redis, and fresh databases
// recruit_<db>_deploy on the local PostgreSQL. Then, as a user would: a key-authenticated request
// through the gateway to each upstream (keys-service both verifying the key and serving a dashboard
// session's route), the aggregated OpenAPI document, and one event (candidate.created) through the
// outbox and Kafka to a webhook receiver, signed. Where the overlay's policy forbids a plain-http
// private receiver (prod), the refusal is checked instead, and the event must still leave the outbox.
//
// The web console (console-service) is not started: it needs a reachable OpenID provider at start
// (its discovery document, over https at the deployment's issuer), which a test on loopback cannot
// stand in for without changing the console's trust store. Its rendered Deployment is checked
// statically instead (validate.mjs, consoleProblems): every setting without a cluster-ready default
// set, credentials from Secrets, the key files mounted, the gateway and keys-service URLs at their
// Services. The keys-service started here mounts the console's credential (console-token) as deployed,
// and must answer the console's identity lookup with it (and refuse it without).
//
// What differs from a pod, and why (nothing else is changed):
//  - QUARKUS_HTTP_HOST (and the gateway's QUARKUS_MANAGEMENT_HOST) is the pod's own address instead of 0.0.0.0
//    (pods share no network namespace here);
//  - RS_KEYS_DIR is a folder holding exactly the Secret items the pod mounts, instead of /etc/recruit/keys;
//  - RS_DB_NAME gets the suffix _deploy, so the test never touches another stack's database;
//  - the JVM resolves names from the hosts file (-Djdk.net.hosts.file, Vert.x set to use the JDK resolver).
// Everything started here is stopped at the end, also after a failure or Ctrl-C.
//
// node deployed-config.mjs [overlay ...]   (deploy/kubernetes/test-deployed-config.sh prepares and runs it)
import { spawn, execFileSync } from "node:child_process";
import { createServer, connect } from "node:net";
import { createServer as createHttpServer } from "node:http";
import { chmodSync, mkdtempSync, mkdirSync, writeFileSync, rmSync, existsSync, openSync } from "node:fs";
import { generateKeyPairSync, randomBytes, createSign, createHmac } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { render, suiteConfig, consoleProblems, repo, OVERLAYS, SERVICES } from "./validate.mjs";

const KAFKA_LIB = process.env.RS_KAFKA_LIB || join(repo, ".suite", "kafka", "lib");
const PG = { host: "127.0.0.1", port: 5432, user: process.env.RS_DEPLOY_DB_USER || "recruit", password: process.env.RS_DEPLOY_DB_PASSWORD || "recruit" };
const READY_SECONDS = Number(process.env.RS_DEPLOY_READY_SECONDS || 240);
const EVENT_SECONDS = Number(process.env.RS_DEPLOY_EVENT_SECONDS || 90);
const HEAP = { "search-service": "768m" };
const DEFAULT_HEAP = "320m";
// address blocks on the loopback interface: Services, pods, the test's own dependencies
const SERVICE_NET = "127.0.1.";
const POD_NET = "127.0.2.";
const KAFKA_ADDRESS = "127.0.3.1";
const REDIS_ADDRESS = "127.0.3.2";
const RECEIVER_ADDRESS = "127.0.4.1";
const POOLER_ADDRESS = "127.0.3.3";
// the services' PostgreSQL client uses named prepared statements, which PgBouncer keeps across
// transaction-mode pooling from 1.21 on (max_prepared_statements); an older one breaks every query
const PGBOUNCER_MIN_VERSION = [1, 21];
const DB_SUFFIX = "_deploy";

const started = []; // { name, kill() } in start order
const log = (...a) => console.log("  ", ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// everything this run started, stopped together (the services drain in parallel, as pods of a rollout would)
async function stopAll() {
  const all = started.splice(0);
  await Promise.all(all.map((p) => p.stop().catch(() => { /* already gone */ })));
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, async () => { await stopAll(); process.exit(130); });

function startProcess(name, cmd, args, opts) {
  const out = openSync(opts.logFile, "a");
  const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ["ignore", out, out], ...(opts.uid !== undefined && { uid: opts.uid, gid: opts.gid }) });
  const exited = new Promise((r) => child.on("exit", r));
  const entry = {
    name, child, exited, logFile: opts.logFile,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      if (await Promise.race([exited.then(() => true), sleep(opts.stopSeconds * 1000).then(() => false)])) return;
      child.kill("SIGKILL");
      await exited;
    },
  };
  started.push(entry);
  return entry;
}

function forward(listenHost, listenPort, targetHost, targetPort) {
  const sockets = new Set();
  const server = createServer((client) => {
    const upstream = connect(targetPort, targetHost);
    client.pipe(upstream).pipe(client);
    const close = () => { client.destroy(); upstream.destroy(); sockets.delete(client); sockets.delete(upstream); };
    sockets.add(client); sockets.add(upstream);
    client.on("error", close); upstream.on("error", close);
    client.on("close", close); upstream.on("close", close);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(listenPort, listenHost, () => {
      // pooled keep-alive connections would hold close() open: end them with the forwarder
      const stop = () => new Promise((r) => { server.close(() => r()); for (const s of sockets) s.destroy(); });
      started.push({ name: `forward ${listenHost}:${listenPort}`, stop });
      resolve();
    });
  });
}

function psql(sql, db = "postgres") {
  execFileSync("runuser", ["-u", "postgres", "--", "psql", "-p", String(PG.port), "-v", "ON_ERROR_STOP=1", "-qAt", "-d", db, "-c", sql],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, PGOPTIONS: "-c client_min_messages=warning" } });
}

function freshDatabase(name, search) {
  psql(`drop database if exists ${name} with (force)`);
  psql(`create database ${name} owner ${PG.user}`);
  // pgvector is not a trusted extension: the superuser creates it, as CloudNativePG's Database object does
  if (search) psql("create extension if not exists vector; create extension if not exists btree_gin", name);
}

/** The Secret items a pod can read, with local values: key material generated for this run. */
function localSecrets(work) {
  const pem = (pair) => ({ priv: pair.privateKey.export({ type: "pkcs8", format: "pem" }), pub: pair.publicKey.export({ type: "spki", format: "pem" }) });
  const internal = pem(generateKeyPairSync("ec", { namedCurve: "P-256" }));
  const dashboard = pem(generateKeyPairSync("ec", { namedCurve: "P-256" }));
  const keys = {
    "internal-signing.pem": internal.priv, "internal-verify.pem": internal.pub,
    "dashboard-signing.pem": dashboard.priv, "dashboard-verify.pem": dashboard.pub,
    "key-pepper": randomBytes(32).toString("hex"), "operator-token": randomBytes(24).toString("hex"), "document-reader-token": randomBytes(24).toString("hex"),
    "console-token": randomBytes(24).toString("hex"),
    "webhook-secret-key": randomBytes(32).toString("hex"),
  };
  const kafkaPasswords = {};
  return {
    keys,
    kafkaPasswords,
    value(secret, key) {
      if (secret.startsWith("recruit-db-")) return { username: PG.user, password: PG.password }[key];
      if (secret.startsWith("recruit-kafka-") && key === "password") return (kafkaPasswords[secret] ??= randomBytes(18).toString("hex"));
      if (secret === "recruit-suite-keys") return keys[key];
      throw new Error(`no local value for key ${key} of Secret ${secret}`);
    },
    mount(dir, items) {
      mkdirSync(dir, { recursive: true });
      for (const item of items) writeFileSync(join(dir, item.path), keys[item.key], { mode: 0o400 });
    },
  };
}

/** A container's environment as the kubelet builds it: envFrom first, then env in order with $(VAR) expansion. */
function containerEnv(container, objects, secrets, substitute) {
  const env = {};
  for (const from of container.envFrom || []) {
    const cm = objects.find((o) => o.kind === "ConfigMap" && o.metadata.name === from.configMapRef?.name);
    if (!cm) throw new Error(`envFrom names ConfigMap ${from.configMapRef?.name}, which is not rendered`);
    Object.assign(env, cm.data);
  }
  for (const e of container.env || []) {
    let value;
    if (e.valueFrom?.secretKeyRef) value = secrets.value(e.valueFrom.secretKeyRef.name, e.valueFrom.secretKeyRef.key);
    else if (e.valueFrom?.configMapKeyRef) value = objects.find((o) => o.kind === "ConfigMap" && o.metadata.name === e.valueFrom.configMapKeyRef.name)?.data[e.valueFrom.configMapKeyRef.key];
    else value = String(e.value ?? "").replace(/\$\((\w+)\)/g, (m, name) => (name in env ? env[name] : m));
    env[e.name] = substitute(e.name, value);
  }
  return env;
}

function hostAndPort(address) {
  const [host, port] = address.split(":");
  return { host, port: Number(port) };
}

async function startKafka(work, objects, secrets, config) {
  const bootstrap = hostAndPort(config.KAFKA_BOOTSTRAP_SERVERS.split(",")[0]);
  const adminPassword = randomBytes(18).toString("hex");
  const users = objects.filter((o) => o.kind === "KafkaUser");
  const scram = users.map((u) => {
    const ref = u.spec.authentication.password.valueFrom.secretKeyRef;
    return `SCRAM-SHA-512=[name=${u.metadata.name},password=${secrets.value(ref.name, ref.key)}]`;
  });
  const dir = join(work, "kafka");
  mkdirSync(join(dir, "data"), { recursive: true });
  writeFileSync(join(dir, "server.properties"), [
    "process.roles=broker,controller", "node.id=1",
    `controller.quorum.voters=1@${KAFKA_ADDRESS}:${bootstrap.port + 1}`,
    `listeners=SASL_PLAINTEXT://${KAFKA_ADDRESS}:${bootstrap.port},CONTROLLER://${KAFKA_ADDRESS}:${bootstrap.port + 1}`,
    `advertised.listeners=SASL_PLAINTEXT://${bootstrap.host}:${bootstrap.port}`,
    "listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT",
    "inter.broker.listener.name=SASL_PLAINTEXT", "controller.listener.names=CONTROLLER",
    "sasl.enabled.mechanisms=SCRAM-SHA-512", "sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512",
    `listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${adminPassword}";`,
    // as on a Strimzi cluster with simple authorization: what a user's ACLs do not allow is refused
    "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
    "super.users=User:admin;User:ANONYMOUS", "allow.everyone.if.no.acl.found=false",
    "auto.create.topics.enable=false", `log.dirs=${join(dir, "data")}`,
    "offsets.topic.replication.factor=1", "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
    "share.coordinator.state.topic.replication.factor=1", "share.coordinator.state.topic.min.isr=1",
    "group.initial.rebalance.delay.ms=0",
  ].join("\n") + "\n");
  // the broker's own name for itself must resolve for the inter-broker listener
  const hosts = join(dir, "hosts");
  writeFileSync(hosts, `127.0.0.1 localhost\n${KAFKA_ADDRESS} ${bootstrap.host}\n`);
  const cp = `${KAFKA_LIB}/*`;
  const clusterId = randomBytes(16).toString("base64url");
  // "=": a random id may start with "-"
  execFileSync("java", ["-cp", cp, "kafka.tools.StorageTool", "format", `--cluster-id=${clusterId}`, "-c", join(dir, "server.properties"),
    "--add-scram", `SCRAM-SHA-512=[name=admin,password=${adminPassword}]`, ...scram.flatMap((s) => ["--add-scram", s])], { stdio: ["ignore", "pipe", "pipe"] });
  const log4j = join(repo, "deploy", "local", "kafka", "log4j.properties");
  startProcess("kafka", "java", ["-Xms128m", "-Xmx384m", `-Djdk.net.hosts.file=${hosts}`, ...(existsSync(log4j) ? [`-Dlog4j.configuration=file:${log4j}`] : []),
    "-cp", cp, "kafka.Kafka", join(dir, "server.properties")], { cwd: dir, env: process.env, logFile: join(work, "kafka.log"), stopSeconds: 15 });
  await waitPort(KAFKA_ADDRESS, bootstrap.port, 60, "the test's Kafka broker", join(work, "kafka.log"));
  // topics and ACLs, as Strimzi's Topic and User Operators would create them
  const spec = [`admin ${KAFKA_ADDRESS}:${bootstrap.port} admin ${adminPassword}`];
  for (const t of objects.filter((o) => o.kind === "KafkaTopic")) {
    spec.push(`topic ${t.spec.topicName || t.metadata.name} ${t.spec.partitions} ${Object.entries(t.spec.config || {}).map(([k, v]) => `${k}=${v}`).join(" ")}`);
  }
  for (const u of users) for (const acl of u.spec.authorization?.acls || []) for (const op of acl.operations) {
    spec.push(`acl ${u.metadata.name} ${acl.resource.type} ${acl.resource.name ?? "kafka-cluster"} ${acl.resource.patternType ?? "literal"} ${op} ${acl.host ?? "*"}`);
  }
  writeFileSync(join(dir, "setup.txt"), spec.join("\n") + "\n");
  log(execFileSync("java", ["-cp", cp, `-Djdk.net.hosts.file=${hosts}`, join(repo, "deploy", "kubernetes", "validate", "KafkaSetup.java"), join(dir, "setup.txt")],
    { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim().split("\n").pop());
  return { address: KAFKA_ADDRESS, host: bootstrap.host };
}

function pgbouncerUsable() {
  try {
    const [major, minor] = execFileSync("pgbouncer", ["--version"], { encoding: "utf8" }).match(/(\d+)\.(\d+)/).slice(1).map(Number);
    return major > PGBOUNCER_MIN_VERSION[0] || (major === PGBOUNCER_MIN_VERSION[0] && minor >= PGBOUNCER_MIN_VERSION[1]);
  } catch {
    return false;
  }
}

/** PgBouncer in front of the local PostgreSQL, configured from the rendered Pooler's parameters. */
async function startPooler(work, pooler) {
  const dir = join(work, "pgbouncer");
  mkdirSync(dir, { recursive: true });
  const params = { ...pooler.spec.pgbouncer.parameters };
  writeFileSync(join(dir, "users.txt"), `"${PG.user}" "${PG.password}"\n`);
  writeFileSync(join(dir, "pgbouncer.ini"), [
    "[databases]", `* = host=${PG.host} port=${PG.port}`,
    "[pgbouncer]", `listen_addr = ${POOLER_ADDRESS}`, `listen_port = ${PG.port}`, `unix_socket_dir =`,
    // clients on loopback only; PgBouncer logs in to PostgreSQL with the role's password
    "auth_type = trust", `auth_file = ${join(dir, "users.txt")}`,
    `pool_mode = ${pooler.spec.pgbouncer.poolMode}`,
    ...Object.entries(params).map(([k, v]) => `${k} = ${v}`),
  ].join("\n") + "\n");
  // PgBouncer refuses to run as root: it runs as the postgres user, which must read its files
  chmodSync(work, 0o711);
  chmodSync(dir, 0o755);
  const id = (flag) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  startProcess("pgbouncer", "pgbouncer", [join(dir, "pgbouncer.ini")],
    { cwd: dir, env: process.env, logFile: join(work, "pgbouncer.log"), stopSeconds: 5, uid: id("-u"), gid: id("-g") });
  await waitPort(POOLER_ADDRESS, PG.port, 20, "the test's PgBouncer", join(work, "pgbouncer.log"));
  log(`PgBouncer (${pooler.spec.pgbouncer.poolMode} mode, ${Object.keys(params).join(", ")} as the Pooler sets them) in front of PostgreSQL`);
}

async function startRedis(work, port) {
  startProcess("redis", "redis-server", ["--bind", REDIS_ADDRESS, "--port", String(port), "--daemonize", "no", "--save", "", "--appendonly", "no", "--dir", work],
    { cwd: work, env: process.env, logFile: join(work, "redis.log"), stopSeconds: 5 });
  await waitPort(REDIS_ADDRESS, port, 20, "the test's Redis", join(work, "redis.log"));
}

function waitPort(host, port, seconds, what, logFile) {
  const deadline = Date.now() + seconds * 1000;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const s = connect(port, host, () => { s.destroy(); resolve(); });
      s.on("error", () => {
        s.destroy();
        if (Date.now() > deadline) reject(new Error(`${what} did not listen on ${host}:${port} within ${seconds} s (see ${logFile})`));
        else setTimeout(attempt, 250);
      });
    };
    attempt();
  });
}

async function waitReady(service, url, proc) {
  const deadline = Date.now() + READY_SECONDS * 1000;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) throw new Error(`${service} exited during start-up (see ${proc.logFile})`);
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (r.status === 200) return;
    } catch { /* not listening yet */ }
    await sleep(1000);
  }
  throw new Error(`${service} was not ready after ${READY_SECONDS} s (see ${proc.logFile})`);
}

function sessionToken(privatePem, org) {
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64({ alg: "ES256", typ: "JWT" })}.${b64({ iss: "recruit-suite-dashboard", aud: "recruit-suite", sub: "deploy-test", org, role: "owner", iat: now, exp: now + 600, jti: randomBytes(8).toString("hex") })}`;
  const sig = createSign("SHA256").update(body).sign({ key: privatePem, dsaEncoding: "ieee-p1363" });
  return `${body}.${sig.toString("base64url")}`;
}

async function call(method, url, { headers = {}, body } = {}) {
  const r = await fetch(url, { method, headers: { "content-type": "application/json", ...headers }, body: body && JSON.stringify(body), signal: AbortSignal.timeout(15000) });
  const text = await r.text();
  let json;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: r.status, json, text, headers: r.headers };
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
  log(`ok: ${message.replace(/^expected /, "")}`);
}

async function testOverlay(overlay, jarsOf) {
  const objects = render(overlay);
  const work = mkdtempSync(join(tmpdir(), `recruit-deploy-${overlay}-`));
  console.log(`${overlay}: rendered ${objects.length} objects; logs in ${work}`);
  const configMap = suiteConfig(objects);
  const config = configMap.data;
  const secrets = localSecrets(work);
  const services = objects.filter((o) => o.kind === "Service");
  // the services this test runs (the console is checked statically, see the top of this file)
  const deployments = objects.filter((o) => o.kind === "Deployment" && SERVICES.includes(o.metadata.name));
  const consoleChecked = consoleProblems(objects);
  expect(!consoleChecked.length, `expected the console's Deployment to set everything it needs in a cluster (checked without starting it: it needs an OpenID provider)${consoleChecked.length ? `: ${consoleChecked.join("; ")}` : ""}`);

  // Service and pod addresses; the hosts file every JVM resolves names with. The redis Service's pod is
  // this test's own redis-server; PostgreSQL (pooler and primary) is the local server (no PgBouncer here).
  const serviceIp = new Map(services.map((s, i) => [s.metadata.name, `${SERVICE_NET}${i + 1}`]));
  const podIp = new Map(deployments.map((d, i) => [d.metadata.name, `${POD_NET}${i + 1}`]));
  if (config.RS_REDIS_HOST) podIp.set(config.RS_REDIS_HOST, REDIS_ADDRESS);
  const namespace = objects.find((o) => o.kind === "Namespace")?.metadata.name;
  const hostLines = ["127.0.0.1 localhost"];
  for (const [name, ip] of serviceIp) hostLines.push(`${ip} ${name}${namespace ? ` ${name}.${namespace} ${name}.${namespace}.svc ${name}.${namespace}.svc.cluster.local` : ""}`);
  // PostgreSQL: the primary is the local server; the pooler a PgBouncer of this test's, when one is installed
  const pooler = objects.find((o) => o.kind === "Pooler" && o.metadata.name === config.RS_DB_HOST);
  const pgbouncer = pooler && pgbouncerUsable();
  hostLines.push(`127.0.0.1 ${config.RS_DB_DIRECT_HOST || ""}${pgbouncer ? "" : ` ${config.RS_DB_HOST}`}`);
  if (pgbouncer) hostLines.push(`${POOLER_ADDRESS} ${config.RS_DB_HOST}`);
  const kafkaHost = hostAndPort(config.KAFKA_BOOTSTRAP_SERVERS.split(",")[0]).host;
  hostLines.push(`${KAFKA_ADDRESS} ${kafkaHost}`);
  const allowedReceiver = (config.RS_WEBHOOKS_ALLOWED_HOSTS || "").split(",").map((h) => h.trim()).filter(Boolean)[0];
  const receiverHost = allowedReceiver || "webhook-receiver";
  hostLines.push(`${RECEIVER_ADDRESS} ${receiverHost}`);
  const hosts = join(work, "hosts");
  writeFileSync(hosts, hostLines.join("\n") + "\n");

  // the test's own dependencies
  const redisService = services.find((s) => s.metadata.name === config.RS_REDIS_HOST);
  await startRedis(work, redisService?.spec.ports[0].port ?? 6379);
  if (pgbouncer) await startPooler(work, pooler);
  else log(`no PgBouncer ${PGBOUNCER_MIN_VERSION.join(".")} or newer here: the services reach PostgreSQL without the Pooler`);
  await startKafka(work, objects, secrets, config);
  log(`Kafka (SCRAM, ACLs of ${objects.filter((o) => o.kind === "KafkaUser").length} KafkaUsers, ${objects.filter((o) => o.kind === "KafkaTopic").length} KafkaTopics) and Redis started`);

  // the five services, with their rendered environment
  const procs = new Map();
  for (const d of deployments.filter((x) => SERVICES.includes(x.metadata.name))) {
    const service = d.metadata.name;
    const pod = d.spec.template.spec;
    const container = pod.containers.find((c) => c.name === service);
    const keysVolume = pod.volumes.find((v) => v.secret?.secretName === "recruit-suite-keys");
    const keysMount = container.volumeMounts.find((m) => m.name === keysVolume?.name);
    const keysDir = join(work, service, "keys");
    secrets.mount(keysDir, keysVolume?.secret.items || []);
    const tmp = join(work, service, "tmp");
    mkdirSync(tmp, { recursive: true });
    const databases = [];
    const env = containerEnv(container, objects, secrets, (name, value) => {
      if (name === "QUARKUS_HTTP_HOST" || name === "QUARKUS_MANAGEMENT_HOST") return podIp.get(service);
      if (name === "RS_KEYS_DIR" && value === keysMount?.mountPath) return keysDir;
      if (name === "RS_DB_NAME") { databases.push(value + DB_SUFFIX); return value + DB_SUFFIX; }
      return value;
    });
    for (const db of databases) freshDatabase(db, service === "search-service");
    const jar = jarsOf(service);
    const proc = startProcess(service, "java", [`-Xmx${HEAP[service] || DEFAULT_HEAP}`, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
      `-Djdk.net.hosts.file=${hosts}`, "-Dvertx.disableDnsResolver=true", `-Djava.io.tmpdir=${tmp}`, "-jar", jar],
    { cwd: join(work, service), env: { PATH: process.env.PATH, JAVA_HOME: process.env.JAVA_HOME || "", ...env }, logFile: join(work, `${service}.log`), stopSeconds: 30 });
    const named = (n) => container.ports.find((p) => p.name === n)?.containerPort;
    // probes go where the Deployment sends them: the management port when the service has one
    procs.set(service, { proc, port: named("http"), ports: container.ports, probePort: named("management") ?? named("http") });
  }
  // Services: port -> the pods' target port, as kube-proxy does
  for (const s of services.filter((x) => podIp.has(x.metadata.name))) {
    const pod = procs.get(s.metadata.name);
    for (const p of s.spec.ports) {
      const target = typeof p.targetPort === "string" ? (pod?.ports.find((c) => c.name === p.targetPort)?.containerPort ?? p.port) : (p.targetPort ?? p.port);
      await forward(serviceIp.get(s.metadata.name), p.port, podIp.get(s.metadata.name), target);
    }
  }
  const began = Date.now();
  await Promise.all([...procs].map(([service, { proc, probePort }]) => waitReady(service, `http://${podIp.get(service)}:${probePort}/q/health/ready`, proc)));
  log(`five services ready in ${Math.round((Date.now() - began) / 1000)} s`);

  // as an operator and a user would: operator API on the keys-service, then the public API through the gateway Service
  const svcUrl = (name) => {
    const s = services.find((x) => x.metadata.name === name);
    return `http://${serviceIp.get(name)}:${s.spec.ports.find((p) => p.name === "http").port}`;
  };
  const keysUrl = svcUrl("keys-service");
  const operator = { "x-operator-token": secrets.keys["operator-token"] };
  const org = await call("POST", `${keysUrl}/admin/v1/organizations`, { headers: operator, body: { name: `deploy test ${overlay}`, plan: "enterprise" } });
  expect(org.status === 201 || org.status === 200, `expected the operator API to create an organization (got ${org.status} ${org.text.slice(0, 200)})`);
  const orgId = org.json.data.id;
  const scopes = ["candidates:read", "candidates:write", "search:read", "webhooks:read", "webhooks:write"];
  const key = await call("POST", `${keysUrl}/admin/v1/organizations/${orgId}/keys`, { headers: operator, body: { name: "deploy test", scopes } });
  expect(key.json?.data?.key, `expected an API key (got ${key.status} ${key.text.slice(0, 200)})`);
  const auth = { authorization: `Bearer ${key.json.data.key}` };
  const gw = svcUrl("gateway-service");

  const candidates = await call("GET", `${gw}/api/v1/candidates?limit=1`, { headers: auth });
  expect(candidates.status === 200, `expected the key to be verified by keys-service and candidates listed by candidate-service through the gateway (got ${candidates.status} ${candidates.text.slice(0, 300)})`);
  const search = await call("POST", `${gw}/api/v1/search`, { headers: auth, body: { query: "registered nurse", limit: 5 } });
  expect(search.status === 200, `expected a search by search-service through the gateway (got ${search.status} ${search.text.slice(0, 300)})`);
  const hooks = await call("GET", `${gw}/api/v1/webhooks`, { headers: auth });
  expect(hooks.status === 200, `expected webhook endpoints listed by webhook-service through the gateway (got ${hooks.status} ${hooks.text.slice(0, 300)})`);
  const member = await call("POST", `${keysUrl}/admin/v1/organizations/${orgId}/members`, { headers: operator, body: { userId: "deploy-test", role: "owner", identitySubject: "deploy-test-subject" } });
  expect(member.status === 201 || member.status === 200, `expected a dashboard user made owner of the organization (got ${member.status} ${member.text.slice(0, 200)})`);
  // the console's identity lookup, as the console calls it (RS_UPSTREAM_KEYS) with the console-token both mount
  const lookup = (token) => call("GET", `${keysUrl}/internal/v1/identities/memberships?subject=deploy-test-subject`, { headers: { "x-console-token": token } });
  const identities = await lookup(secrets.keys["console-token"]);
  expect(identities.status === 200 && identities.json?.data?.some((m) => m.organizationId === orgId && m.role === "owner"),
    `expected the keys-service to find the member by the provider's subject for the console's credential (got ${identities.status} ${identities.text.slice(0, 200)})`);
  const stranger = await lookup(randomBytes(24).toString("hex"));
  expect(stranger.status === 401 || stranger.status === 403, `expected the identity lookup refused without the console's credential (got ${stranger.status})`);
  const session = { authorization: `Bearer ${sessionToken(secrets.keys["dashboard-signing.pem"], orgId)}` };
  const keys = await call("GET", `${gw}/api/v1/keys`, { headers: session });
  expect(keys.status === 200, `expected the organization's keys listed by keys-service through the gateway with a dashboard session (got ${keys.status} ${keys.text.slice(0, 300)})`);
  const openapi = await call("GET", `${gw}/api/v1/openapi.json`);
  const paths = Object.keys(openapi.json?.paths || {});
  const missing = ["/api/v1/candidates", "/api/v1/search", "/api/v1/webhooks", "/api/v1/keys"].filter((p) => !paths.some((x) => x.startsWith(p)));
  expect(openapi.status === 200 && !missing.length, `expected the aggregated OpenAPI document with every upstream's paths (got ${openapi.status}, missing [${missing}])`);

  // one event: a new candidate goes through the outbox to Kafka (SCRAM login, the candidate-service's ACL),
  // to the webhook-service (and the search index), and out to the receiver
  const received = [];
  const receiver = createHttpServer((req, res) => {
    let body = "";
    req.on("data", (c) => { body += c; });
    req.on("end", () => { received.push({ headers: req.headers, body }); res.writeHead(204).end(); });
  });
  await new Promise((r) => receiver.listen(80, RECEIVER_ADDRESS, r));
  started.push({ name: "webhook receiver", stop: () => new Promise((r) => { receiver.close(() => r()); receiver.closeAllConnections(); }) });
  const endpoint = await call("POST", `${gw}/api/v1/webhooks`, { headers: auth, body: { url: `http://${receiverHost}/hooks`, events: ["candidate.created"] } });
  const receiverAllowed = config.RS_WEBHOOKS_ALLOW_HTTP === "true" && allowedReceiver;
  if (receiverAllowed) {
    expect(endpoint.status === 201, `expected the webhook endpoint http://${receiverHost}/hooks to be accepted (got ${endpoint.status} ${endpoint.text.slice(0, 300)})`);
  } else {
    expect(endpoint.status === 400 && endpoint.json?.error?.message, `expected the overlay's policy to refuse a plain-http private receiver with the error envelope (got ${endpoint.status} ${endpoint.text.slice(0, 300)})`);
  }
  const marker = `Deploytest${randomBytes(4).toString("hex")}`;
  const created = await call("POST", `${gw}/api/v1/candidates`, { headers: auth, body: { name: `${marker} Okafor`, email: `${marker.toLowerCase()}@example.com` } });
  expect(created.status === 201, `expected a candidate created (got ${created.status} ${created.text.slice(0, 300)})`);
  const candidateId = created.json.data.id;
  const deadline = Date.now() + EVENT_SECONDS * 1000;
  // whatever the receiver policy, the event must leave the outbox: Kafka with the deployed login and ACL
  expect(await waitOutboxDrained(), `expected the candidate-service's outbox published to Kafka with its SCRAM login and ACL within ${EVENT_SECONDS} s (outbox_pending 0; see candidate-service.log)`);
  if (receiverAllowed) {
    while (Date.now() < deadline && !received.some((r) => r.body.includes(candidateId))) await sleep(500);
    const delivery = received.find((r) => r.body.includes(candidateId));
    expect(delivery, `expected the candidate.created event delivered to the receiver within ${EVENT_SECONDS} s`);
    const secret = endpoint.json.data.secret;
    const signed = `${delivery.headers["webhook-id"]}.${delivery.headers["webhook-timestamp"]}.${delivery.body}`;
    const expected = createHmac("sha256", Buffer.from(secret.replace(/^whsec_/, ""), "base64")).update(signed).digest("base64");
    expect(String(delivery.headers["webhook-signature"]).split(" ").includes(`v1,${expected}`), "expected the delivery signed with the endpoint's secret");
  }
  return { work };

  async function waitOutboxDrained() {
    const url = `http://${podIp.get("candidate-service")}:${procs.get("candidate-service").port}/q/metrics`;
    while (Date.now() < deadline) {
      const m = await call("GET", url);
      const pending = m.text.match(/^outbox_pending(?:\{[^}]*\})?\s+([0-9.eE+-]+)/m);
      const published = m.text.match(/^outbox_published_total(?:\{[^}]*\})?\s+([0-9.eE+-]+)/m);
      if (pending && Number(pending[1]) === 0 && published && Number(published[1]) >= 1) return true;
      await sleep(1000);
    }
    return false;
  }
}

async function main() {
  const overlays = process.argv.slice(2).length ? process.argv.slice(2) : OVERLAYS;
  // RS_DEPLOY_JARS: another checkout's build of the services (by default this one's)
  const jarsOf = (service) => {
    const jar = join(process.env.RS_DEPLOY_JARS || repo, service, "target", "quarkus-app", "quarkus-run.jar");
    if (!existsSync(jar)) throw new Error(`${jar} is missing: build with ./mvnw -B install -DskipTests`);
    return jar;
  };
  if (!existsSync(KAFKA_LIB)) throw new Error(`no Kafka jars in ${KAFKA_LIB}: ./suite infra fetches them`);
  let failed = 0;
  const began = Date.now();
  for (const overlay of overlays) {
    let work;
    let served = false;
    try {
      ({ work } = await testOverlay(overlay, jarsOf));
      console.log(`${overlay}: the deployed configuration serves`);
      served = true;
    } catch (e) {
      failed++;
      console.log(`${overlay}: FAILED: ${e.message}`);
      // a person looking into a failure may keep the stack up a while (bounded) before it is stopped
      const keep = Number(process.env.RS_DEPLOY_KEEP_SECONDS || 0);
      if (keep > 0) { console.log(`   keeping it up for ${keep} s; logs in ${work ?? "the folder above"}`); await sleep(keep * 1000); }
    } finally {
      await stopAll();
    }
    // only once everything has stopped: a running broker still writes into its data folder
    if (served) {
      try {
        rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
      } catch (e) {
        console.log(`   could not remove ${work} (${e.message}); it holds only this run's logs and data`);
      }
    }
  }
  console.log(`${overlays.length - failed} passed, ${failed} failed (${Math.round((Date.now() - began) / 1000)} s)`);
  process.exit(failed ? 1 : 0);
}

await main();
