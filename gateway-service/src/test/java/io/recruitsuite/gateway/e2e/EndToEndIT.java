package io.recruitsuite.gateway.e2e;

import com.sun.net.httpserver.HttpServer;
import io.recruitsuite.common.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The production path end to end, against the five services started from their jars by
 * {@code ./suite test}: organization and key, candidate through the gateway, semantic search,
 * and the signed webhook on a local receiver.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    static final String GATEWAY = System.getenv().getOrDefault("RS_E2E_GATEWAY", "http://127.0.0.1:18080");
    static final String SEARCH = System.getenv().getOrDefault("RS_E2E_SEARCH", "http://127.0.0.1:18083");
    static final String GATEWAY_MANAGEMENT = System.getenv().getOrDefault("RS_E2E_GATEWAY_MANAGEMENT", "http://127.0.0.1:19080");
    static final String KEYS = System.getenv().getOrDefault("RS_E2E_KEYS", "http://127.0.0.1:18081");

    static final String NURSE_CV = "Registered nurse with seven years on acute surgical wards. Wound dressing, IV therapy, "
            + "medication rounds, early-warning-score observations, mentoring newly qualified nurses.";
    static final List<String> OTHER_CVS = List.of(
            "Head chef of a ninety-cover Italian restaurant: seasonal menus, fresh pasta, food cost control, HACCP.",
            "Chartered accountant: IFRS statutory accounts, consolidation, month-end close, SAP S/4HANA migration.",
            "HGV class one lorry driver with twelve years of European routes, ADR hazardous goods, tachograph.",
            "Backend engineer: Java, Quarkus, Kafka, PostgreSQL, Kubernetes, observability with OpenTelemetry.");

    static HttpServer receiver;
    static final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    record Delivery(Map<String, List<String>> headers, byte[] body) {
    }

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            deliveries.add(new Delivery(Map.copyOf(exchange.getRequestHeaders()), body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    static String operator() {
        return TestTokens.operatorToken();
    }

    static RequestSpecification gateway(String key) {
        return given().baseUri(GATEWAY).header("Authorization", "Bearer " + key);
    }

    @Test
    @org.junit.jupiter.api.Order(10)
    void createACandidateFindItBySemanticSearchAndReceiveTheSignedWebhook() throws Exception {
        String org = given().baseUri(KEYS).header("X-Operator-Token", operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "E2E Org", "plan", "enterprise")).post("/admin/v1/organizations")
                .then().statusCode(201).extract().path("data.id");
        String key = given().baseUri(KEYS).header("X-Operator-Token", operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "e2e", "scopes", List.of("candidates:read", "candidates:write", "search:read",
                        "webhooks:read", "webhooks:write")))
                .post("/admin/v1/organizations/" + org + "/keys").then().statusCode(201).extract().path("data.key");

        // webhook endpoint on the local receiver, subscribed to document.upload only
        String secret = gateway(key).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks", "events", List.of("document.upload")))
                .post("/api/v1/webhooks").then().statusCode(201)
                .body("data.secret", startsWith("whsec_")).extract().path("data.secret");

        Response created = gateway(key).contentType(ContentType.JSON)
                .body(Map.of("name", "Nadia Nurse", "email", "nadia@example.com", "cvText", NURSE_CV, "filename", "nadia-cv.txt"))
                .post("/api/v1/candidates");
        assertEquals(201, created.statusCode(), created.asString());
        String createRequestId = created.header("X-Request-Id");
        String nurseId = created.path("data.id");
        for (int i = 0; i < OTHER_CVS.size(); i++) {
            gateway(key).contentType(ContentType.JSON)
                    .body(Map.of("name", "Other " + i, "cvText", OTHER_CVS.get(i)))
                    .post("/api/v1/candidates").then().statusCode(201);
        }
        gateway(key).get("/api/v1/candidates/" + nurseId).then().statusCode(200)
                .body("data.cvText", equalTo(NURSE_CV)).body("data.name", equalTo("Nadia Nurse"));

        // a query that shares no keyword with the nurse's CV
        String query = "someone to look after sick people in a clinic";
        Response found = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            found = gateway(key).contentType(ContentType.JSON).body(Map.of("query", query, "limit", 5)).post("/api/v1/search");
            assertEquals(200, found.statusCode(), found.asString());
            Integer total = found.path("meta.total");
            if (total != null && total >= 5) {
                break;
            }
            Thread.sleep(500);
        }
        assertNotNull(found);
        assertEquals("Nadia Nurse", found.path("data[0].candidateName"), found.asString());
        assertEquals("nadia@example.com", found.path("data[0].candidateEmail"));
        assertEquals("nadia-cv.txt", found.path("data[0].filename"));
        float similarity = found.path("data[0].similarity");
        assertTrue(similarity > 0 && similarity <= 1, "similarity in (0, 1]: " + similarity);
        assertNotNull(found.path("data[0].uploadedAt"));
        assertNotNull(found.path("data[0].fileType"));
        assertNotNull(found.path("data[0].wordCount"));
        assertEquals(1, (int) found.path("meta.page"));
        assertEquals(5, (int) found.path("meta.limit"));

        // without candidates:read the same search shows ids and scores only: no name, email, file name or CV excerpts
        String noContact = given().baseUri(KEYS).header("X-Operator-Token", operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "e2e search only", "scopes", List.of("candidates:write", "search:read", "webhooks:write")))
                .post("/admin/v1/organizations/" + org + "/keys").then().statusCode(201).extract().path("data.key");
        Response redacted = gateway(noContact).contentType(ContentType.JSON).body(Map.of("query", query, "limit", 5)).post("/api/v1/search");
        assertEquals(200, redacted.statusCode(), redacted.asString());
        assertEquals((String) found.path("data[0].id"), redacted.path("data[0].id"), "the same ranking: " + redacted.asString());
        assertEquals((String) found.path("data[0].candidateId"), redacted.path("data[0].candidateId"));
        assertNull(redacted.path("data[0].candidateName"), redacted.asString());
        assertNull(redacted.path("data[0].candidateEmail"), redacted.asString());
        assertNull(redacted.path("data[0].filename"), redacted.asString());
        assertEquals(List.of(), redacted.path("data[0].highlights"));
        assertFalse(redacted.asString().contains("Nadia") || redacted.asString().contains("nadia") || redacted.asString().contains("wound"),
                "no name, email or CV text without candidates:read: " + redacted.asString());
        // nor through a webhook: its endpoints may not subscribe to what it cannot read
        gateway(noContact).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks", "events", List.of("candidate.created")))
                .post("/api/v1/webhooks").then().statusCode(403).body("error.code", equalTo("forbidden"))
                .body("error.message", containsString("candidates:read"));

        // the signed document.upload webhook for the nurse's CV
        Delivery delivery = awaitDelivery(nurseId, Duration.ofSeconds(60));
        String signature = first(delivery.headers(), "X-webhook-signature");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal(delivery.body()));
        assertTrue(MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8)),
                "X-Webhook-Signature is the hex HMAC-SHA256 of the raw body");
        String body = new String(delivery.body(), StandardCharsets.UTF_8);
        assertTrue(body.contains("\"type\":\"document.upload\""), body);
        assertTrue(body.contains("\"organizationId\":\"" + org + "\""), body);
        assertTrue(body.contains("\"filename\":\"nadia-cv.txt\""), body);
        assertTrue(!body.contains("wound dressing"), "the CV text never leaves in a webhook");
        assertTrue(deliveries.stream().allMatch(d -> new String(d.body(), StandardCharsets.UTF_8).contains("document.upload")),
                "only subscribed types are delivered");

        // one trace from the request through the outbox and Kafka to the indexer and the webhook attempt
        String spans = awaitTrace(createRequestId, "service=webhook-service kind=CLIENT", "service=candidate-service kind=SERVER",
                "service=search-service kind=CONSUMER");
        assertTrue(spans.contains("service=candidate-service kind=SERVER"), spans);
        assertTrue(spans.contains("name=\"webhook document.upload\""), "the delivery attempt is in the request's trace:\n" + spans);
        assertTrue(spans.contains("service=search-service kind=CONSUMER"), "the indexer's consumer span too:\n" + spans);
    }

    @Test
    @org.junit.jupiter.api.Order(15)
    void oneSearchIsOneTraceFromTheGatewayIntoTheSearchService() throws Exception {
        String key = newOrganizationWithKey("enterprise", List.of("search:read"));
        // a client's ids are recorded, never adopted: it cannot join our trace, force sampling or pose as another request
        String clientRequestId = "e2e-trace-" + java.util.UUID.randomUUID();
        String clientTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String requestId = gateway(key).header("X-Request-Id", clientRequestId)
                .header("traceparent", "00-" + clientTraceId + "-00f067aa0ba902b7-01")
                .contentType(ContentType.JSON).body(Map.of("query", "ward nurse"))
                .post("/api/v1/search").then().statusCode(200).extract().header("X-Request-Id");
        assertNotEquals(clientRequestId, requestId, "the gateway makes its own request id");
        String spans = awaitTrace(requestId, "service=search-service kind=SERVER", "service=gateway-service kind=SERVER");
        assertFalse(spans.contains(clientTraceId), "no span joins the client's trace:\n" + spans);
        java.util.regex.Matcher server = java.util.regex.Pattern
                .compile("parent=([0-9a-f]{16}) service=search-service kind=SERVER").matcher(spans);
        assertTrue(server.find(), "the search-service's span is in the gateway's trace:\n" + spans);
        assertTrue(spans.matches("(?s).*service=gateway-service kind=SERVER [^\\n]*request=" + requestId + " .*"),
                "the gateway's server span carries the request id:\n" + spans);
        assertTrue(spans.matches("(?s).*span=" + server.group(1) + " parent=[0-9a-f]{16} service=gateway-service kind=CLIENT.*"),
                "its parent is the gateway's call to it:\n" + spans);
        assertTrue(spans.contains("name=\"POST /api/v1/search\""), spans);
    }

    @Test
    @org.junit.jupiter.api.Order(20)
    void theGatewayRefusesWhatItMustRefuse() {
        String org = given().baseUri(KEYS).header("X-Operator-Token", operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "E2E Refusals", "plan", "enterprise")).post("/admin/v1/organizations")
                .then().statusCode(201).extract().path("data.id");
        String key = given().baseUri(KEYS).header("X-Operator-Token", operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "read only", "scopes", List.of("candidates:read")))
                .post("/admin/v1/organizations/" + org + "/keys").then().statusCode(201).extract().path("data.key");

        given().baseUri(GATEWAY).get("/api/v1/candidates").then().statusCode(401).body("error.code", equalTo("unauthorized"));
        gateway("rsa_live_" + "A".repeat(38)).get("/api/v1/candidates").then().statusCode(401).body("error.code", equalTo("unauthorized"));
        given().baseUri(GATEWAY).header("X-API-Key", key).get("/api/v1/candidates").then().statusCode(200);
        given().baseUri(GATEWAY).header("Authorization", "token " + key).get("/api/v1/candidates").then().statusCode(200)
                .body("meta.page", equalTo(1));
        gateway(key).contentType(ContentType.JSON).body(Map.of("query", "x")).post("/api/v1/search")
                .then().statusCode(403).body("error.code", equalTo("forbidden")).body("error.message", containsString("search:read"));
        gateway(key).get("/api/v1/nothing-here").then().statusCode(404).body("error.code", equalTo("not_found"));
        gateway(key).get("/api/v1").then().statusCode(200).body("data.version", equalTo("v1"));

        // a revoked key is refused within a second
        given().baseUri(KEYS).header("X-Operator-Token", operator())
                .delete("/admin/v1/organizations/" + org + "/keys/" + key.substring(0, 17)).then().statusCode(200);
        long revokedAt = System.nanoTime();
        while (gateway(key).get("/api/v1/candidates").statusCode() == 200) {
            if (System.nanoTime() - revokedAt > Duration.ofSeconds(1).toNanos()) {
                fail("revoked key still accepted after one second");
            }
        }
        gateway(key).get("/api/v1/candidates").then().statusCode(401).body("error.code", equalTo("unauthorized"));
    }

    @Test
    @org.junit.jupiter.api.Order(25)
    void theDocumentedUriLimitHoldsEndToEnd() {
        String key = newOrganizationWithKey("enterprise", List.of("candidates:read"));
        // 8,192 characters is the documented limit: the service behind the gateway reads such a request line too
        String path = "/api/v1/candidates?limit=1&search=";
        String uri = path + "a".repeat(8192 - path.length());
        // (the service reads it, and answers about the value, in the envelope)
        gateway(key).get(uri).then().statusCode(400).body("error.message", containsString("search: at most"));
        gateway(key).get(uri + "a").then().statusCode(400).body("error.code", equalTo("validation_error"))
                .body("error.message", containsString("8192"));
    }

    @Test
    @org.junit.jupiter.api.Order(30)
    void aDashboardUserManagesKeysThroughTheGateway() throws Exception {
        String org = given().baseUri(KEYS).header("X-Operator-Token", operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "E2E Dashboard", "plan", "starter")).post("/admin/v1/organizations")
                .then().statusCode(201).extract().path("data.id");
        given().baseUri(KEYS).header("X-Operator-Token", operator()).contentType(ContentType.JSON)
                .body(Map.of("userId", "usr_admin", "role", "admin")).post("/admin/v1/organizations/" + org + "/members")
                .then().statusCode(201);
        String session = io.smallrye.jwt.build.Jwt.issuer("recruit-suite-dashboard").audience("recruit-suite").subject("usr_admin")
                .claim("org", org).claim("role", "admin").expiresIn(300)
                .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.ES256)
                .sign(io.smallrye.jwt.util.KeyUtils.decodePrivateKey(
                        java.nio.file.Files.readString(TestTokens.keysDir().resolve("dashboard-signing.pem")),
                        io.smallrye.jwt.algorithm.SignatureAlgorithm.ES256));

        String key = gateway(session).contentType(ContentType.JSON)
                .body(Map.of("name", "integration", "scopes", List.of("candidates:read")))
                .post("/api/v1/keys").then().statusCode(201).extract().path("data.key");
        // starter: one active key
        gateway(session).contentType(ContentType.JSON).body(Map.of("name", "second", "scopes", List.of("candidates:read")))
                .post("/api/v1/keys").then().statusCode(403).body("error.code", equalTo("forbidden"));
        gateway(session).get("/api/v1/keys").then().statusCode(200).body("data[0].prefix", equalTo(key.substring(0, 17)));
        // an API key cannot manage keys; the new key reads candidates with rate-limit headers
        gateway(key).get("/api/v1/keys").then().statusCode(401);
        gateway(key).get("/api/v1/candidates").then().statusCode(200)
                .header("X-RateLimit-Limit", equalTo("60")).header("X-RateLimit-Remaining", notNullValue())
                .header("RateLimit-Policy", notNullValue());
        gateway(session).delete("/api/v1/keys/" + key.substring(0, 17)).then().statusCode(200).body("data.status", equalTo("revoked"));
        long revokedAt = System.nanoTime();
        while (gateway(key).get("/api/v1/candidates").statusCode() == 200) {
            if (System.nanoTime() - revokedAt > Duration.ofSeconds(1).toNanos()) {
                fail("revoked key still accepted after one second");
            }
        }
    }

    static String newOrganization(String plan) {
        return given().baseUri(KEYS).header("X-Operator-Token", operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "E2E " + plan, "plan", plan)).post("/admin/v1/organizations")
                .then().statusCode(201).extract().path("data.id");
    }

    @Test
    @org.junit.jupiter.api.Order(32)
    void aSessionCarriesTheUsersCurrentMembershipRoleAndPlanNotTheTokens() throws Exception {
        String org = newOrganization("enterprise");
        E2eSupport.addMember(org, "usr_leaving", "admin");
        String leaving = E2eSupport.dashboardToken(org, "usr_leaving", "admin", 300);
        gateway(leaving).get("/api/v1/webhooks").then().statusCode(200);
        given().baseUri(KEYS).header("X-Operator-Token", operator()).delete("/admin/v1/organizations/" + org + "/members/usr_leaving")
                .then().statusCode(200);
        long removedAt = System.nanoTime();
        while (gateway(leaving).get("/api/v1/webhooks").statusCode() != 401) {
            assertTrue(System.nanoTime() - removedAt < Duration.ofSeconds(10).toNanos(), "a removed member's session still manages webhooks");
            Thread.sleep(100);
        }
        gateway(leaving).contentType(ContentType.JSON).body(Map.of("url", "https://example.com/hook", "events", List.of("job.created")))
                .post("/api/v1/webhooks").then().statusCode(401).body("error.message", containsString("no longer a member"));

        // the role is the member table's: a member whose token claims admin cannot write
        E2eSupport.addMember(org, "usr_reader", "member");
        gateway(E2eSupport.dashboardToken(org, "usr_reader", "admin", 300)).contentType(ContentType.JSON)
                .body(Map.of("url", "https://example.com/hook", "events", List.of("job.created")))
                .post("/api/v1/webhooks").then().statusCode(403).body("error.code", equalTo("forbidden"));

        // a plan without API access manages no webhooks through a session either; keys stay visible
        String free = newOrganization("free");
        E2eSupport.addMember(free, "usr_free", "owner");
        String freeSession = E2eSupport.dashboardToken(free, "usr_free", "owner", 300);
        gateway(freeSession).get("/api/v1/webhooks").then().statusCode(403).body("error.message", containsString("API access"));
        gateway(freeSession).get("/api/v1/keys").then().statusCode(200);

        // sessions are limited per user (gateway.sessions.per-user-per-minute) with the usual headers
        E2eSupport.addMember(org, "usr_busy", "admin");
        String busy = E2eSupport.dashboardToken(org, "usr_busy", "admin", 300);
        Response first = gateway(busy).get("/api/v1/keys");
        assertEquals(200, first.statusCode());
        int limit = Integer.parseInt(first.header("X-RateLimit-Limit"));
        assertEquals(120, limit, "the per-user dashboard limit is the tightest window");
        int refused = 0;
        for (int i = 1; i <= limit + 5; i++) {
            Response r = gateway(busy).get("/api/v1/keys");
            if (r.statusCode() == 429) {
                refused++;
                assertNotNull(r.header("Retry-After"));
            } else {
                assertEquals(200, r.statusCode());
            }
        }
        assertEquals(6, refused, "requests beyond the per-user dashboard limit");
    }

    @Test
    @org.junit.jupiter.api.Order(35)
    void aRetriedPostWithAnIdempotencyKeyCreatesOneCandidate() throws Exception {
        String key = newOrganizationWithKey("enterprise", List.of("candidates:read", "candidates:write"));
        String idem = "retry-" + java.util.UUID.randomUUID();
        Response first = gateway(key).header("Idempotency-Key", idem).contentType(ContentType.JSON)
                .body(Map.of("name", "Ida Once")).post("/api/v1/candidates");
        assertEquals(201, first.statusCode(), first.asString());
        Response retry = gateway(key).header("Idempotency-Key", idem).contentType(ContentType.JSON)
                .body(Map.of("name", "Ida Once")).post("/api/v1/candidates");
        assertEquals(201, retry.statusCode(), retry.asString());
        assertEquals((String) first.path("data.id"), retry.path("data.id"), "the retry gets the first answer");
        assertEquals("true", retry.header("Idempotent-Replayed"));
        gateway(key).get("/api/v1/candidates").then().statusCode(200).body("meta.total", equalTo(1));
        // the same key for another request
        gateway(key).header("Idempotency-Key", idem).contentType(ContentType.JSON).body(Map.of("name", "Someone Else"))
                .post("/api/v1/candidates").then().statusCode(422).body("error.code", equalTo("idempotency_key_reused"));
        gateway(key).header("Idempotency-Key", "").contentType(ContentType.JSON).body(Map.of("name", "Bad Key"))
                .post("/api/v1/candidates").then().statusCode(400).body("error.code", equalTo("validation_error"));
        // five at once with one new key: one candidate; the others replay it or are told it is under way
        String burstKey = "burst-" + java.util.UUID.randomUUID();
        var clients = java.util.concurrent.Executors.newFixedThreadPool(5);
        List<java.util.concurrent.Future<Response>> burst = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            burst.add(clients.submit(() -> gateway(key).header("Idempotency-Key", burstKey).contentType(ContentType.JSON)
                    .body(Map.of("name", "Ida Burst")).post("/api/v1/candidates")));
        }
        clients.shutdown();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (var f : burst) {
            Response r = f.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(r.statusCode() == 201 || r.statusCode() == 409, r.statusCode() + " " + r.asString());
            if (r.statusCode() == 201) {
                ids.add(r.path("data.id"));
            }
        }
        assertEquals(1, ids.size(), "one candidate for one key: " + ids);
        gateway(key).get("/api/v1/candidates").then().statusCode(200).body("meta.total", equalTo(2));

        // an answer holding a secret shown once (a webhook's signing secret) is never kept for replay
        String hooks = newOrganizationWithKey("enterprise", List.of("webhooks:read", "webhooks:write", "jobs:read"));
        String hookKey = "hook-" + java.util.UUID.randomUUID();
        Map<String, Object> endpoint = Map.of("url", "http://127.0.0.1:9/hooks", "events", List.of("job.created"));
        String secret = gateway(hooks).header("Idempotency-Key", hookKey).contentType(ContentType.JSON).body(endpoint)
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("data.secret");
        gateway(hooks).header("Idempotency-Key", hookKey).contentType(ContentType.JSON).body(endpoint)
                .post("/api/v1/webhooks").then().statusCode(409).body("error.message", containsString("shown only once"));
        gateway(hooks).get("/api/v1/webhooks").then().statusCode(200).body("meta.total", equalTo(1));
        String redisPort = System.getenv().getOrDefault("RS_E2E_REDIS_PORT", "18379");
        Process dump = new ProcessBuilder("sh", "-c", "for k in $(redis-cli -p " + redisPort + " --scan --pattern 'idem:*'); do "
                + "redis-cli -p " + redisPort + " get \"$k\"; done").redirectErrorStream(true).start();
        String stored = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        dump.waitFor();
        assertTrue(stored.contains("Ida Once"), "the kept answers are there to look at");
        assertFalse(stored.contains(secret), "no webhook secret in the idempotency store");
    }

    @Test
    @org.junit.jupiter.api.Order(40)
    void publishesTheAggregatedApiDescriptionAndItsUi() {
        var doc = given().baseUri(GATEWAY).get("/api/v1/openapi.json").then().statusCode(200).extract().jsonPath();
        java.util.Map<String, Object> paths = doc.getMap("paths");
        for (String path : List.of("/api/v1/search", "/api/v1/candidates", "/api/v1/candidates/{id}", "/api/v1/keys", "/api/v1/webhooks")) {
            assertTrue(paths.containsKey(path), "missing " + path + " in " + paths.keySet());
        }
        assertTrue(paths.keySet().stream().noneMatch(p -> p.startsWith("/admin") || p.startsWith("/internal")), "no internal paths");
        java.util.Map<String, Object> schemas = doc.getMap("components.schemas");
        assertFalse(schemas.isEmpty(), "the public operations' schemas are there");
        for (String internal : List.of("CreateOrganization", "VerifyRequest", "KeyVerification", "AddMember", "ReindexRun")) {
            assertFalse(schemas.containsKey(internal), "operator/internal schema " + internal + " is not public");
        }
        given().baseUri(GATEWAY).get("/api/v1/docs/").then().statusCode(200).body(containsString("swagger"));
        // what is served is the published, reviewed contract, byte for byte in content
        try {
            var committed = E2eSupport.JSON.readTree(java.nio.file.Path.of("..", "docs", "openapi.json").toFile());
            var served = E2eSupport.JSON.readTree(given().baseUri(GATEWAY).get("/api/v1/openapi.json").asString());
            assertEquals(committed, served, "GET /api/v1/openapi.json is docs/openapi.json");
            // GET /api/v1 lists every operation of that document (and itself), each with its summary and scope
            int operations = 0;
            for (var item : committed.path("paths")) {
                operations += item.size();
            }
            var discovery = E2eSupport.JSON.readTree(given().baseUri(GATEWAY).get("/api/v1").asString()).path("data").path("endpoints");
            assertEquals(operations + 1, discovery.size(), discovery.toString());
            for (var endpoint : discovery) {
                assertTrue(endpoint.path("description").isTextual(), endpoint.toString());
            }
            assertTrue(discovery.toString().contains("{\"method\":\"GET\",\"path\":\"/api/v1/candidates/:id\",\"description\":\"Get candidate\","
                    + "\"scope\":\"candidates:read\"}"), discovery.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String newOrganizationWithKey(String plan, List<String> scopes) {
        String org = given().baseUri(KEYS).header("X-Operator-Token", operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "E2E " + plan, "plan", plan)).post("/admin/v1/organizations")
                .then().statusCode(201).extract().path("data.id");
        return given().baseUri(KEYS).header("X-Operator-Token", operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "k", "scopes", scopes))
                .post("/admin/v1/organizations/" + org + "/keys").then().statusCode(201).extract().path("data.key");
    }

    @Test
    @org.junit.jupiter.api.Order(45)
    void aKeyStopsWorkingAtTheSecondItExpiresThoughItsVerdictIsCached() throws InterruptedException {
        String org = given().baseUri(KEYS).header("X-Operator-Token", operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "E2E expiry", "plan", "enterprise")).post("/admin/v1/organizations")
                .then().statusCode(201).extract().path("data.id");
        java.time.Instant expiresAt = java.time.Instant.now().plusSeconds(4);
        String key = given().baseUri(KEYS).header("X-Operator-Token", operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "short-lived", "scopes", List.of("candidates:read"), "expiresAt", expiresAt.toString()))
                .post("/admin/v1/organizations/" + org + "/keys").then().statusCode(201).extract().path("data.key");
        // verified once, and from then on served from the gateway's cache
        gateway(key).get("/api/v1/candidates?limit=1").then().statusCode(200);
        gateway(key).get("/api/v1/candidates?limit=1").then().statusCode(200);
        long untilExpiry = java.time.Duration.between(java.time.Instant.now(), expiresAt).toMillis();
        Thread.sleep(Math.max(0, untilExpiry) + 200);
        gateway(key).get("/api/v1/candidates?limit=1").then().statusCode(401)
                .body("error.code", equalTo("unauthorized")).body("error.message", containsString("expired"));
    }

    @Test
    @org.junit.jupiter.api.Order(48)
    void anOperatorsLimitForOneOrganizationAppliesWithinFiveSecondsAndShowsInItsAccount() throws InterruptedException {
        String key = newOrganizationWithKey("professional", List.of("jobs:read"));
        String other = newOrganizationWithKey("professional", List.of("jobs:read"));
        Response before = gateway(key).get("/api/v1/account");
        assertEquals(200, before.statusCode(), before.asString());
        assertEquals("60", before.header("X-RateLimit-Limit"));
        assertEquals(60, (int) before.path("data.limits[0].limit"));
        String org = before.path("data.organization.id");

        given().baseUri(KEYS).header("X-Operator-Token", operator()).contentType(ContentType.JSON)
                .body(Map.of("organizationPerMinute", 40)).put("/admin/v1/organizations/" + org + "/limits")
                .then().statusCode(200).body("data.effective.organizationPerMinute", equalTo(40));
        long changed = System.currentTimeMillis();
        Response latest = gateway(key).get("/api/v1/account");
        while (!"40".equals(latest.header("X-RateLimit-Limit")) && System.currentTimeMillis() - changed < 5_000) {
            Thread.sleep(250);
            latest = gateway(key).get("/api/v1/account");
        }
        assertEquals("40", latest.header("X-RateLimit-Limit"), "after " + (System.currentTimeMillis() - changed) + " ms");
        assertEquals("\"organization-minute\";q=40;w=60", latest.header("RateLimit-Policy"));
        assertEquals(200, latest.statusCode(), latest.asString());
        assertEquals(40, (int) latest.path("data.limits[0].limit"));
        assertEquals("organization", latest.path("data.limits[0].source"));
        // another organization keeps its plan's windows
        assertEquals("60", gateway(other).get("/api/v1/account").header("X-RateLimit-Limit"));

        given().baseUri(KEYS).header("X-Operator-Token", operator()).delete("/admin/v1/organizations/" + org + "/limits")
                .then().statusCode(200).body("data.effective.organizationPerMinute", equalTo(60));
    }

    @Test
    @org.junit.jupiter.api.Order(50)
    void theSixtyFirstRequestInAMinuteIsRefusedWithRetryAfter() throws InterruptedException {
        String key = newOrganizationWithKey("enterprise", List.of("candidates:read", "search:read"));
        // The sliding window weighs the previous minute's bucket by how much of it still overlaps, so
        // once a burst crosses a bucket edge its count starts to slide out. Start at the beginning of
        // a bucket so that the exact counts below hold for the whole burst.
        long intoMinute = System.currentTimeMillis() % 60_000;
        if (intoMinute > 25_000) {
            Thread.sleep(60_000 - intoMinute + 250);
        }
        for (int i = 1; i <= 30; i++) {
            gateway(key).contentType(ContentType.JSON).body(Map.of("query", "python", "limit", 1)).post("/api/v1/search")
                    .then().statusCode(200);
        }
        gateway(key).contentType(ContentType.JSON).body(Map.of("query", "python", "limit", 1)).post("/api/v1/search")
                .then().statusCode(429).body("error.code", equalTo("rate_limited"))
                .body("error.message", containsString("search")).header("Retry-After", notNullValue());
        for (int i = 31; i <= 60; i++) {
            gateway(key).get("/api/v1/candidates?limit=1").then().statusCode(200)
                    .header("X-RateLimit-Remaining", equalTo(Integer.toString(60 - i)));
        }
        Response refused = gateway(key).get("/api/v1/candidates?limit=1");
        assertEquals(429, refused.statusCode());
        assertEquals("rate_limited", refused.path("error.code"));
        assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1);
        assertEquals("0", refused.header("X-RateLimit-Remaining"));
        assertEquals("60", refused.header("X-RateLimit-Limit"));
        assertNotNull(refused.header("RateLimit"));
    }

    @Test
    @org.junit.jupiter.api.Order(60)
    void oversizedBodiesAreRefusedWith413() throws Exception {
        String key = newOrganizationWithKey("enterprise", List.of("candidates:write", "search:read"));
        byte[] big = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        gateway(key).contentType(ContentType.JSON).body(big).post("/api/v1/search")
                .then().statusCode(413).body("error.code", equalTo("payload_too_large"));
        // chunked, without a Content-Length: refused once the limit is crossed
        var connection = (java.net.HttpURLConnection) java.net.URI.create(GATEWAY + "/api/v1/search").toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setChunkedStreamingMode(64 * 1024);
        connection.setRequestProperty("Authorization", "Bearer " + key);
        connection.setRequestProperty("Content-Type", "application/json");
        try (var out = connection.getOutputStream()) {
            out.write(big);
        } catch (java.io.IOException closedEarly) {
            // the gateway may close the stream once it has refused the request
        }
        assertEquals(413, connection.getResponseCode());
    }

    @Test
    @org.junit.jupiter.api.Order(70)
    void redisStoppedAndRestartedNeverCausesA500() throws Exception {
        String key = newOrganizationWithKey("enterprise", List.of("candidates:read"));
        gateway(key).get("/api/v1/candidates?limit=1").then().statusCode(200);
        // the end-to-end stack's own Redis (./suite test starts it), never one another stack uses
        String redisPort = System.getenv().getOrDefault("RS_E2E_REDIS_PORT", "18379");
        exec("redis-cli", "-p", redisPort, "shutdown", "nosave");
        try {
            // fail open, bounded: the replica admits on its own a quarter of the 60 per minute (gateway.rate-limit.fallback-share)
            int admitted = 0;
            for (int i = 0; i < 20; i++) {
                Response r = gateway(key).get("/api/v1/candidates?limit=1");
                if (r.statusCode() == 200) {
                    admitted++;
                } else {
                    assertEquals(429, r.statusCode(), "with Redis down a request is served or limited, never failed");
                    assertEquals("rate_limited", r.jsonPath().getString("error.code"));
                }
            }
            assertEquals(15, admitted, "with Redis down the gateway admits its share of the limit");
            // designed to serve without Redis, so Redis never makes the gateway (or the search-service) NotReady
            given().baseUri(GATEWAY_MANAGEMENT).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            given().baseUri(SEARCH).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        } finally {
            exec("redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--port", redisPort, "--save", "", "--appendonly", "no");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (exec("redis-cli", "-p", redisPort, "ping") != 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        for (int i = 0; i < 10; i++) {
            Response r = gateway(key).get("/api/v1/candidates?limit=1");
            assertTrue(r.statusCode() < 500, "no 5xx after Redis returned: " + r.statusCode());
        }
        Thread.sleep(6000);
        gateway(key).get("/api/v1/candidates?limit=1").then().statusCode(200).header("X-RateLimit-Limit", equalTo("60"));
    }

    @Test
    @org.junit.jupiter.api.Order(75)
    void losingRedisMidMonthDoesNotResetAnOrganizationsQuota() throws Exception {
        String key = newOrganizationWithKey("starter", List.of("candidates:read"));
        for (int i = 1; i <= 5; i++) {
            gateway(key).get("/api/v1/candidates?limit=1").then().statusCode(200)
                    .header("X-Quota-Limit", equalTo("1000")).header("X-Quota-Remaining", equalTo(Integer.toString(1000 - i)));
        }
        String redisPort = System.getenv().getOrDefault("RS_E2E_REDIS_PORT", "18379");
        assertEquals(0, exec("redis-cli", "-p", redisPort, "flushall"));
        // the quota counter is restored from the keys-service's count and what the gateway has not reported yet
        gateway(key).get("/api/v1/candidates?limit=1").then().statusCode(200)
                .header("X-Quota-Remaining", equalTo("994"));
    }

    @Test
    @org.junit.jupiter.api.Order(100)
    void anUpstreamKilledMidTestGivesAFast503() throws Exception {
        String key = newOrganizationWithKey("enterprise", List.of("candidates:read", "search:read"));
        gateway(key).get("/api/v1/candidates?limit=1").then().statusCode(200);
        java.nio.file.Path pidFile = java.nio.file.Path.of(System.getenv().getOrDefault("RS_E2E_PIDS", "../.suite/pids"), "candidate-e2e.pid");
        long pid = Long.parseLong(java.nio.file.Files.readString(pidFile).trim());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        Thread.sleep(500);
        long start = System.nanoTime();
        Response r = gateway(key).get("/api/v1/candidates?limit=1");
        String requestId = r.header("X-Request-Id");
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertEquals(503, r.statusCode(), r.asString());
        assertEquals("service_unavailable", r.path("error.code"));
        assertNotNull(r.header("Retry-After"));
        assertTrue(millis < 2000, "503 within two seconds, took " + millis + " ms");
        // the production log format: one JSON object per line, the trace id beside the request id
        java.nio.file.Path log = pidFile.getParent().getParent().resolve("logs").resolve("gateway-e2e.log");
        String line = java.nio.file.Files.readAllLines(log).stream().filter(l -> l.contains(requestId)).findFirst()
                .orElseThrow(() -> new AssertionError("the gateway logged nothing for " + requestId));
        assertTrue(line.startsWith("{") && line.contains("\"requestId\":\"" + requestId + "\"")
                && line.matches(".*\"traceId\":\"[0-9a-f]{32}\".*"), line);
        // other upstreams are unaffected
        gateway(key).contentType(ContentType.JSON).body(Map.of("query", "nurse")).post("/api/v1/search").then().statusCode(200);
    }

    @Test
    @org.junit.jupiter.api.Order(90)
    void oneTenantsSlowBodiesNeitherHoldUpstreamSlotsNorOpenTheBreakerForOthers() throws Exception {
        List<String> scopes = List.of("webhooks:read", "webhooks:write", "jobs:read");
        String slow = newOrganizationWithKey("enterprise", scopes);
        String other = newOrganizationWithKey("enterprise", scopes);
        String endpoint = gateway(other).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/hooks", "events", List.of("job.created")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("data.id");
        java.net.URI gatewayUri = java.net.URI.create(GATEWAY);
        List<java.net.Socket> stalled = new java.util.ArrayList<>();
        try {
            // twenty bodies that announce 200 bytes and send 10
            for (int i = 0; i < 20; i++) {
                java.net.Socket socket = new java.net.Socket(gatewayUri.getHost(), gatewayUri.getPort());
                socket.setSoTimeout(30_000);
                socket.getOutputStream().write(("POST /api/v1/webhooks HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + slow
                        + "\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"url\": \"h").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                stalled.add(socket);
            }
            Thread.sleep(1000);
            gateway(other).get("/api/v1/webhooks/" + endpoint).then().statusCode(200);
            for (java.net.Socket socket : stalled) {
                String head = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
                assertEquals("HTTP/1.1 408", head, "a body that does not arrive is the client's timeout");
            }
        } finally {
            for (java.net.Socket socket : stalled) {
                socket.close();
            }
        }
        // their timeouts were not the webhook-service's failures: nobody else gets 503 afterwards
        for (int i = 0; i < 5; i++) {
            gateway(other).get("/api/v1/webhooks/" + endpoint).then().statusCode(200);
        }
    }

    @Test
    @org.junit.jupiter.api.Order(91)
    void oversizedUploadsAreTheClientsFaultAndNeverOpenTheBreakerForOthers() {
        String uploader = newOrganizationWithKey("enterprise", List.of("candidates:write"));
        String other = newOrganizationWithKey("enterprise", List.of("candidates:read"));
        // the breaker opens when half of the last 20 forwards to an upstream failed: 21 cut-off uploads in a row
        E2eSupport.Req upload = E2eSupport.multipart("POST", "/api/v1/candidates/upload", List.of(E2eSupport.Part.file("big.pdf",
                "application/pdf", E2eSupport.randomBytes(11 * 1024 * 1024 + 64 * 1024))));
        for (int i = 0; i < 21; i++) {
            E2eSupport.Resp over = E2eSupport.sendLarge("POST", "/api/v1/candidates/upload", Map.of("Authorization", "Bearer " + uploader,
                    "Content-Type", upload.headers.get("Content-Type")), upload.body, true);
            assertEquals(413, over.status(), "upload " + (i + 1) + ": " + new String(over.body(), StandardCharsets.UTF_8));
        }
        for (int i = 0; i < 5; i++) {
            gateway(other).get("/api/v1/candidates?limit=1").then().statusCode(200);
        }
    }

    @Test
    @org.junit.jupiter.api.Order(92)
    void aLongAnswerOfUnknownLengthIsStreamedThroughWhole() {
        String key = newOrganizationWithKey("enterprise", List.of("candidates:read", "candidates:write"));
        // 40 writes and a read: within the test plans' 60 requests a minute
        for (int i = 0; i < 40; i++) {
            gateway(key).contentType(ContentType.JSON).body(Map.of("name", "Streamed Candidate " + i, "email", "streamed" + i + "@example.com",
                    "tags", List.of("intensive-care", "night-shifts", "paediatric-nursing", "wound-care", "candidate-" + i)))
                    .post("/api/v1/candidates").then().statusCode(201);
        }
        // about 16 KB: more than the service buffers, so it answers in chunks without a Content-Length, which the
        // gateway relays as they come (answers with a length up to gateway.relay-whole-up-to leave in one write)
        Response page = gateway(key).get("/api/v1/candidates?limit=100");
        assertEquals(200, page.statusCode(), page.asString());
        assertEquals("chunked", page.header("Transfer-Encoding"), "relayed as a stream: " + page.headers());
        assertEquals(40, page.<List<?>>path("data").size());
        assertEquals(40, (int) page.path("meta.total"));
        assertTrue(page.asString().endsWith("}"), "the whole document arrived");
    }

    @Test
    @org.junit.jupiter.api.Order(95)
    void madeUpKeysCostOneAddressItsBudgetAndNobodyElseTheirAccess() throws Exception {
        String known = newOrganizationWithKey("enterprise", List.of("candidates:read"));
        gateway(known).get("/api/v1/candidates?limit=1").then().statusCode(200);
        // a burst of well-formed keys (the checksum is public) nobody issued, all at once
        List<java.util.concurrent.CompletableFuture<Response>> burst = new java.util.ArrayList<>();
        var clients = java.util.concurrent.Executors.newFixedThreadPool(50);
        for (int i = 0; i < 100; i++) {
            String madeUp = io.recruitsuite.common.security.ApiKeyFormat.generate("live");
            burst.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> gateway(madeUp).get("/api/v1/candidates?limit=1"), clients));
        }
        clients.shutdown();
        for (var f : burst) {
            Response r = f.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(r.statusCode() == 401 || r.statusCode() == 429 || r.statusCode() == 503, "status " + r.statusCode());
            assertNotNull(r.path("error.code"), "in the envelope");
        }
        Response refused = gateway(io.recruitsuite.common.security.ApiKeyFormat.generate("live")).get("/api/v1/candidates?limit=1");
        assertEquals(429, refused.statusCode(), "the address used up its budget of unknown keys: " + refused.asString());
        assertNotNull(refused.header("Retry-After"));
        gateway(known).get("/api/v1/candidates?limit=1").then().statusCode(200);
        // the verification path stayed closed to nobody: once the address's window ends, a new key of another
        // organization is verified at once (before, the burst opened the keys-service breaker for everyone)
        Thread.sleep(Long.parseLong(refused.header("Retry-After")) * 1000 + 200);
        String fresh = newOrganizationWithKey("enterprise", List.of("candidates:read"));
        gateway(fresh).get("/api/v1/candidates?limit=1").then().statusCode(200);
    }

    @Test
    @org.junit.jupiter.api.Order(110)
    void prometheusSeesRoutesRefusalsOutboxesAndDeliveries() throws Exception {
        String gatewayMetrics = given().get(GATEWAY_MANAGEMENT + "/q/metrics").then().statusCode(200).extract().asString();
        // the public port serves no /q/*, however the path is spelt
        for (String path : List.of("/q/metrics", "/q/health", "/q/openapi", "/api/v1/docs/../../../q/metrics", "/api/v1/docs/%2e%2e/%2e%2e/q/health")) {
            int status = given().urlEncodingEnabled(false).get(GATEWAY + path).statusCode();
            assertTrue(status == 404 || status == 400, path + " on the public port answered " + status);
        }
        assertTrue(gatewayMetrics.matches("(?s).*gateway_requests_seconds_count\\{[^}]*route=\"/api/v1/search/\\*\\*\",[^}]*status=\"200\".*"),
                "requests by route pattern and status");
        assertTrue(gatewayMetrics.contains("gateway_requests_seconds_bucket{"), "latency histogram");
        assertFalse(gatewayMetrics.contains("route=\"/api/v1/candidates/cand_"), "raw paths never become series");
        assertTrue(gatewayMetrics.matches("(?s).*gateway_rate_limited_total\\{[^}]*limit=\"organization-minute\".*"), "429s by limit");
        assertTrue(gatewayMetrics.matches("(?s).*gateway_upstream_unavailable_total\\{[^}]*upstream=\"candidate\".*"), "503s by upstream");
        assertTrue(gatewayMetrics.contains("kafka_consumer_fetch_manager_records_lag"), "consumer lag of the key-event consumer");
        String search = given().get(GATEWAY.replace("18080", "18083") + "/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(search.contains("outbox_pending ") || search.contains("outbox_pending{"), "outbox lag");
        assertTrue(search.contains("outbox_oldest_age_seconds"), "outbox age");
        String webhooks = given().get(GATEWAY.replace("18080", "18084") + "/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(webhooks.matches("(?s).*webhook_attempts_seconds_count\\{[^}]*outcome=\"succeeded\".*"), "deliveries by outcome");
        // every series the committed dashboard and alerts use must exist (the candidate-service was killed above)
        StringBuilder all = new StringBuilder(gatewayMetrics).append(search).append(webhooks);
        for (String port : List.of("18081")) {
            all.append(given().get(GATEWAY.replace("18080", port) + "/q/metrics").then().statusCode(200).extract().asString());
        }
        java.nio.file.Path monitoring = java.nio.file.Path.of("..", "deploy", "monitoring");
        String used = java.nio.file.Files.readString(monitoring.resolve("grafana-dashboard.json"))
                + java.nio.file.Files.readString(monitoring.resolve("alerts.yaml"));
        java.util.regex.Matcher names = java.util.regex.Pattern
                .compile("\\b((?:gateway|outbox|kafka|webhook|search|http_server|jvm)_[a-z0-9_]+)").matcher(used);
        java.util.Set<String> missing = new java.util.TreeSet<>();
        while (names.find()) {
            if (!all.toString().contains(names.group(1))) {
                missing.add(names.group(1));
            }
        }
        assertTrue(missing.isEmpty(), "the dashboard or alerts use series no service exposes: " + missing);
    }

    /** The spans of the request's trace, read by ./suite trace from every service's log (the local stacks have no collector). */
    private static String awaitTrace(String requestId, String... expected) throws Exception {
        String spans = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && !java.util.Arrays.stream(expected).allMatch(spans::contains)) {
            Thread.sleep(500);
            Process trace = new ProcessBuilder("../suite", "trace", requestId, "e2e").redirectErrorStream(true).start();
            spans = new String(trace.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            trace.waitFor();
        }
        return spans;
    }

    private static int exec(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

    private static Delivery awaitDelivery(String candidateId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Delivery d : deliveries) {
                if (new String(d.body(), StandardCharsets.UTF_8).contains(candidateId)) {
                    return d;
                }
            }
            Thread.sleep(200);
        }
        fail("no document.upload webhook for " + candidateId + " within " + timeout + "; got " + deliveries.size());
        return null;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                .map(e -> e.getValue().get(0)).orElseThrow(() -> new AssertionError("missing header " + name));
    }
}
