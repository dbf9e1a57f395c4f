package io.recruitsuite.gateway.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.recruitsuite.common.security.KeyVerification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stand-in for the keys-service: it verifies one organization's key with whatever windows the test sets (as the
 * keys-service does after an operator's override), answers the account route (with a field given twice), and takes
 * usage reports. The gateway
 * under test reads key events from a topic of this test's own.
 */
public class FakeKeysService implements QuarkusTestResourceLifecycleManager {

    static final String TOPIC_PREFIX = "test-gateway-limits.";
    static final String ORGANIZATION = "org_limitstest" + Long.toHexString(System.nanoTime());
    static final AtomicReference<KeyVerification.Limits> LIMITS = new AtomicReference<>();
    static final AtomicInteger VERIFICATIONS = new AtomicInteger();
    static final List<String> LINKS = List.of("</api/v1/account>; rel=\"self\"", "</api/v1/docs>; rel=\"service-doc\"");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", FakeKeysService::answer);
        server.start();
        return Map.of("gateway.upstreams.keys.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "rs.kafka.topic-prefix", TOPIC_PREFIX);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        Object data;
        if (path.equals("/internal/v1/keys/verify")) {
            VERIFICATIONS.incrementAndGet();
            data = KeyVerification.accepted(ORGANIZATION, "key_limits", LimitsChangeTest.KEY.substring(0, 17), List.of("jobs:read"),
                    "professional", null, LIMITS.get());
        } else if (path.equals("/internal/v1/usage")) {
            data = 0;
        } else {
            data = Map.of("organization", Map.of("id", ORGANIZATION));
        }
        byte[] body = MAPPER.writeValueAsString(Map.of("data", data)).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (!path.startsWith("/internal/")) {
            // a field given twice, as a service may (Link, Set-Cookie, Vary): the client must get both
            exchange.getResponseHeaders().add("Link", LINKS.get(0));
            exchange.getResponseHeaders().add("Link", LINKS.get(1));
        }
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
