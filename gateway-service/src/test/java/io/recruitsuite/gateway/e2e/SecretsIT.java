package io.recruitsuite.gateway.e2e;

import com.sun.net.httpserver.HttpServer;
import io.recruitsuite.gateway.e2e.E2eSupport.Req;
import io.recruitsuite.gateway.e2e.E2eSupport.Resp;
import io.recruitsuite.gateway.e2e.E2eSupport.Secrets;
import io.recruitsuite.gateway.e2e.E2eSupport.Tenant;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.recruitsuite.gateway.e2e.E2eSupport.ALL_SCOPES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No secret in plain text at rest or in transit inside the stack: every API key, webhook signing
 * secret and dashboard JWT the reliability tests made (plus a fresh set made here through every
 * path: key by operator and by dashboard, used; webhook created, one event delivered, secret
 * rotated) is searched for in every database of the stack, every service log and every Kafka topic.
 *
 * <p>Environment: {@code RS_E2E_LOGS} (default ../.suite/logs), {@code RS_E2E_LOG_SUFFIX} (-e2e.log),
 * {@code RS_E2E_DB_SUFFIX} (_e2e; "" for the local stack), {@code RS_E2E_KAFKA} (127.0.0.1:9092), {@code RS_E2E_TOPIC_PREFIX} (the stack's topic prefix),
 * {@code RS_E2E_PG} (127.0.0.1:5432).
 */
@org.junit.jupiter.api.Order(3)
class SecretsIT {

    static final Path LOGS = Path.of(System.getenv().getOrDefault("RS_E2E_LOGS", "../.suite/logs"));
    static final String LOG_SUFFIX = System.getenv().getOrDefault("RS_E2E_LOG_SUFFIX", "-e2e.log");
    static final String DB_SUFFIX = System.getenv().getOrDefault("RS_E2E_DB_SUFFIX", "_e2e");
    static final String KAFKA = System.getenv().getOrDefault("RS_E2E_KAFKA", "127.0.0.1:9092");
    static final String PG = System.getenv().getOrDefault("RS_E2E_PG", "127.0.0.1:5432");
    static final List<String> DATABASES = List.of("recruit_keys", "recruit_candidates", "recruit_search", "recruit_webhooks");
    static final String TOPIC_PREFIX = System.getenv().getOrDefault("RS_E2E_TOPIC_PREFIX", "");
    static final List<String> TOPICS = List.of(TOPIC_PREFIX + "recruit.candidate-events", TOPIC_PREFIX + "recruit.key-events",
            TOPIC_PREFIX + "recruit.search-events");

    @Test
    void noKeyWebhookSecretOrTokenIsStoredLoggedOrPublishedInPlainText() throws Exception {
        long started = System.nanoTime();
        freshSecretsThroughEveryPath();
        // the services log and relay asynchronously (outbox every 100 ms, log lines, deliveries)
        Thread.sleep(2000);

        Map<String, String> needles = needles();
        assertTrue(needles.size() >= 6, "secrets to look for: " + needles.size());
        List<String> found = new ArrayList<>();
        int databases = 0;
        for (String db : DATABASES) {
            scanDatabase(db + DB_SUFFIX, needles, found);
            databases++;
        }
        int logs = 0;
        try (var files = Files.list(LOGS)) {
            for (Path log : files.filter(p -> p.getFileName().toString().endsWith(LOG_SUFFIX)).sorted().toList()) {
                scanLines(log.getFileName().toString(), Files.newBufferedReader(log, StandardCharsets.UTF_8), needles, found);
                logs++;
            }
        }
        assertTrue(logs >= 5, "the five service logs are in " + LOGS.toAbsolutePath() + " (*" + LOG_SUFFIX + "): " + logs);
        long records = scanKafka(needles, found);
        System.out.printf("%n==== SecretsIT: %d secrets (%d keys, %d webhook secrets, %d JWTs) searched in %d databases, %d logs and "
                        + "%d Kafka records in %d s: %d found%n", needles.size(), Secrets.API_KEYS.size(), Secrets.WEBHOOK_SECRETS.size(),
                Secrets.JWTS.size(), databases, logs, records, Duration.ofNanos(System.nanoTime() - started).toSeconds(), found.size());
        found.stream().limit(40).forEach(f -> System.out.println("  " + f));
        assertTrue(found.isEmpty(), "secrets in plain text:\n" + String.join("\n", found.stream().limit(40).toList()));
    }

    /** A key made by the operator and one by a dashboard user, both used; a webhook with one delivered event; its secret rotated. */
    static void freshSecretsThroughEveryPath() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            Tenant t = Tenant.create("Secrets", ALL_SCOPES);
            E2eSupport.addMember(t.org, "usr_secrets", "owner");
            String session = E2eSupport.dashboardToken(t.org, "usr_secrets", "owner", 300);
            Resp created = t.call(new Req("POST", "/api/v1/keys").auth(session)
                    .json(Map.of("name", "secrets key", "scopes", List.of("candidates:read", "candidates:write", "webhooks:write"))));
            assertEquals(201, created.status(), created.describe());
            String dashboardKey = created.json().path("data").path("key").asText();
            assertTrue(Secrets.API_KEYS.contains(dashboardKey));
            // used through every way of presenting it
            assertEquals(200, t.call(new Req("GET", "/api/v1/candidates?limit=1").auth(dashboardKey)).status());
            assertEquals(200, t.call(new Req("GET", "/api/v1/candidates?limit=1").header("X-API-Key", t.key)).status());
            assertEquals(200, t.call(new Req("GET", "/api/v1/candidates?limit=1").header("Authorization", "token " + dashboardKey)).status());

            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/secrets";
            Resp hook = t.call(new Req("POST", "/api/v1/webhooks").auth(dashboardKey).json(Map.of("url", url)));
            assertEquals(201, hook.status(), hook.describe());
            String hookId = hook.json().path("data").path("id").asText();
            String secret = Secrets.webhook(hook.json().path("data").path("secret").asText());
            assertTrue(secret.startsWith("whsec_"), hook.describe());
            // one real domain event, and a test event
            assertEquals(201, t.call(new Req("POST", "/api/v1/candidates").auth(dashboardKey)
                    .json(Map.of("name", "Sasha Secret", "cvText", "Locksmith and safe engineer.", "filename", "sasha.txt"))).status());
            assertEquals(202, t.post("/api/v1/webhooks/" + hookId + "/test", Map.of()).status());
            awaitBodies(bodies, 2);
            Resp rotated = t.post("/api/v1/webhooks/" + hookId + "/rotate-secret", Map.of());
            assertEquals(200, rotated.status() == 201 ? 200 : rotated.status(), rotated.describe());
            String newSecret = Secrets.webhook(rotated.json().path("data").path("secret").asText());
            assertTrue(newSecret.startsWith("whsec_") && !newSecret.equals(secret), rotated.describe());
            assertEquals(202, t.post("/api/v1/webhooks/" + hookId + "/test", Map.of()).status());
            awaitBodies(bodies, 3);
            // revoke the dashboard key: its events go through the key topic too
            assertEquals(200, t.call(new Req("DELETE", "/api/v1/keys/" + dashboardKey.substring(0, 17)).auth(session)).status());
            for (String body : bodies) {
                assertTrue(!body.contains(secret) && !body.contains(newSecret) && !body.contains(dashboardKey), "a delivery carries a secret");
            }
        } finally {
            receiver.stop(0);
        }
    }

    static void awaitBodies(List<String> bodies, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (bodies.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(bodies.size() >= count, "deliveries: " + bodies.size() + " of " + count);
    }

    /**
     * What to search for, each with a label: the whole secret and the part that is not public (a key
     * without its stored prefix, a webhook secret without whsec_, a JWT's signature), as written and
     * as JSON escapes it.
     */
    static Map<String, String> needles() {
        Map<String, String> needles = new LinkedHashMap<>();
        for (String key : Secrets.API_KEYS) {
            needles.put(key, "API key " + key.substring(0, 17) + "…");
            needles.put(key.substring(17), "secret part of API key " + key.substring(0, 17) + "…");
        }
        for (String secret : Secrets.WEBHOOK_SECRETS) {
            String label = "webhook secret " + secret.substring(0, 10) + "…";
            for (String s : List.of(secret, secret.substring("whsec_".length()))) {
                needles.put(s, label);
                needles.put(s.replace("/", "\\/"), label + " (JSON-escaped)");
                needles.put(s.replace("+", "\\u002B").replace("=", "\\u003D"), label + " (unicode-escaped)");
            }
        }
        for (String jwt : Secrets.JWTS) {
            needles.put(jwt, "JWT " + jwt.substring(0, 12) + "…");
            needles.put(jwt.substring(jwt.lastIndexOf('.') + 1), "signature of JWT " + jwt.substring(0, 12) + "…");
        }
        needles.keySet().removeIf(n -> n.length() < 16);
        return needles;
    }

    static void scanLines(String where, java.io.Reader reader, Map<String, String> needles, List<String> found) throws IOException {
        Set<String> seen = new LinkedHashSet<>();
        try (BufferedReader in = new BufferedReader(reader)) {
            String line;
            long number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                for (Map.Entry<String, String> n : needles.entrySet()) {
                    if (line.contains(n.getKey()) && seen.add(n.getValue())) {
                        found.add(where + " line " + number + ": " + n.getValue() + ": " + E2eSupport.abbreviate(line, 240));
                    }
                }
            }
        }
    }

    /** Every table of the database, data and definitions, as pg_dump writes it (as the recruit role, over TCP). */
    static void scanDatabase(String db, Map<String, String> needles, List<String> found) throws Exception {
        String[] hostPort = PG.split(":");
        ProcessBuilder pb = new ProcessBuilder("pg_dump", "-h", hostPort[0], "-p", hostPort[1], "-U", "recruit", "--no-owner", db);
        pb.environment().put("PGPASSWORD", "recruit");
        pb.redirectErrorStream(false);
        Process p = pb.start();
        scanLines("database " + db, new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8), needles, found);
        String errors = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "pg_dump " + db + " did not finish");
        assertEquals(0, p.exitValue(), "pg_dump " + db + ": " + errors);
    }

    /** Every record of the topics (to their end offsets as they are now) searched for the needles. */
    static long scanKafka(Map<String, String> needles, List<String> found) {
        Set<String> seen = new LinkedHashSet<>();
        return E2eKafka.readAll(TOPICS, r -> {
            StringBuilder text = new StringBuilder();
            if (r.key() != null) {
                text.append(new String(r.key(), StandardCharsets.UTF_8)).append(' ');
            }
            if (r.value() != null) {
                text.append(new String(r.value(), StandardCharsets.UTF_8));
            }
            r.headers().forEach(h -> text.append(' ').append(h.key()).append('=')
                    .append(h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8)));
            String s = text.toString();
            for (Map.Entry<String, String> n : needles.entrySet()) {
                if (s.contains(n.getKey()) && seen.add(r.topic() + n.getValue())) {
                    found.add("kafka " + r.topic() + "-" + r.partition() + "@" + r.offset() + ": " + n.getValue() + ": "
                            + E2eSupport.abbreviate(s, 240));
                }
            }
        });
    }
}
