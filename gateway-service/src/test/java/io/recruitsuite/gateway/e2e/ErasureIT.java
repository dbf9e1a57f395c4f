package io.recruitsuite.gateway.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.recruitsuite.gateway.e2e.E2eSupport.Req;
import io.recruitsuite.gateway.e2e.E2eSupport.Resp;
import io.recruitsuite.gateway.e2e.E2eSupport.Tenant;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.recruitsuite.gateway.e2e.E2eSupport.ALL_SCOPES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Erasure (issue 19 point 1, docs/security.md "Personal data: what is kept where"): a candidate with a unique email and a
 * CV whose text holds a unique marker is created, indexed (search finds it) and delivered to a webhook, then deleted.
 * Every Kafka topic of the run, every database of the stack, the stack's Redis keys and every service log are then read:
 * the CV marker must be nowhere, and the email only on {@code recruit.candidate-events}, whose retention is bounded
 * (7 days, deploy/kubernetes/kafka/topics.yaml) and documented as such. Before the deletion the same scan finds both
 * in the candidate database, so the scan is known to see what it looks for.
 *
 * <p>Environment as {@link SecretsIT}, plus {@code RS_E2E_REDIS_PORT} (18379).
 */
@org.junit.jupiter.api.Order(4)
class ErasureIT {

    static final int REDIS_PORT = Integer.parseInt(System.getenv().getOrDefault("RS_E2E_REDIS_PORT", "18379"));
    /** The only storage where the email may stay after an erasure: the candidate topic, 7 days (documented retention). */
    static final String BOUNDED_EMAIL_TOPIC = "kafka " + SecretsIT.TOPIC_PREFIX + "recruit.candidate-events-";

    @Test
    void anErasedCandidatesCvTextIsNowhereAndTheEmailOnlyOnTheBoundedCandidateTopic() throws Exception {
        String unique = HexFormat.of().formatHex(E2eSupport.randomBytes(8));
        String marker = "cvmarker" + unique;
        // a second word of the CV to search for: a query is itself kept (search.execute, 30 days), so it is not the marker
        String findable = "findable" + unique;
        String email = "erasure." + unique + "@example.com";
        String cv = "Erwin Erasure. Senior welder and fabricator, " + marker + ", twelve years of TIG and MIG work, "
                + findable + " certified, pipeline and pressure vessels.";

        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            Tenant t = Tenant.create("Erasure", ALL_SCOPES);
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/erasure";
            Resp hook = t.post("/api/v1/webhooks", Map.of("url", url,
                    "events", List.of("candidate.created", "candidate.deleted", "document.upload")));
            assertEquals(201, hook.status(), hook.describe());

            Resp created = t.post("/api/v1/candidates", Map.of("name", "Erwin Erasure", "email", email, "cvText", cv,
                    "filename", "erwin-erasure.txt"));
            assertEquals(201, created.status(), created.describe());
            String candidate = created.json().path("data").path("id").asText();
            String document = created.json().path("data").path("documents").path(0).path("id").asText();
            assertTrue(document.startsWith("doc_"), created.describe());

            awaitSearch(t, findable, document, true);
            awaitBody(bodies, b -> b.contains("document.upload") && b.contains(document), "the upload delivered to the webhook");
            awaitBody(bodies, b -> b.contains("candidate.created") && b.contains(candidate), "the candidate delivered to the webhook");

            // the scan sees what it looks for: before the erasure the candidate database holds both
            Map<String, String> needles = new LinkedHashMap<>();
            needles.put(marker, "CV text marker");
            needles.put(email, "email");
            List<String> before = new ArrayList<>();
            SecretsIT.scanDatabase("recruit_candidates" + SecretsIT.DB_SUFFIX, needles, before);
            assertTrue(before.stream().anyMatch(f -> f.contains("CV text marker")) && before.stream().anyMatch(f -> f.contains("email")),
                    "before the erasure the candidate database holds the CV and the email: " + before);

            Resp deleted = t.call(new Req("DELETE", "/api/v1/candidates/" + candidate));
            assertEquals(204, deleted.status(), deleted.describe());
            awaitBody(bodies, b -> b.contains("candidate.deleted") && b.contains(candidate), "the erasure delivered to the webhook");
            awaitSearch(t, findable, document, false);

            // the consumers erase asynchronously (search index, webhook payloads): read everything until it is clean or 60 s passed
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            Scan scan;
            while (true) {
                scan = scan(needles);
                if (scan.unexpected().isEmpty() || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(2000);
            }
            System.out.printf("%n==== ErasureIT: %d databases, %d logs, %d Kafka records, %d Redis keys read after the erasure; "
                    + "found in bounded storage: %d, elsewhere: %d%n", scan.databases(), scan.logs(), scan.records(), scan.redisKeys(),
                    scan.bounded().size(), scan.unexpected().size());
            scan.bounded().forEach(f -> System.out.println("  bounded: " + f));
            scan.unexpected().stream().limit(40).forEach(f -> System.out.println("  " + f));

            assertTrue(scan.unexpected().isEmpty(), "personal data of the erased candidate outside bounded storage:\n"
                    + String.join("\n", scan.unexpected().stream().limit(40).toList()));
            assertTrue(scan.bounded().stream().noneMatch(f -> f.contains("CV text marker")), "the CV text is on no topic");
            for (String body : bodies) {
                assertFalse(body.contains(marker), "a webhook delivery carried the CV text");
                assertFalse(body.contains(email), "a webhook delivery carried the email");
            }
        } finally {
            receiver.stop(0);
        }
    }

