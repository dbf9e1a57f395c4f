package io.recruitsuite.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small real HTTP stand-in for the candidate-service's document reader, started for the search-service's tests (which
 * run without the candidate-service): {@code GET /internal/v1/organizations/{org}/documents/{id}} and the keyset listing,
 * both answering 401 without the document-reader credential, as the candidate-service does. Tests put a CV here with
 * {@link #register} before publishing its {@code document.upload} (which carries no text), and {@link #erase} it to
 * play a deletion. The search-service reaches it through {@code search.candidate-service.url}, as it reaches the real one,
 * so the client, its guards and the indexing path are the production ones.
 */
public class CandidateServiceStandIn implements QuarkusTestResourceLifecycleManager {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CONTROL = "/stand-in/documents/";
    private static final String FAIL = "/stand-in/fail/";

    private HttpServer server;
    private java.util.concurrent.ExecutorService executor;
    // org -> (document id -> document JSON), ids in order for the keyset listing
    private final Map<String, ConcurrentSkipListMap<String, ObjectNode>> documents = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();

    @Override
    public Map<String, String> start() {
        try {
            String expected = Files.readString(Path.of(System.getenv().getOrDefault("RS_KEYS_DIR", "../.suite/keys"), "document-reader-token")).trim();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                try {
                    handle(exchange, expected);
                } catch (RuntimeException e) {
                    send(exchange, 500, "{\"error\":{\"code\":\"internal_error\",\"message\":\"stand-in\"}}");
                }
            });
            // daemon threads, shut down in stop(): a thread left running would keep the application's class loader alive,
            // and the next application of the JVM (another test profile) could not load the model's native library again
            executor = java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "candidate-service-stand-in");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            server.start();
            return Map.of("search.candidate-service.url", "http://127.0.0.1:" + server.getAddress().getPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void handle(HttpExchange exchange, String expected) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        if (path.startsWith(FAIL)) {
            failures.set(Integer.parseInt(path.substring(FAIL.length())));
            send(exchange, 204, null);
            return;
        }
        if (path.startsWith(CONTROL)) {
            String[] parts = path.substring(CONTROL.length()).split("/");
            String org = decode(parts[0]);
            if ("PUT".equals(method)) {
                ObjectNode doc = (ObjectNode) MAPPER.readTree(exchange.getRequestBody().readAllBytes());
                documents.computeIfAbsent(org, o -> new ConcurrentSkipListMap<>()).put(decode(parts[1]), doc);
                send(exchange, 204, null);
            } else if ("DELETE".equals(method)) {
                documents.getOrDefault(org, new ConcurrentSkipListMap<>()).remove(decode(parts[1]));
                send(exchange, 204, null);
            } else {
                send(exchange, 200, "{\"reads\":" + reads.get() + "}");
            }
            return;
        }
        if (!expected.equals(exchange.getRequestHeaders().getFirst("X-Service-Token"))) {
            send(exchange, 401, "{\"error\":{\"code\":\"unauthorized\",\"message\":\"Missing or invalid service credential\"}}");
            return;
        }
        String prefix = "/internal/v1/organizations/";
        if (!"GET".equals(method) || !path.startsWith(prefix)) {
            send(exchange, 404, "{\"error\":{\"code\":\"not_found\",\"message\":\"Not found\"}}");
            return;
        }
        String[] parts = path.substring(prefix.length()).split("/");
        ConcurrentSkipListMap<String, ObjectNode> of = documents.getOrDefault(decode(parts[0]), new ConcurrentSkipListMap<>());
        reads.incrementAndGet();
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            send(exchange, 503, "{\"error\":{\"code\":\"service_unavailable\",\"message\":\"stand-in outage\"}}");
            return;
        }
        if (parts.length == 3) {
            ObjectNode doc = of.get(decode(parts[2]));
            if (doc == null) {
                send(exchange, 404, "{\"error\":{\"code\":\"not_found\",\"message\":\"Document not found\"}}");
            } else {
                send(exchange, 200, MAPPER.writeValueAsString(MAPPER.createObjectNode().set("data", doc)));
            }
            return;
        }
        Map<String, String> query = query(exchange.getRequestURI());
        int limit = Integer.parseInt(query.getOrDefault("limit", "50"));
        boolean withText = !"false".equals(query.get("text"));
        String after = query.get("after");
        var rest = after == null ? of : of.tailMap(after, false);
        ArrayNode data = MAPPER.createArrayNode();
        String last = after;
        int n = 0;
        for (var e : rest.entrySet()) {
            if (n == limit) {
                break;
            }
            ObjectNode doc = e.getValue().deepCopy();
            if (!withText) {
                doc.putNull("text");
            }
            data.add(doc);
            last = e.getKey();
            n++;
        }
        boolean more = rest.size() > n;
        ObjectNode body = MAPPER.createObjectNode();
        body.set("data", data);
        body.putObject("meta").put("after", last).put("hasMore", more);
        send(exchange, 200, MAPPER.writeValueAsString(body));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                out.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body == null ? -1 : bytes.length);
        if (body != null) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    // ------------------------------------------------------------ what tests call

    /**
     * Puts the CV of an upload into the stand-in (the document as the reader gives it: the event's fields, the text and the
     * email) and returns the event's data as the candidate-service writes it now: without text and email.
     */
    public static ObjectNode register(String org, ObjectNode fullUpload) {
        ObjectNode doc = fullUpload.deepCopy();
        doc.put("id", fullUpload.path("documentId").asText());
        doc.remove("documentId");
        control("PUT", org, fullUpload.path("documentId").asText(), doc.toString());
        ObjectNode event = fullUpload.deepCopy();
        event.remove("text");
        event.remove("candidateEmail");
        return event;
    }

    /** The next {@code reads} reads of the document reader answer 503, as a candidate-service in trouble would. */
    public static void failNextReads(int reads) {
        request("PUT", FAIL + reads, null);
    }

    /** The candidate-service no longer has the document (erased). */
    public static void erase(String org, String documentId) {
        control("DELETE", org, documentId, null);
    }

    private static void control(String method, String org, String documentId, String body) {
        request(method, CONTROL + org + "/" + documentId, body);
    }

    private static void request(String method, String path, String body) {
        String base = ConfigProvider.getConfig().getValue("search.candidate-service.url", String.class);
        try {
            // a plain connection: no client threads outlive the call
            java.net.HttpURLConnection c = (java.net.HttpURLConnection) URI.create(base + path).toURL().openConnection();
            c.setRequestMethod(method);
            if (body != null) {
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/json");
                c.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
            }
            int status = c.getResponseCode();
            c.disconnect();
            if (status != 204) {
                throw new IllegalStateException("stand-in answered " + status);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
