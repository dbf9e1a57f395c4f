import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * ./suite faults: a steady load through the gateway while the suite script breaks one thing after
 * another (Kafka, Redis, a kill -9 of two services, a webhook receiver, PostgreSQL); then checks
 * that no accepted write, no event and no webhook was lost, and reports what the clients saw.
 * Exit 1 on any violation.
 */
public final class Faults {

    /** the event types both webhook endpoints subscribe to: what the load produces */
    static final List<String> EVENTS = List.of("candidate.created", "document.upload", "search.execute");

    record Phase(String name, long start, long end) {
    }

    record OutboxRow(String service, String eventId, String type, String org, String candidateId, String documentId, boolean published,
                     long created) {
    }

    private final Api api = new Api();
    private final Report report = new Report();
    private final List<Phase> phases = new ArrayList<>();
    private final List<String[]> timeline = new ArrayList<>();
    private final List<List<String>> probes = new ArrayList<>();
    private final Map<String, String> findings = new LinkedHashMap<>();
    private final Receiver steady = new Receiver("steady");
    private final Receiver flaky = new Receiver("flaky");
    private final long t0 = System.currentTimeMillis();
    private final String runId = Long.toString(t0 % 100_000_000, 36);
    private Traffic traffic;
    private String org;
    private String adminKey;
    private String probeKey;
    private String flakyId;
    /** event id -> when it was first written to Kafka (record timestamp) */
    private final Map<String, Long> onKafkaAt = new HashMap<>();

    public static void main(String[] args) throws Exception {
        System.exit(new Faults().run() ? 0 : 1);
    }

    boolean run() throws Exception {
        report.line("# ./suite faults — " + Report.utc(t0)).line("")
                .line("Machine: " + Report.machine() + ". Revision: " + Params.REVISION + ". Parameters: `" + Params.describe("FAULTS_") + "`.");
        setUp();
        traffic.start();
        try {
            phase("baseline", () -> {
                sleep(Params.FAULTS_BASELINE);
                probe("baseline (Redis up)", false);
            });
            phase("kafka-down", () -> {
                sleep(Params.FAULTS_POLL);
                fault("kafka-stop");
                sleep(Params.FAULTS_KAFKA_DOWN);
                fault("kafka-start");
                sleep(Params.FAULTS_RECOVERY);
            });
            phase("redis-down", () -> {
                fault("redis-stop");
                sleep(Params.FAULTS_REDIS_DOWN.dividedBy(2));
                probe("Redis down (in-process limits)", false);
                sleep(Params.FAULTS_REDIS_DOWN.dividedBy(2));
                fault("redis-start");
                sleep(Params.FAULTS_RECOVERY);
                probe("Redis back", true);
                String keys = Stack.run("redis-keys", "rl:*");
                note("Redis back: rate-limit keys in Redis", keys);
                if (Integer.parseInt(keys) == 0) {
                    report.violation("after Redis returned the gateway kept no rate-limit windows in Redis");
                }
            });
            phase("candidate-kill", () -> kill("candidate"));
            phase("webhook-kill", () -> kill("webhook"));
            phase("receiver-down", this::receiverDown);
            phase("postgres-restart", () -> {
                String before = Stack.run("pids");
                fault("pg-stop");
                sleep(Params.FAULTS_PG_DOWN);
                fault("pg-start");
                sleep(Params.FAULTS_RECOVERY);
                String after = Stack.run("pids");
                note("service processes before / after the PostgreSQL restart", before.equals(after) ? "the same (none restarted)" : before + " / " + after);
                if (!before.equals(after)) {
                    report.violation("a service process changed across the PostgreSQL restart: " + before + " -> " + after);
                }
                String ready = Stack.run("wait-ready", Long.toString(Params.FAULTS_READY_WITHIN.toSeconds()));
                note("readiness after the PostgreSQL restart", ready);
                if (!ready.startsWith("all services ready")) {
                    report.violation("services did not recover from the PostgreSQL restart by themselves: " + ready);
                }
            });
            phase("postgres-long", () -> longOutage("PostgreSQL", "pg-stop", "pg-start", Params.FAULTS_PG_LONG_DOWN, true));
            phase("kafka-long", () -> longOutage("the Kafka broker", "kafka-stop", "kafka-start", Params.FAULTS_KAFKA_LONG_DOWN, false));
        } catch (RuntimeException e) {
            report.violation("the run was cut short: " + e.getMessage());
            e.printStackTrace();
        } finally {
            traffic.phase = "stopped";
            traffic.stop();
        }
        drainAndVerify();
        Path file = report.write("faults");
        System.out.println("report: " + file);
        return report.violations.isEmpty();
    }