    /** What the scan found: on the candidate topic (email only, bounded retention) and anywhere else. */
    record Scan(List<String> bounded, List<String> unexpected, int databases, int logs, long records, int redisKeys) {
    }

    static Scan scan(Map<String, String> needles) throws Exception {
        List<String> found = new ArrayList<>();
        int databases = 0;
        for (String db : SecretsIT.DATABASES) {
            SecretsIT.scanDatabase(db + SecretsIT.DB_SUFFIX, needles, found);
            databases++;
        }
        int logs = 0;
        try (var files = Files.list(SecretsIT.LOGS)) {
            for (Path log : files.filter(p -> p.getFileName().toString().endsWith(SecretsIT.LOG_SUFFIX)).sorted().toList()) {
                SecretsIT.scanLines(log.getFileName().toString(), Files.newBufferedReader(log, StandardCharsets.UTF_8), needles, found);
                logs++;
            }
        }
        assertTrue(logs >= 5, "the five service logs are in " + SecretsIT.LOGS.toAbsolutePath() + " (*" + SecretsIT.LOG_SUFFIX + "): " + logs);
        long records = SecretsIT.scanKafka(needles, found);
        int redisKeys = scanRedis(needles, found);
        List<String> bounded = found.stream().filter(f -> f.startsWith(BOUNDED_EMAIL_TOPIC) && f.contains(": email: ")).toList();
        List<String> unexpected = found.stream().filter(f -> !bounded.contains(f)).toList();
        return new Scan(bounded, unexpected, databases, logs, records, redisKeys);
    }

    /** Every key of the stack's Redis and its value, whatever its type, read over RESP. */
    static int scanRedis(Map<String, String> needles, List<String> found) throws IOException {
        try (Redis redis = new Redis(REDIS_PORT)) {
            List<String> keys = new ArrayList<>();
            String cursor = "0";
            do {
                JsonLike page = redis.command("SCAN", cursor, "COUNT", "1000");
                cursor = page.items().get(0).text();
                page.items().get(1).items().forEach(k -> keys.add(k.text()));
            } while (!"0".equals(cursor));
            StringBuilder all = new StringBuilder();
            for (String key : keys) {
                String type = redis.command("TYPE", key).text();
                JsonLike value = switch (type) {
                    case "string" -> redis.command("GET", key);
                    case "hash" -> redis.command("HGETALL", key);
                    case "list" -> redis.command("LRANGE", key, "0", "-1");
                    case "set" -> redis.command("SMEMBERS", key);
                    case "zset" -> redis.command("ZRANGE", key, "0", "-1", "WITHSCORES");
                    case "stream" -> redis.command("XRANGE", key, "-", "+");
                    default -> new JsonLike("", List.of());
                };
                all.append(key).append(' ').append(value.flatten()).append('\n');
            }
            SecretsIT.scanLines("redis:" + REDIS_PORT, new StringReader(all.toString()), needles, found);
            return keys.size();
        }
    }

    /** A RESP reply: a bulk or simple string, or an array of replies. */
    record JsonLike(String text, List<JsonLike> items) {
        String flatten() {
            if (items.isEmpty()) {
                return text == null ? "" : text;
            }
            StringBuilder out = new StringBuilder();
            items.forEach(i -> out.append(i.flatten()).append(' '));
            return out.toString();
        }
    }

    /** Just enough of a Redis client to read keys and values (the e2e tests have no Redis library). */
    static final class Redis implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Redis(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(10_000);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }

        JsonLike command(String... args) throws IOException {
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write(("*" + args.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            for (String a : args) {
                byte[] b = a.getBytes(StandardCharsets.UTF_8);
                request.write(("$" + b.length + "\r\n").getBytes(StandardCharsets.UTF_8));
                request.write(b);
                request.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(request.toByteArray());
            out.flush();
            return read();
        }

        private JsonLike read() throws IOException {
            int kind = in.read();
            String line = line();
            switch (kind) {
                case '+', ':' -> {
                    return new JsonLike(line, List.of());
                }
                case '-' -> throw new IOException("redis: " + line);
                case '$' -> {
                    int n = Integer.parseInt(line);
                    if (n < 0) {
                        return new JsonLike(null, List.of());
                    }
                    byte[] b = in.readNBytes(n);
                    in.readNBytes(2);
                    return new JsonLike(new String(b, StandardCharsets.UTF_8), List.of());
                }
                case '*' -> {
                    int n = Integer.parseInt(line);
                    List<JsonLike> items = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        items.add(read());
                    }
                    return new JsonLike(null, items);
                }
                default -> throw new IOException("unexpected redis reply " + (char) kind + line);
            }
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder();
            int c;
            while ((c = in.read()) != '\r') {
                if (c < 0) {
                    throw new IOException("redis closed the connection");
                }
                s.append((char) c);
            }
            in.read();
            return s.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    static void awaitSearch(Tenant t, String query, String document, boolean present) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Resp last = null;
        while (System.nanoTime() < deadline) {
            last = t.post("/api/v1/search", Map.of("query", query, "mode", "keyword", "limit", 5));
            if (last.status() == 200) {
                boolean found = false;
                for (JsonNode r : last.json().path("data")) {
                    found |= document.equals(r.path("id").asText());
                }
                if (found == present) {
                    return;
                }
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("search " + (present ? "never found " : "still finds ") + document + ": "
                + (last == null ? "" : last.describe()));
    }

    static void awaitBody(List<String> bodies, java.util.function.Predicate<String> what, String description) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (bodies.stream().anyMatch(what)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(description + ": not within 60 s (" + bodies.size() + " deliveries)");
    }
}
