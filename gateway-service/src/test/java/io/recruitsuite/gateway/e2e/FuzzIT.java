package io.recruitsuite.gateway.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.recruitsuite.common.testing.TestTokens;
import io.recruitsuite.gateway.e2e.E2eSupport.Part;
import io.recruitsuite.gateway.e2e.E2eSupport.Req;
import io.recruitsuite.gateway.e2e.E2eSupport.Resp;
import io.recruitsuite.gateway.e2e.E2eSupport.Secrets;
import io.recruitsuite.gateway.e2e.E2eSupport.Tenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.recruitsuite.gateway.e2e.E2eSupport.ALL_SCOPES;
import static io.recruitsuite.gateway.e2e.E2eSupport.JSON;
import static io.recruitsuite.gateway.e2e.E2eSupport.abbreviate;
import static io.recruitsuite.gateway.e2e.E2eSupport.contractViolation;
import static io.recruitsuite.gateway.e2e.E2eSupport.send;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input on every public operation of the aggregated OpenAPI document: malformed JSON, wrong
 * types, oversized and deeply nested bodies, invalid UTF-8, overlong strings, bad pagination, path
 * traversal, injection strings, bogus credentials and bad CV uploads. Nothing may answer 5xx; every
 * error is the documented envelope; an oversized body is a 413.
 */
@org.junit.jupiter.api.Order(1)
class FuzzIT {

    static final long MAX_BODY_DEFAULT = 1024 * 1024;
    static final long MAX_BODY_UPLOAD = 11 * 1024 * 1024;
    /** The search, webhook and keys services read at most 64 KB; the gateway applies their limit itself. */
    static final long MAX_BODY_SMALL = 64 * 1024;
    static final Duration TIME_LIMIT = Duration.ofSeconds(150);

    static final String SQL = "' or 1=1--";
    static final String NOSQL = "{\"$gt\":\"\"}";
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String LONG = "x".repeat(100_000);

    /** Bodies typed JsonNode in the document: the properties docs/candidates.md and docs/webhooks.md describe. */
    static final Map<String, Map<String, String>> DOCUMENTED_PROPERTIES = Map.of(
            "POST /api/v1/applications", Map.of("candidateId", "string", "jobId", "string", "stageId", "string"),
            "POST /api/v1/applications/{id}/reject", Map.of("reason", "string"),
            "PATCH /api/v1/candidates/{id}", Map.of("name", "string", "email", "string", "phone", "string", "tags", "array"),
            "POST /api/v1/candidates/{id}/notes", Map.of("body", "string"),
            "POST /api/v1/jobs", Map.of("title", "string", "description", "string", "department", "string", "location", "string",
                    "employmentType", "string", "status", "string", "stages", "array"),
            "PATCH /api/v1/jobs/{id}", Map.of("title", "string", "description", "string", "department", "string", "location", "string",
                    "employmentType", "string", "status", "string"),
            "PATCH /api/v1/webhooks/{id}", Map.of("url", "string", "events", "array", "description", "string"));

    record Op(String method, String path, List<String> pathParams, List<String> queryParams, String bodyKind, Map<String, String> props) {
        String name() {
            return method + " " + path;
        }

        boolean uploadRoute() {
            return path.startsWith("/api/v1/candidates");
        }

        boolean sessionRoute() {
            return path.startsWith("/api/v1/keys");
        }

        boolean smallBodyRoute() {
            return path.startsWith("/api/v1/search") || path.startsWith("/api/v1/webhooks") || path.startsWith("/api/v1/keys");
        }
    }

    static HttpServer receiver;
    static final AtomicInteger received = new AtomicInteger();