    /**
     * A dependency down for minutes under the steady load: no process is restarted (Kubernetes would
     * restart one whose liveness failed, so liveness must stay UP throughout), readiness shows the
     * outage where the design says so (every service with a database, for PostgreSQL), and every service
     * is ready again within FAULTS_RECOVER_WITHIN of the dependency's return, by itself.
     */
    private void longOutage(String what, String stop, String start, Duration down, boolean readinessDrops) throws Exception {
        String before = Stack.run("pids");
        fault(stop);
        long until = System.currentTimeMillis() + down.toMillis();
        java.util.Set<String> liveDown = new java.util.TreeSet<>();
        java.util.Set<String> readyDown = new java.util.TreeSet<>();
        while (System.currentTimeMillis() < until) {
            sleep(Duration.ofMillis(Math.min(Params.FAULTS_POLL.toMillis() * 6, Math.max(1, until - System.currentTimeMillis()))));
            String health = Stack.run("health");
            String[] parts = health.split(" ");
            for (String s : parts[0].substring("ready-down=".length()).split(",")) {
                if (!s.equals("none")) {
                    readyDown.add(s);
                }
            }
            for (String s : parts[1].substring("live-down=".length()).split(",")) {
                if (!s.equals("none")) {
                    liveDown.add(s);
                }
            }
        }
        note(what + " down " + down.toSeconds() + " s: services not ready at some point", readyDown.isEmpty() ? "none" : String.join(", ", readyDown));
        note(what + " down " + down.toSeconds() + " s: services not live at some point", liveDown.isEmpty() ? "none" : String.join(", ", liveDown));
        if (!liveDown.isEmpty()) {
            report.violation("liveness failed during the " + what + " outage (Kubernetes would restart them): " + liveDown);
        }
        if (readinessDrops && readyDown.isEmpty()) {
            report.violation("no service reported the " + what + " outage in its readiness");
        }
        long returned = System.currentTimeMillis();
        fault(start);
        String ready = Stack.run("wait-ready", Long.toString(Params.FAULTS_RECOVER_WITHIN.toSeconds()));
        note("readiness after " + what + " returned", ready + " (" + (System.currentTimeMillis() - returned) / 1000 + " s after it was started again)");
        if (!ready.startsWith("all services ready")) {
            report.violation("services were not ready within " + Params.FAULTS_RECOVER_WITHIN.toSeconds() + " s of " + what + " returning: " + ready);
        }
        String after = Stack.run("pids");
        note("service processes across the outage of " + what, before.equals(after) ? "the same (none restarted)" : before + " / " + after);
        if (!before.equals(after)) {
            report.violation("a service process changed across the " + what + " outage: " + before + " -> " + after);
        }
        sleep(Params.FAULTS_RECOVERY);
    }

    // ---------------------------------------------------------------- set-up

    private void setUp() throws IOException {
        org = api.organization("Reliability faults " + runId, "enterprise");
        adminKey = api.key(org, "faults admin", Api.ALL_SCOPES);
        List<String> loadKeys = new ArrayList<>();
        for (int i = 0; i < Params.FAULTS_LOAD_KEYS; i++) {
            loadKeys.add(api.key(org, "faults load " + i, Api.ALL_SCOPES));
        }
        probeKey = api.key(org, "rate-limit probe", List.of("candidates:read"));
        steady.start();
        flaky.start();
        String[] s = api.webhook(adminKey, steady.url(), EVENTS);
        steady.secret = s[1];
        String[] f = api.webhook(adminKey, flaky.url(), EVENTS);
        flaky.secret = f[1];
        flakyId = f[0];
        traffic = new Traffic(api, loadKeys, Params.FAULTS_RATE, Params.mix(Params.FAULTS_MIX), runId);
        System.out.printf("organization %s, %d load keys, webhook endpoints %s (steady) and %s (flaky)%n", org, loadKeys.size(), s[0], flakyId);
    }

    // ---------------------------------------------------------------- phases

    interface Body {
        void run() throws Exception;
    }

    private void phase(String name, Body body) throws Exception {
        if (!Params.FAULTS_PHASES.contains(name)) {
            return;
        }
        long start = System.currentTimeMillis();
        traffic.phase = name;
        System.out.printf("[%s] phase %s%n", rel(start), name);
        try {
            body.run();
        } finally {
            phases.add(new Phase(name, start, System.currentTimeMillis()));
        }
    }

    private void fault(String... action) {
        long at = System.currentTimeMillis();
        Stack.run(action);
        long done = System.currentTimeMillis();
        String what = String.join(" ", action);
        timeline.add(new String[] {rel(at), rel(done), traffic.phase, what});
        System.out.printf("[%s] %s (done at %s)%n", rel(at), what, rel(done));
    }

    private void kill(String service) {
        sleep(Params.FAULTS_RECOVERY.dividedBy(2));
        fault("kill", service);
        sleep(Params.FAULTS_KILLED_FOR);
        fault("start", service);
        sleep(Params.FAULTS_RECOVERY);
    }

    private void receiverDown() {
        flaky.stop();
        long stopped = System.currentTimeMillis();
        timeline.add(new String[] {rel(stopped), rel(stopped), "receiver-down", "flaky receiver stopped (connections refused)"});
        long pausedAt = 0;
        long deadline = stopped + Params.FAULTS_RECEIVER_DOWN.toMillis();
        while (System.currentTimeMillis() < deadline) {
            if (pausedAt == 0 && "paused".equals(api.webhookStatus(adminKey, flakyId))) {
                pausedAt = System.currentTimeMillis();
                timeline.add(new String[] {rel(pausedAt), rel(pausedAt), "receiver-down", "endpoint status is paused (GET /api/v1/webhooks/{id})"});
                int failed = failedAttempts(stopped);
                note("failed attempts of the flaky endpoint before it paused (delivery log; up to webhooks.per-endpoint-concurrency "
                        + "attempts are in flight when the pause is decided)", Integer.toString(failed));
                if (failed < Params.FAULTS_FAILURES_BEFORE_PAUSE) {
                    report.violation("the endpoint paused after " + failed + " failed attempts, fewer than " + Params.FAULTS_FAILURES_BEFORE_PAUSE);
                }
            }
            sleep(Params.FAULTS_POLL);
        }
        if (pausedAt == 0) {
            report.violation("the flaky endpoint never paused while its receiver was down");
        } else {
            note("time from the receiver's stop to the endpoint's pause", seconds(pausedAt - stopped));
        }
        try {
            flaky.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot restart the flaky receiver", e);
        }
        long back = System.currentTimeMillis();
        timeline.add(new String[] {rel(back), rel(back), "receiver-down", "flaky receiver started again"});
        int before = flaky.deliveries.size();
        sleep(Params.FAULTS_PAUSED_WATCH);
        String status = api.webhookStatus(adminKey, flakyId);
        int whilePaused = flaky.deliveries.size() - before;
        note("deliveries to the paused endpoint in the " + Params.FAULTS_PAUSED_WATCH.toSeconds() + " s after its receiver returned (status " + status + ")",
                Integer.toString(whilePaused));
        if ("paused".equals(status) && whilePaused > 0) {
            report.violation("the paused endpoint received " + whilePaused + " deliveries before it was enabled");
        }
        Api.Result enable = api.call("POST", "/api/v1/webhooks/" + flakyId + "/enable", adminKey, null);
        long enabled = System.currentTimeMillis();
        timeline.add(new String[] {rel(enabled), rel(enabled), "receiver-down", "POST /api/v1/webhooks/{id}/enable -> " + enable.status()
                + ", status " + api.webhookStatus(adminKey, flakyId)});
        findings.put("enabledAt", Long.toString(enabled));
        if (!enable.ok()) {
            report.violation("enabling the paused endpoint failed: " + enable.brief());
        }
        sleep(Params.FAULTS_RECOVERY);
    }