    final Map<String, Integer> histogram = new TreeMap<>();
    final Map<String, Integer> byCategory = new TreeMap<>();
    final Map<String, Long> millis = new TreeMap<>();
    final java.util.Set<String> chunkedFamilies = new java.util.HashSet<>();
    final List<String> violations = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final List<Tenant> tenants = new ArrayList<>();
    int sent;
    long deadline;
    Tenant tenant;
    String session;
    String realCursor;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    static String receiverUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
    }

    @Test
    void everyPublicOperationAnswersHostileInputWithTheDocumentedEnvelopeAndNever5xx() throws Exception {
        long started = System.nanoTime();
        deadline = started + TIME_LIMIT.toNanos();
        Resp docResponse = send(new Req("GET", "/api/v1/openapi.json"));
        assertTrue(docResponse.status() == 200, docResponse.describe());
        List<Op> ops = operations(docResponse.json());
        assertTrue(ops.size() >= 30, "the document lists the public operations: " + ops.size());
        // writes that destroy the fixtures go last
        ops.sort((a, b) -> Boolean.compare(a.method().equals("DELETE"), b.method().equals("DELETE")));

        nextTenant();
        for (Op op : ops) {
            authentication(op);
            pathIds(op);
            query(op);
            switch (op.bodyKind()) {
                case "json" -> jsonBodies(op);
                case "multipart" -> uploads(op);
                default -> strayBodies(op);
            }
            if (System.nanoTime() > deadline) {
                notes.add("time limit reached after " + op.name());
                break;
            }
        }

        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        StringBuilder summary = new StringBuilder("\n==== FuzzIT: ").append(sent).append(" requests on ").append(ops.size())
                .append(" operations in ").append(seconds).append(" s, ").append(tenants.size()).append(" organizations\n")
                .append("statuses: ").append(histogram).append('\n').append("by category: ").append(byCategory).append('\n')
                .append("milliseconds by category: ").append(millis).append('\n');
        notes.forEach(n -> summary.append("note: ").append(n).append('\n'));
        summary.append("violations: ").append(violations.size()).append('\n');
        violations.stream().limit(60).forEach(v -> summary.append("  ").append(v).append('\n'));
        System.out.println(summary);
        assertTrue(violations.isEmpty(), summary.toString());
        assertFalse(histogram.keySet().stream().anyMatch(s -> s.startsWith("5")), "no 5xx: " + histogram);
    }

    // ------------------------------------------------------------------ the document

    static List<Op> operations(JsonNode doc) {
        List<Op> ops = new ArrayList<>();
        JsonNode schemas = doc.path("components").path("schemas");
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = p.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> m = methods.next();
                String method = m.getKey().toUpperCase(Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                List<String> pathParams = new ArrayList<>();
                List<String> queryParams = new ArrayList<>();
                List<JsonNode> params = new ArrayList<>();
                m.getValue().path("parameters").forEach(params::add);
                p.getValue().path("parameters").forEach(params::add);
                for (JsonNode param : params) {
                    String name = param.path("name").asText();
                    if ("path".equals(param.path("in").asText()) && !pathParams.contains(name)) {
                        pathParams.add(name);
                    } else if ("query".equals(param.path("in").asText()) && !queryParams.contains(name)) {
                        queryParams.add(name);
                    }
                }
                JsonNode content = m.getValue().path("requestBody").path("content");
                String kind = content.has("multipart/form-data") ? "multipart" : content.has("application/json") ? "json" : "none";
                Map<String, String> props = new LinkedHashMap<>();
                if (kind.equals("json")) {
                    String ref = content.path("application/json").path("schema").path("$ref").asText("");
                    String schemaName = ref.substring(ref.lastIndexOf('/') + 1);
                    Map<String, String> documented = DOCUMENTED_PROPERTIES.get(method + " " + p.getKey());
                    if (documented != null || schemaName.equals("JsonNode")) {
                        props.putAll(documented == null ? Map.of() : new TreeMap<>(documented));
                    } else {
                        schemas.path(schemaName).path("properties").fields().forEachRemaining(e -> props.put(e.getKey(),
                                e.getValue().has("$ref") ? "object" : e.getValue().path("type").asText("object")));
                    }
                    if (schemaName.equals("MoveBody")) {
                        props.put("stageId", "string");
                    }
                }
                ops.add(new Op(method, p.getKey(), pathParams, queryParams, kind, props));
            }
        }
        return ops;
    }

    // ------------------------------------------------------------------ organizations and fixtures

    /** A fresh enterprise organization with a full-scope key and one of every resource. */
    void nextTenant() {
        Tenant t = Tenant.create("Fuzz " + tenants.size(), ALL_SCOPES);
        E2eSupport.addMember(t.org, "usr_fuzz", "admin");
        session = E2eSupport.dashboardToken(t.org, "usr_fuzz", "admin", 600);
        String spare = E2eSupport.newKey(t.org, List.of("candidates:read"));
        t.ids.put("prefix", spare.substring(0, 17));
        Resp cand = t.post("/api/v1/candidates", Map.of("name", "Fuzz Target", "email", "fuzz@example.com", "tags", List.of("fuzz"),
                "cvText", "Fuzz target CV: welder, forklift licence, night shifts.", "filename", "fuzz.txt"));
        if (cand.status() != 201) {
            throw new AssertionError("setup " + cand.describe());
        }
        t.ids.put("candidate", cand.json().path("data").path("id").asText());
        t.ids.put("document", cand.json().path("data").path("documents").path(0).path("id").asText("doc_AAAAAAAAAAAAAAAAAAAA"));
        Resp job = t.post("/api/v1/jobs", Map.of("title", "Fuzz job", "status", "published"));
        if (job.status() != 201) {
            throw new AssertionError("setup " + job.describe());
        }
        t.ids.put("job", job.json().path("data").path("id").asText());
        t.ids.put("stage", job.json().path("data").path("stages").path(1).path("id").asText());
        t.create("/api/v1/applications", Map.of("candidateId", t.ids.get("candidate"), "jobId", t.ids.get("job")), "application");
        t.create("/api/v1/webhooks", Map.of("url", receiverUrl(), "events", List.of("webhook.test")), "webhook");
        t.ids.put("delivery", "dlv_AAAAAAAAAAAAAAAAAAAA");
        if (tenants.isEmpty()) {
            // a second candidate, so that a page offers a real cursor to tamper with
            t.create("/api/v1/candidates", Map.of("name", "Fuzz Second"), "candidate2");
            Resp page = t.get("/api/v1/candidates?limit=1");
            realCursor = page.json().path("meta").path("nextCursor").asText("");
        }
        tenants.add(t);
        tenant = t;
    }

    /** One counted request of the current organization (a fresh one when its budget is used up). */
    Tenant slot(boolean search) {
        Tenant t = tenant(search);
        t.acquire(search);
        return t;
    }

    Tenant tenant(boolean search) {
        if (!tenant.canSend(search)) {
            nextTenant();
        }
        return tenant;
    }

    String id(String name) {
        return tenant.ids.get(name);
    }

    /**
     * A fresh organization now when the current one cannot send {@code requests} more: a run of requests built
     * on this organization's ids must not switch organizations half-way (the ids would be another's, a 404).
     */
    void reserve(int requests) {
        if (tenant.used() + requests > Tenant.BUDGET) {
            nextTenant();
        }
    }

    /** The path with every parameter replaced by this organization's real resource, or by {@code override} for one. */
    String realPath(Op op, String param, String override) {
        String path = op.path();
        for (String p : op.pathParams()) {
            String value = p.equals(param) ? override : realId(op, p);
            path = path.replace("{" + p + "}", value);
        }
        return path;
    }

    String realId(Op op, String param) {
        String path = op.path();
        return switch (param) {
            case "candidateId" -> id("candidate");
            case "stageId" -> id("stage");
            case "deliveryId" -> id("delivery");
            case "prefix" -> id("prefix");
            default -> path.startsWith("/api/v1/candidates") ? id("candidate")
                    : path.startsWith("/api/v1/jobs") ? id("job")
                    : path.startsWith("/api/v1/webhooks") ? id("webhook")
                    : id("application");
        };
    }

    ObjectNode validBody(Op op) {
        ObjectNode b = JSON.createObjectNode();
        String name = op.name();
        switch (name) {
            case "POST /api/v1/applications" -> b.put("candidateId", id("candidate")).put("jobId", id("job"));
            case "POST /api/v1/applications/{id}/reject" -> b.put("reason", "fuzz");
            case "POST /api/v1/candidates" -> b.put("name", "Fuzz Person").put("email", "p@example.com").put("cvText", "Plumber.");
            case "PATCH /api/v1/candidates/{id}" -> b.putArray("tags").add("fuzzed");
            case "POST /api/v1/candidates/{id}/notes" -> b.put("body", "A note.");
            case "POST /api/v1/jobs" -> b.put("title", "Another job");
            case "PATCH /api/v1/jobs/{id}" -> b.put("title", "Renamed job");
            case "POST /api/v1/keys" -> b.put("name", "fuzz key").putArray("scopes").add("candidates:read");
            case "POST /api/v1/search" -> b.put("query", "welder").put("limit", 5);
            case "POST /api/v1/search/feedback" -> b.put("documentId", id("document")).put("isRelevant", true);
            case "POST /api/v1/webhooks" -> b.put("url", receiverUrl()).putArray("events").add("webhook.test");
            case "PATCH /api/v1/webhooks/{id}" -> b.put("description", "fuzzed");
            default -> {
                if (op.props().containsKey("stageId")) {
                    b.put("stageId", id("stage"));
                }
            }
        }
        return b;
    }

    // ------------------------------------------------------------------ sending and checking

    String credential(Op op) {
        return op.sessionRoute() ? session : tenant.key;
    }

    /** Sends one request of a category with this organization's credential (unless the request carries its own). */
    Resp fire(String category, Op op, Req req, boolean authenticated) {
        boolean search = req.target.startsWith("/api/v1/search");
        if (authenticated) {
            Tenant before = tenant;
            Tenant t = tenant(search);
            if (t != before) {
                for (Tenant earlier : tenants) {
                    if (earlier != t) {
                        req = rebind(req, earlier, t);
                    }
                }
            }
            if (reachesRateLimiter(req.target)) {
                t.acquire(search);
            }
            req.auth(credential(op));
        }
        long t0 = System.nanoTime();
        Resp r = send(req);
        millis.merge(category.contains(":") ? category.substring(0, category.indexOf(':')) : category,
                Duration.ofNanos(System.nanoTime() - t0).toMillis(), Long::sum);
        Secrets.fromResponse(r);
        record(category, op, r);
        return r;
    }

    /** The same request against the fixtures of the organization that took over. */
    static Req rebind(Req req, Tenant from, Tenant to) {
        String target = req.target;
        byte[] body = req.body;
        for (Map.Entry<String, String> id : from.ids.entrySet()) {
            String replacement = to.ids.get(id.getKey());
            if (replacement == null) {
                continue;
            }
            target = target.replace(id.getValue(), replacement);
            if (body != null && body.length < 200_000) {
                String text = new String(body, StandardCharsets.ISO_8859_1);
                body = text.replace(id.getValue(), replacement).getBytes(StandardCharsets.ISO_8859_1);
            }
        }
        Req copy = new Req(req.method, target);
        copy.headers.putAll(req.headers);
        copy.headers.remove("Authorization");
        copy.body = body;
        copy.stream = req.stream;
        return copy;
    }

    /** The gateway refuses non-canonical paths before it authenticates or counts. */
    static boolean reachesRateLimiter(String target) {
        String lower = target.toLowerCase(Locale.ROOT);
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        return !(lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00")
                || path.contains("/../") || path.contains("/./") || path.endsWith("/..") || path.contains("//"));
    }

    void record(String category, Op op, Resp r) {
        sent++;
        histogram.merge(Integer.toString(r.status()), 1, Integer::sum);
        byCategory.merge(category, 1, Integer::sum);
        String violation = contractViolation(r);
        if (violation != null) {
            violations.add("[" + category + "] " + op.name() + ": " + violation + ": " + r.describe());
        }
    }

    void expect(String category, Op op, Resp r, int... statuses) {
        for (int s : statuses) {
            if (r.status() == s) {
                return;
            }
        }
        violations.add("[" + category + "] " + op.name() + ": expected " + java.util.Arrays.toString(statuses) + ": " + r.describe());
    }

    Req plain(Op op, String target) {
        Req req = new Req(op.method(), target);
        if (op.bodyKind().equals("json")) {
            req.json(validBody(op));
        }
        return req;
    }

    // ------------------------------------------------------------------ credentials

    void authentication(Op op) {
        String target = realPath(op, null, null);
        String key = tenant.key;
        String dashboard = session;
        List<Map.Entry<String, Map<String, String>>> variants = new ArrayList<>();
        variants.add(Map.entry("none", Map.of()));
        variants.add(Map.entry("Bearer-empty", Map.of("Authorization", "Bearer ")));
        variants.add(Map.entry("Bearer-garbage", Map.of("Authorization", "Bearer " + E2eSupport.randomWord(40))));
        variants.add(Map.entry("rsa-garbage", Map.of("Authorization", "Bearer rsa_live_" + E2eSupport.randomWord(38))));
        variants.add(Map.entry("key-one-char-changed", Map.of("Authorization", "Bearer " + changeOneChar(key, key.length() - 1))));
        variants.add(Map.entry("key-middle-char-changed", Map.of("Authorization", "token " + changeOneChar(key, 20))));
        variants.add(Map.entry("key-truncated", Map.of("X-API-Key", key.substring(0, key.length() - 5))));
        variants.add(Map.entry("x-api-key-garbage", Map.of("X-API-Key", "rsa_" + SQL)));
        variants.add(Map.entry("both-headers", Map.of("X-API-Key", key, "Authorization", "Bearer " + key)));
        variants.add(Map.entry("basic", Map.of("Authorization", "Basic dXNlcjpwYXNz")));
        variants.add(Map.entry("oversized", Map.of("Authorization", "Bearer " + "a".repeat(9000))));
        variants.add(Map.entry("jwt-alg-none", Map.of("Authorization", "Bearer " + algNone(tenant.org))));
        variants.add(Map.entry("jwt-truncated", Map.of("Authorization", "Bearer " + dashboard.substring(0, dashboard.length() - 12))));
        variants.add(Map.entry("jwt-two-segments", Map.of("Authorization", "Bearer " + dashboard.substring(0, dashboard.lastIndexOf('.')))));
        variants.add(Map.entry("jwt-wrong-signer", Map.of("Authorization", "Bearer " + TestTokens.apiKey(tenant.org, ALL_SCOPES.toArray(String[]::new)))));
        variants.add(Map.entry("jwt-expired", Map.of("Authorization", "Bearer " + expiredSession(tenant.org))));
        for (var v : variants) {
            Req req = plain(op, target);
            v.getValue().forEach(req::header);
            Resp r = fire("auth", op, req, false);
            expect("auth:" + v.getKey(), op, r, 401);
        }
    }

    static String changeOneChar(String s, int index) {
        char c = s.charAt(index);
        char replacement = c == 'A' ? 'B' : 'A';
        return s.substring(0, index) + replacement + s.substring(index + 1);
    }

    static String algNone(String org) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = System.currentTimeMillis() / 1000;
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"iss\":\"recruit-suite-dashboard\",\"aud\":\"recruit-suite\",\"sub\":\"usr_fuzz\",\"org\":\""
                + org + "\",\"role\":\"owner\",\"iat\":" + now + ",\"exp\":" + (now + 600) + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    static String expiredSession(String org) {
        long now = System.currentTimeMillis() / 1000;
        return Secrets.jwt(io.smallrye.jwt.build.Jwt.issuer("recruit-suite-dashboard").audience("recruit-suite").subject("usr_fuzz")
                .claim("org", org).claim("role", "admin").issuedAt(now - 600).expiresAt(now - 300)
                .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.ES256)
                .sign(E2eSupport.privateKey("dashboard-signing.pem")));
    }

    // ------------------------------------------------------------------ path parameters

    void pathIds(Op op) {
        for (String param : op.pathParams()) {
            String prefix = realId(op, param);
            prefix = prefix.contains("_") ? prefix.substring(0, prefix.indexOf('_') + 1) : "";
            List<String> hostile = List.of(
                    prefix + "AAAAAAAAAAAAAAAAAAAA", prefix + "zzzz", "..", "%2e%2e%2f", "..%2f..%2fkeys", "%00", "abc%00def",
                    enc(SQL), enc(NOSQL), enc(SCRIPT), "%ff%fe", "x".repeat(300), enc("cand_😀"), "../../keys");
            for (String value : hostile) {
                Resp r = fire("path", op, plain(op, realPath(op, param, value)), true);
                if (value.contains("..") || value.contains("%00") || value.contains("%2e") || value.contains("%2f")) {
                    expect("path-traversal", op, r, 400, 404);
                }
            }
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ------------------------------------------------------------------ query parameters

    void query(Op op) {
        if (op.queryParams().isEmpty()) {
            return;
        }
        String base = realPath(op, null, null);
        String filter = op.path().equals("/api/v1/pipeline/stages") ? "jobId=" + id("job") + "&" : "";
        List<String> queries = new ArrayList<>();
        if (op.queryParams().contains("page")) {
            for (String v : List.of("0", "-1", "abc", "1e9", "1000000000", "99999999999999999999", "1.5", "")) {
                queries.add("page=" + enc(v));
            }
        }
        if (op.queryParams().contains("limit")) {
            for (String v : List.of("0", "101", "abc", "-1", "1e9", "2147483648", "")) {
                queries.add("limit=" + enc(v));
            }
        }
        if (op.queryParams().contains("cursor")) {
            queries.add("cursor=garbage");
            queries.add("cursor=" + enc(SQL));
            if (realCursor != null && !realCursor.isEmpty()) {
                queries.add("cursor=" + changeOneChar(realCursor, realCursor.length() / 2));
                queries.add("cursor=" + realCursor.substring(0, realCursor.length() - 3));
                queries.add("cursor=" + realCursor + "&page=2");
                String decoded = new String(Base64.getUrlDecoder().decode(realCursor), StandardCharsets.UTF_8);
                Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
                queries.add("cursor=" + b64.encodeToString((decoded + SQL).getBytes(StandardCharsets.UTF_8)));
                queries.add("cursor=" + b64.encodeToString(("abc|" + decoded.substring(decoded.indexOf('|') + 1)).getBytes(StandardCharsets.UTF_8)));
                queries.add("cursor=" + b64.encodeToString("-1|cand_x|extra|fields".getBytes(StandardCharsets.UTF_8)));
                queries.add("cursor=" + b64.encodeToString(randomBytesAscii()));
            }
        }
        for (String p : op.queryParams()) {
            if (List.of("page", "limit", "cursor").contains(p)) {
                continue;
            }
            for (String v : List.of(SQL, NOSQL, SCRIPT, "../../etc/passwd", "x".repeat(2000))) {
                queries.add(p + "=" + enc(v));
            }
            queries.add(p + "=%ff%fe%00");
            queries.add(p + "=" + enc(LONG));
        }
        for (String q : queries) {
            Resp r = fire("query", op, plain(op, base + "?" + filter + q), true);
            if (q.startsWith("page=0") || q.startsWith("page=-1") || q.startsWith("page=abc") || q.startsWith("limit=0")
                    || q.startsWith("limit=101") || q.startsWith("limit=abc") || q.startsWith("limit=-1") || q.startsWith("cursor=garbage")) {
                expect("pagination", op, r, 400);
            }
        }
    }

    static byte[] randomBytesAscii() {
        return ("\u0000\u0001" + E2eSupport.randomWord(10) + "|").getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ JSON bodies

    void jsonBodies(Op op) throws Exception {
        String target = realPath(op, null, null);
        List<String> malformed = List.of("{", "{\"a\":", "not json", "{'name': 'single quotes'}", "[1,2", "", "null", "[]", "123",
                "\"text\"", "{\"a\":1}}", "{\"a\":NaN}", "\u0000{}");
        for (String m : malformed) {
            fire("malformed-json", op, new Req(op.method(), target).json(m), true);
        }
        // wrong types for each declared property
        for (Map.Entry<String, String> prop : op.props().entrySet()) {
            for (JsonNode wrong : wrongTypes(prop.getValue())) {
                ObjectNode body = validBody(op);
                body.set(prop.getKey(), wrong);
                fire("wrong-type", op, new Req(op.method(), target).json(body.toString()), true);
            }
        }
        ObjectNode unknown = validBody(op);
        unknown.put("unknownField", 1).putObject("__proto__").put("admin", true);
        fire("unknown-field", op, new Req(op.method(), target).json(unknown.toString()), true);

        // deep nesting: 10,000 levels, as the body and inside a property
        fire("deep-nesting", op, new Req(op.method(), target).json("[".repeat(10_000) + "]".repeat(10_000)), true);
        String property = op.props().isEmpty() ? "x" : op.props().keySet().iterator().next();
        fire("deep-nesting", op, new Req(op.method(), target).json("{\"" + property + "\":" + "{\"a\":".repeat(10_000) + "1"
                + "}".repeat(10_000) + "}"), true);

        // invalid UTF-8 in a string value
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        bad.writeBytes(("{\"" + property + "\":\"").getBytes(StandardCharsets.UTF_8));
        bad.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, (byte) 0xed, (byte) 0xa0, (byte) 0x80});
        bad.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        fire("invalid-utf8", op, new Req(op.method(), target).body("application/json; charset=utf-8", bad.toByteArray()), true);

        // overlong strings and injection strings in every string property
        for (String value : List.of(LONG, SQL, SCRIPT, "\u0000\u202e\ud83d\ude00")) {
            ObjectNode body = validBody(op);
            op.props().forEach((k, type) -> {
                if (type.equals("string")) {
                    body.put(k, value);
                } else if (type.equals("array")) {
                    body.putArray(k).add(value);
                }
            });
            fire(value.length() > 1000 ? "overlong" : "injection", op, new Req(op.method(), target).json(body.toString()), true);
        }
        ObjectNode nosql = validBody(op);
        op.props().forEach((k, type) -> nosql.set(k, jsonOf(NOSQL)));
        fire("injection", op, new Req(op.method(), target).json(nosql.toString()), true);

        // wrong or missing content types
        String valid = validBody(op).toString();
        fire("content-type", op, new Req(op.method(), target).body("text/plain", valid.getBytes(StandardCharsets.UTF_8)), true);
        fire("content-type", op, new Req(op.method(), target).body("application/xml", "<a/>".getBytes(StandardCharsets.UTF_8)), true);
        fire("content-type", op, new Req(op.method(), target).body(null, valid.getBytes(StandardCharsets.UTF_8)), true);
        fire("content-type", op, new Req(op.method(), target).body("application/json; charset=ebcdic", valid.getBytes(StandardCharsets.UTF_8)), true);

        oversized(op, target);
    }

    /** Over the route's limit: 413, with and without a Content-Length. */
    void oversized(Op op, String target) {
        long limit = op.uploadRoute() ? MAX_BODY_UPLOAD : MAX_BODY_DEFAULT;
        byte[] big = hugeJson((int) limit + 64 * 1024);
        slot(op.path().startsWith("/api/v1/search"));
        Map<String, String> headers = Map.of("Authorization", "Bearer " + credential(op), "Content-Type", "application/json");
        Resp fixed = E2eSupport.sendLarge(op.method(), target, headers, big, false);
        record("oversized", op, fixed);
        expect("oversized", op, fixed, 413);
        if (chunkedFamilies.add(op.path().split("/")[3])) {
            slot(false);
            Resp chunked = E2eSupport.sendLarge(op.method(), target, headers, big, true);
            record("oversized-chunked", op, chunked);
            expect("oversized-chunked", op, chunked, 413);
        }
        if (op.smallBodyRoute()) {
            // just over the upstream's own limit: the gateway must refuse it, never stream it into a closing connection
            slot(op.path().startsWith("/api/v1/search"));
            Resp small = E2eSupport.sendLarge(op.method(), target, headers, hugeJson((int) MAX_BODY_SMALL + 1024), false);
            record("oversized-64KB", op, small);
            expect("oversized-64KB", op, small, 413);
        }
        if (op.uploadRoute() && op.bodyKind().equals("json")) {
            // the documented gateway limit of a JSON body is 1 MB; the candidates routes carry the upload limit
            slot(false);
            Resp mb = E2eSupport.sendLarge(op.method(), target, headers, hugeJson((int) MAX_BODY_DEFAULT + 64 * 1024), false);
            record("oversized-1MB-json", op, mb);
            if (mb.status() != 413) {
                notes.add(op.name() + " with a 1.06 MB JSON body answers " + mb.status() + " (the candidates routes take up to 11 MB): "
                        + abbreviate(mb.text(), 160));
            }
        }
    }

    static byte[] hugeJson(int size) {
        StringBuilder sb = new StringBuilder(size + 32).append("{\"name\":\"");
        while (sb.length() < size) {
            sb.append("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        }
        return sb.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }

    static List<JsonNode> wrongTypes(String type) {
        return switch (type) {
            case "string" -> List.of(JSON.getNodeFactory().numberNode(12345), JSON.createObjectNode().put("a", 1),
                    JSON.createArrayNode().add("a"), JSON.getNodeFactory().booleanNode(true));
            case "integer", "number" -> List.of(JSON.getNodeFactory().textNode("abc"), JSON.getNodeFactory().numberNode(1.5),
                    JSON.getNodeFactory().numberNode(new java.math.BigInteger("99999999999999999999999")), JSON.createObjectNode());
            case "boolean" -> List.of(JSON.getNodeFactory().textNode("yes"), JSON.getNodeFactory().numberNode(1));
            case "array" -> List.of(JSON.getNodeFactory().textNode("notalist"), JSON.createObjectNode().put("a", 1),
                    arrayOfMixed());
            default -> List.of(JSON.getNodeFactory().textNode("notanobject"), JSON.getNodeFactory().numberNode(7),
                    JSON.createArrayNode());
        };
    }

    static ArrayNode arrayOfMixed() {
        ArrayNode a = JSON.createArrayNode();
        a.add(1);
        a.add(JSON.createObjectNode().put("a", 1));
        a.addNull();
        return a;
    }

    static JsonNode jsonOf(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Operations without a body: a stray malformed body, and an oversized one. */
    void strayBodies(Op op) {
        if (op.method().equals("GET")) {
            return;
        }
        String target = realPath(op, null, null);
        fire("stray-body", op, new Req(op.method(), target).json("{\"a\":"), true);
        oversizedFixedOnly(op, target);
    }

    void oversizedFixedOnly(Op op, String target) {
        long limit = op.uploadRoute() ? MAX_BODY_UPLOAD : MAX_BODY_DEFAULT;
        slot(false);
        Resp fixed = E2eSupport.sendLarge(op.method(), target, Map.of("Authorization", "Bearer " + credential(op),
                "Content-Type", "application/json"), hugeJson((int) limit + 64 * 1024), false);
        record("oversized", op, fixed);
        expect("oversized", op, fixed, 413);
    }

    // ------------------------------------------------------------------ CV uploads

    /** The requests {@link #uploads} sends on one organization's candidate: its variants and the two oversized ones. */
    static final int UPLOAD_REQUESTS = 20;

    void uploads(Op op) throws Exception {
        reserve(UPLOAD_REQUESTS);
        String target = realPath(op, null, null);
        byte[] zip = zipNamedDocx();
        byte[] pdfHeaderOnly = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".getBytes(StandardCharsets.US_ASCII);
        List<Map.Entry<String, Req>> variants = new ArrayList<>();
        variants.add(Map.entry("json-instead", new Req("POST", target).json("{\"name\":\"x\"}")));
        variants.add(Map.entry("text-plain", new Req("POST", target).body("text/plain", "Jane Doe, welder".getBytes(StandardCharsets.UTF_8))));
        variants.add(Map.entry("no-body", new Req("POST", target).body("multipart/form-data; boundary=xyz", new byte[0])));
        variants.add(Map.entry("bad-boundary", new Req("POST", target).body("multipart/form-data; boundary=xyz",
                "--abc\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nhello\r\n".getBytes(StandardCharsets.UTF_8))));
        variants.add(Map.entry("no-boundary", new Req("POST", target).body("multipart/form-data", "garbage".getBytes(StandardCharsets.UTF_8))));
        variants.add(Map.entry("empty-file", E2eSupport.multipart("POST", target, List.of(Part.file("cv.pdf", "application/pdf", new byte[0]),
                Part.field("name", "Empty File")))));
        variants.add(Map.entry("random-pdf", E2eSupport.multipart("POST", target, List.of(Part.file("cv.pdf", "application/pdf",
                E2eSupport.randomBytes(4096)), Part.field("name", "Random Bytes")))));
        variants.add(Map.entry("truncated-pdf", E2eSupport.multipart("POST", target, List.of(Part.file("cv.pdf", "application/pdf",
                pdfHeaderOnly), Part.field("name", "Truncated Pdf")))));
        variants.add(Map.entry("zip-as-docx", E2eSupport.multipart("POST", target, List.of(Part.file("cv.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", zip), Part.field("name", "Zip Docx")))));
        variants.add(Map.entry("png", E2eSupport.multipart("POST", target, List.of(Part.file("cv.png", "image/png",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13}), Part.field("name", "Png")))));
        variants.add(Map.entry("invalid-utf8-txt", E2eSupport.multipart("POST", target, List.of(Part.file("cv.txt", "text/plain",
                new byte[] {'J', 'o', (byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, ' ', 'w', 'e', 'l', 'd'}), Part.field("name", "Bad Utf")))));
        variants.add(Map.entry("no-file-part", E2eSupport.multipart("POST", target, List.of(Part.field("name", "No File")))));
        variants.add(Map.entry("no-name", E2eSupport.multipart("POST", target, List.of(Part.file("cv.txt", "text/plain",
                "worked as a welder for ten years".getBytes(StandardCharsets.UTF_8))))));
        variants.add(Map.entry("hostile-fields", E2eSupport.multipart("POST", target, List.of(Part.file("../../etc/passwd\u0000.txt",
                "text/plain", ("Robert Stone\n" + SCRIPT + "\nwelder").getBytes(StandardCharsets.UTF_8)),
                Part.field("name", SQL), Part.field("email", SCRIPT), Part.field("phone", LONG)))));
        variants.add(Map.entry("two-files", E2eSupport.multipart("POST", target, List.of(
                Part.file("a.txt", "text/plain", "Ann Able\nwelder".getBytes(StandardCharsets.UTF_8)),
                Part.file("b.pdf", "application/pdf", E2eSupport.randomBytes(100))))));
        for (var v : variants) {
            Resp r = fire("upload:" + v.getKey(), op, v.getValue(), true);
            switch (v.getKey()) {
                case "json-instead", "text-plain", "png" -> expect("upload:" + v.getKey(), op, r, 415);
                case "empty-file", "random-pdf", "truncated-pdf", "zip-as-docx", "invalid-utf8-txt" -> expect("upload:" + v.getKey(), op, r, 400);
                default -> {
                }
            }
        }
        // over 10 MB, and over the gateway's upload limit
        slot(false);
        Req tooBig = E2eSupport.multipart("POST", realPath(op, null, null), List.of(Part.file("big.txt", "text/plain", "word ".repeat(2_150_000)
                .getBytes(StandardCharsets.UTF_8)), Part.field("name", "Big File")));
        Resp r = E2eSupport.sendLarge("POST", realPath(op, null, null), Map.of("Authorization", "Bearer " + tenant.key, "Content-Type",
                tooBig.headers.get("Content-Type")), tooBig.body, false);
        record("upload:over-10MB", op, r);
        expect("upload:over-10MB", op, r, 413);
        slot(false);
        Req overLimit = E2eSupport.multipart("POST", realPath(op, null, null), List.of(Part.file("big.pdf", "application/pdf",
                E2eSupport.randomBytes((int) MAX_BODY_UPLOAD + 64 * 1024))));
        Resp over = E2eSupport.sendLarge("POST", realPath(op, null, null), Map.of("Authorization", "Bearer " + tenant.key, "Content-Type",
                overLimit.headers.get("Content-Type")), overLimit.body, true);
        record("upload:over-gateway-limit", op, over);
        expect("upload:over-gateway-limit", op, over, 413);
    }

    static byte[] zipNamedDocx() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("notes.txt"));
            zip.write("not a word document".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document><broken".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @SuppressWarnings("unused")
    private static ByteArrayInputStream stream(byte[] b) {
        return new ByteArrayInputStream(b);
    }
}