    /** failed attempts in the flaky endpoint's delivery log since the receiver stopped (newest 100 deliveries) */
    private int failedAttempts(long since) {
        Api.Result r = api.call("GET", "/api/v1/webhooks/" + flakyId + "/deliveries?limit=100", adminKey, null);
        int n = 0;
        for (Object d : Json.list(r.json(), "data")) {
            for (Object a : Json.list(d, "attemptLog")) {
                String at = Json.str(a, "attemptedAt");
                String code = Json.str(a, "statusCode");
                if (at != null && java.time.Instant.parse(at).toEpochMilli() >= since && (code == null || !code.startsWith("2"))) {
                    n++;
                }
            }
        }
        return n;
    }

    /** many requests at once on the probe key: the stack's per-key limit is below their number, so some must be 429 */
    private void probe(String when, boolean afterRedis) {
        ExecutorService pool = Executors.newFixedThreadPool(Params.FAULTS_PROBE_CONCURRENCY);
        try {
            List<Future<Api.Result>> fs = new ArrayList<>();
            for (int i = 0; i < Params.FAULTS_PROBE_REQUESTS; i++) {
                fs.add(pool.submit(() -> api.call("GET", "/api/v1/candidates?limit=1", probeKey, null)));
            }
            Map<Integer, Integer> by = new java.util.TreeMap<>();
            String retryAfter = null;
            for (Future<Api.Result> f : fs) {
                Api.Result r = f.get();
                by.merge(r.status(), 1, Integer::sum);
                if (r.status() == 429 && retryAfter == null) {
                    retryAfter = r.header("Retry-After");
                }
            }
            probes.add(List.of(when, rel(System.currentTimeMillis()), Integer.toString(Params.FAULTS_PROBE_REQUESTS),
                    by.entrySet().stream().map(e -> e.getKey() + "×" + e.getValue()).collect(Collectors.joining(", ")),
                    retryAfter == null ? "–" : retryAfter + " s"));
            if (by.getOrDefault(429, 0) == 0) {
                String what = "rate limiting did not refuse any of " + Params.FAULTS_PROBE_REQUESTS + " requests: " + when;
                if (afterRedis) {
                    report.violation(what + " (rate limiting did not resume)");
                } else {
                    // the gateway fails open: a Redis answer slower than gateway.rate-limit.redis-timeout switches it to
                    // in-process counting for a few seconds, and the two counts are never added up
                    report.warning(what + "; if the gateway log shows \"rate limiting without Redis\" (a Redis call slower than "
                            + "gateway.rate-limit.redis-timeout) at that time, its requests were split between the Redis and the in-process windows");
                }
            }
            if (by.keySet().stream().anyMatch(s -> s >= 500 || s < 0)) {
                report.violation("the rate-limit probe got a 5xx or no answer: " + when + " " + by);
            }
        } catch (Exception e) {
            report.violation("rate-limit probe failed: " + e);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- after the load

    private void drainAndVerify() throws Exception {
        Path dir = Path.of(Params.REPORT_DIR, "faults-data");
        Files.createDirectories(dir);
        // bounded twice: by the drain time, and by the hard limit of the whole run (the report still has to be written)
        long deadline = Math.min(System.currentTimeMillis() + Params.FAULTS_DRAIN.toMillis(), Params.DEADLINE_MILLIS - Params.FAULTS_REPORT_RESERVE.toMillis());
        List<OutboxRow> outbox;
        Set<String> expected;
        while (true) {
            outbox = outbox(dir);
            expected = outbox.stream().filter(r -> r.org().equals(org) && EVENTS.contains(r.type())).map(OutboxRow::eventId).collect(Collectors.toSet());
            boolean published = outbox.stream().allMatch(OutboxRow::published);
            if (published && ids(steady).containsAll(expected) && ids(flaky).containsAll(expected) || System.currentTimeMillis() > deadline) {
                break;
            }
            sleep(Params.FAULTS_POLL);
        }
        long drained = System.currentTimeMillis();
        Map<String, Map<String, Integer>> kafka = kafka(dir);

        requestsByPhase();
        report.heading("Faults, in order (seconds since the start)").table(List.of("at", "done at", "phase", "action"),
                timeline.stream().map(List::of).toList());
        report.heading("Rate limiting (probe key: " + Params.FAULTS_PROBE_REQUESTS + " requests at once)")
                .table(List.of("when", "at", "requests", "answers", "Retry-After"), probes);
        writes();
        events(outbox, kafka);
        webhooks(outbox, expected, drained);
        eventsByPhase(outbox, expected);
        report.heading("Other findings");
        findings.forEach((k, v) -> {
            if (!k.equals("enabledAt")) {
                report.line("- " + k + ": " + v);
            }
        });
    }

    private void requestsByPhase() {
        report.heading("Requests through the gateway, by phase");
        report.line("Open-loop load of " + Params.FAULTS_RATE + " requests/s (" + Params.FAULTS_MIX + "). "
                + "Unavailability: from the first to the last failed request of the phase.").line("");
        List<List<String>> rows = new ArrayList<>();
        for (Phase p : phases) {
            List<Traffic.Sample> s = traffic.samples.stream().filter(x -> x.phase().equals(p.name())).toList();
            List<Traffic.Sample> failed = s.stream().filter(x -> x.status() / 100 != 2).sorted((a, b) -> Long.compare(a.startMillis(), b.startMillis())).toList();
            long skipped = traffic.skipped.stream().filter(p.name()::equals).count();
            String window = failed.isEmpty() ? "–" : rel(failed.get(0).startMillis()) + " → " + rel(failed.get(failed.size() - 1).startMillis())
                    + " (" + seconds(failed.get(failed.size() - 1).startMillis() - failed.get(0).startMillis()) + ")";
            double[] ms = Report.millis(s);
            rows.add(List.of(p.name(), rel(p.start()) + "–" + rel(p.end()), Integer.toString(s.size()),
                    Long.toString(s.size() - failed.size()), Report.statuses(s, true), Long.toString(skipped), window,
                    Report.ms(Report.percentile(ms, 50)) + " / " + Report.ms(Report.percentile(ms, 95))));
            for (Traffic.Sample x : s) {
                if (x.status() == 500) {
                    report.violation("a 500 in phase " + p.name() + ": " + x.op() + " at " + rel(x.startMillis()));
                } else if (x.status() < 0) {
                    report.violation("no answer from the gateway in phase " + p.name() + ": " + x.op() + " at " + rel(x.startMillis()) + " (" + x.error() + ")");
                } else if (p.name().equals("redis-down") && x.status() >= 500) {
                    report.violation("a " + x.status() + " while Redis was down (the gateway must fail open): " + x.op() + " at " + rel(x.startMillis()));
                }
            }
        }
        report.table(List.of("phase", "from–to (s)", "sent", "2xx", "failed by status", "skipped", "first → last failure", "p50 / p95 (ms)"), rows);
        Map<String, List<Traffic.Sample>> byOp = Report.group(traffic.samples, Traffic.Sample::op);
        report.line("").line("By operation over the whole run: " + byOp.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().size() + " (" + Report.statuses(e.getValue(), false) + ")").collect(Collectors.joining("; ")) + ".");
    }

    /** every 2xx create must be listed afterwards; a create without 2xx may or may not exist */
    private void writes() {
        Map<String, String> listed = new HashMap<>();
        int page = 1;
        while (true) {
            Api.Result r = api.call("GET", "/api/v1/candidates?limit=100&page=" + page, adminKey, null);
            if (r.status() == 429) {
                sleep(Params.FAULTS_POLL);
                continue;
            }
            if (!r.ok()) {
                report.violation("listing candidates for the read-back failed: " + r.brief());
                return;
            }
            for (Object c : Json.list(r.json(), "data")) {
                listed.put(Json.str(c, "id"), Json.str(c, "email"));
            }
            if (!"true".equals(Json.str(r.json(), "meta", "hasMore"))) {
                break;
            }
            page++;
        }
        List<Traffic.Accepted> lost = traffic.accepted.stream().filter(a -> !listed.containsKey(a.candidateId())).toList();
        Set<String> emails = new HashSet<>(listed.values());
        long unconfirmedExisting = traffic.unconfirmed.stream().filter(u -> emails.contains(u.email())).count();
        report.heading("Writes");
        report.line("- creates answered 2xx: " + traffic.accepted.size() + "; read back afterwards: " + (traffic.accepted.size() - lost.size())
                + "; lost: " + lost.size());
        report.line("- creates without a 2xx: " + traffic.unconfirmed.size() + " (" + traffic.unconfirmed.stream()
                .collect(Collectors.groupingBy(u -> u.phase() + " " + u.status(), java.util.TreeMap::new, Collectors.counting())) + "); of these "
                + unconfirmedExisting + " exist anyway (committed, answer lost) — a client retrying them would create a second candidate");
        for (Traffic.Accepted a : lost) {
            report.violation("accepted create lost: " + a.candidateId() + " (phase " + a.phase() + ")");
        }
    }

    private void events(List<OutboxRow> outbox, Map<String, Map<String, Integer>> kafka) {
        report.heading("Events: outbox → Kafka");
        Map<String, Integer> onKafka = new HashMap<>();
        kafka.values().forEach(m -> m.forEach((id, n) -> onKafka.merge(id, n, Integer::sum)));
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, List<OutboxRow>> e : Report.group(outbox, OutboxRow::service).entrySet()) {
            List<OutboxRow> rs = e.getValue();
            long unpublished = rs.stream().filter(r -> !r.published()).count();
            long missing = rs.stream().filter(r -> !onKafka.containsKey(r.eventId())).count();
            long twice = rs.stream().filter(r -> onKafka.getOrDefault(r.eventId(), 0) > 1).count();
            rows.add(List.of(e.getKey(), Integer.toString(rs.size()), Long.toString(unpublished), Long.toString(rs.size() - missing),
                    Long.toString(missing), Long.toString(twice)));
            if (missing > 0 || unpublished > 0) {
                report.violation(e.getKey() + ": " + missing + " outbox events never reached Kafka (" + unpublished + " unpublished)");
            }
        }
        report.table(List.of("service outbox", "events", "unpublished", "on Kafka", "missing on Kafka", "on Kafka more than once"), rows);
        report.line("").line("Kafka topics (records / distinct event ids): " + kafka.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().values().stream().mapToInt(Integer::intValue).sum() + " / " + e.getValue().size())
                .collect(Collectors.joining("; ")) + ".");
        // every accepted create has its events
        Set<String> created = outbox.stream().filter(r -> r.type().equals("candidate.created")).map(OutboxRow::candidateId).collect(Collectors.toSet());
        Set<String> uploaded = outbox.stream().filter(r -> r.type().equals("document.upload")).map(OutboxRow::documentId).collect(Collectors.toSet());
        long withoutCreated = traffic.accepted.stream().filter(a -> !created.contains(a.candidateId())).count();
        long withoutUpload = traffic.accepted.stream().filter(a -> a.documentId() != null && !uploaded.contains(a.documentId())).count();
        report.line("").line("Accepted creates without their candidate.created event: " + withoutCreated + "; uploads without their document.upload event: " + withoutUpload + ".");
        if (withoutCreated + withoutUpload > 0) {
            report.violation("accepted writes without their events: " + withoutCreated + " candidate.created, " + withoutUpload + " document.upload");
        }
    }

    private void webhooks(List<OutboxRow> outbox, Set<String> expected, long drained) {
        report.heading("Webhooks (subscribed to " + String.join(", ", EVENTS) + ")");
        Map<String, OutboxRow> byId = outbox.stream().collect(Collectors.toMap(OutboxRow::eventId, r -> r, (a, b) -> a));
        List<List<String>> rows = new ArrayList<>();
        for (Receiver r : List.of(steady, flaky)) {
            Map<String, Long> counts = r.deliveries.stream().filter(d -> d.eventId() != null)
                    .collect(Collectors.groupingBy(Receiver.Delivery::eventId, Collectors.counting()));
            Set<String> missing = new HashSet<>(expected);
            missing.removeAll(counts.keySet());
            long dupEvents = counts.values().stream().filter(n -> n > 1).count();
            long dupDeliveries = counts.values().stream().mapToLong(n -> n - 1).sum();
            long unexpected = counts.keySet().stream().filter(id -> !expected.contains(id)).count();
            long unsigned = r.deliveries.stream().filter(d -> !d.signed()).count();
            // the same change under two event ids would not be deduplicated by a receiver
            long sameSubjectTwoIds = r.deliveries.stream().filter(d -> !d.type().equals("search.execute"))
                    .collect(Collectors.groupingBy(d -> d.type() + ":" + (d.type().equals("document.upload") ? d.documentId() : d.candidateId()),
                            Collectors.mapping(Receiver.Delivery::eventId, Collectors.toSet())))
                    .values().stream().filter(ids -> ids.size() > 1).count();
            rows.add(List.of(r.name, Integer.toString(expected.size()), Integer.toString(r.deliveries.size()), Integer.toString(counts.size()),
                    Integer.toString(missing.size()), dupDeliveries + " (" + dupEvents + " events)", Long.toString(sameSubjectTwoIds),
                    Long.toString(unexpected), Long.toString(unsigned)));
            if (!missing.isEmpty()) {
                report.violation(r.name + " receiver: " + missing.size() + " events never arrived, e.g. "
                        + missing.stream().limit(5).map(id -> id + " " + byId.get(id).type()).toList());
            }
            if (sameSubjectTwoIds > 0) {
                report.violation(r.name + " receiver: " + sameSubjectTwoIds + " changes arrived under two different event ids");
            }
            if (unsigned > 0) {
                report.violation(r.name + " receiver: " + unsigned + " deliveries with a wrong X-Webhook-Signature");
            }
        }
        report.table(List.of("receiver", "expected events", "deliveries", "distinct events", "missing", "duplicates (same event id)",
                "same change, two ids", "not expected", "bad signature"), rows);
        report.line("").line("Duplicates carry the same event id (`id`, `webhook-id`), so a receiver that deduplicates by it sees every event once.");
        String enabledAt = findings.get("enabledAt");
        if (enabledAt != null) {
            long enabled = Long.parseLong(enabledAt);
            // the backlog: events the steady receiver had before the enable; when had the flaky one caught up?
            Set<String> before = steady.deliveries.stream().filter(d -> d.atMillis() < enabled).map(Receiver.Delivery::eventId).collect(Collectors.toSet());
            long caughtUp = flaky.deliveries.stream().filter(d -> before.contains(d.eventId())).mapToLong(Receiver.Delivery::atMillis).max().orElse(enabled);
            long backlog = flaky.deliveries.stream().filter(d -> d.atMillis() >= enabled && before.contains(d.eventId())).count();
            report.line("").line("After `enable` the flaky endpoint received its backlog of " + backlog + " events within "
                    + seconds(Math.max(0, caughtUp - enabled)) + ".");
        }
        report.line("").line("Drained (everything published and delivered, or the drain limit) at " + rel(drained) + " s.");
    }

    /** the events written during each phase: did each reach Kafka and both receivers, and how late? */
    private void eventsByPhase(List<OutboxRow> outbox, Set<String> expected) {
        report.heading("Events by the phase in which they were written (webhook columns: subscribed events of the run's organization)");
        Map<String, Long> steadyAt = firstArrival(steady), flakyAt = firstArrival(flaky);
        Map<String, Long> steadyCount = arrivals(steady), flakyCount = arrivals(flaky);
        List<List<String>> rows = new ArrayList<>();
        for (Phase p : phases) {
            List<OutboxRow> rs = outbox.stream().filter(r -> r.created() >= p.start() && r.created() < p.end()).toList();
            List<OutboxRow> hooks = rs.stream().filter(r -> expected.contains(r.eventId())).toList();
            rows.add(List.of(p.name(), Integer.toString(rs.size()),
                    Long.toString(rs.stream().filter(r -> onKafkaAt.containsKey(r.eventId())).count()),
                    maxDelay(rs, onKafkaAt), Integer.toString(hooks.size()),
                    delivered(hooks, steadyCount) + " / " + maxDelay(hooks, steadyAt),
                    delivered(hooks, flakyCount) + " / " + maxDelay(hooks, flakyAt)));
        }
        report.table(List.of("phase", "events written", "on Kafka", "slowest to Kafka", "for webhooks",
                "steady: distinct (duplicates) / slowest", "flaky: distinct (duplicates) / slowest"), rows);
    }

    private static Map<String, Long> firstArrival(Receiver r) {
        Map<String, Long> m = new HashMap<>();
        r.deliveries.forEach(d -> m.merge(String.valueOf(d.eventId()), d.atMillis(), Math::min));
        return m;
    }

    private static Map<String, Long> arrivals(Receiver r) {
        return r.deliveries.stream().collect(Collectors.groupingBy(d -> String.valueOf(d.eventId()), Collectors.counting()));
    }

    private static String delivered(List<OutboxRow> rows, Map<String, Long> counts) {
        long distinct = rows.stream().filter(r -> counts.containsKey(r.eventId())).count();
        long dups = rows.stream().mapToLong(r -> Math.max(0, counts.getOrDefault(r.eventId(), 0L) - 1)).sum();
        return distinct + " (" + dups + ")";
    }

    private static String maxDelay(List<OutboxRow> rows, Map<String, Long> at) {
        return rows.stream().filter(r -> at.containsKey(r.eventId())).mapToLong(r -> at.get(r.eventId()) - r.created()).max()
                .stream().mapToObj(ms -> seconds(ms)).findFirst().orElse("–");
    }

    // ---------------------------------------------------------------- data from the stack

    private List<OutboxRow> outbox(Path dir) throws IOException {
        Path file = dir.resolve("outbox.tsv");
        Stack.run("dump-outbox", file.toString());
        List<OutboxRow> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split("\t", -1);
            if (f.length == 8) {
                rows.add(new OutboxRow(f[0], f[1], f[2], f[3], f[4], f[5], f[6].equals("t"), Long.parseLong(f[7])));
            }
        }
        return rows;
    }

    /** topic -> event id -> records */
    private Map<String, Map<String, Integer>> kafka(Path dir) throws IOException {
        Path file = dir.resolve("kafka.tsv");
        Stack.run("dump-kafka", file.toString());
        Map<String, Map<String, Integer>> m = new java.util.TreeMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split("\t");
            if (f.length == 6) {
                m.computeIfAbsent(f[0], k -> new HashMap<>()).merge(f[1], 1, Integer::sum);
                onKafkaAt.merge(f[1], Long.parseLong(f[5]), Math::min);
            }
        }
        return m;
    }

    private static Set<String> ids(Receiver r) {
        return r.deliveries.stream().map(Receiver.Delivery::eventId).collect(Collectors.toSet());
    }

    // ---------------------------------------------------------------- small things

    private void note(String what, String value) {
        findings.put(what, value);
        System.out.printf("[%s] %s: %s%n", rel(System.currentTimeMillis()), what, value);
    }

    private String rel(long millis) {
        return String.format("%.0f", (millis - t0) / 1000.0);
    }

    private static String seconds(long millis) {
        return String.format("%.1f s", millis / 1000.0);
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
