package io.recruitsuite.gateway.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recruitsuite.common.testing.TestTokens;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Shared helpers of the reliability end-to-end tests (FuzzIT, TenantIsolationIT, SecretsIT): a raw
 * HTTP client on loopback (full control over bytes, paths and headers), organizations and keys made
 * through the keys-service operator API, dashboard tokens, the documented error envelope, and the
 * registry of every secret the tests produced (read by SecretsIT).
 */
final class E2eSupport {

    static final String GATEWAY = System.getenv().getOrDefault("RS_E2E_GATEWAY", "http://127.0.0.1:18080");
    static final String KEYS = System.getenv().getOrDefault("RS_E2E_KEYS", "http://127.0.0.1:18081");
    static final ObjectMapper JSON = new ObjectMapper();

    static final List<String> ALL_SCOPES = List.of("candidates:read", "candidates:write", "search:read", "jobs:read", "jobs:write",
            "pipeline:read", "pipeline:write", "applications:read", "applications:write", "webhooks:read", "webhooks:write",
            "interviews:read", "interviews:write", "assessments:read", "assessments:write", "tasks:read", "tasks:write",
            "meetings:read", "meetings:write", "prospects:read", "prospects:write", "reports:read", "agents:read", "agents:write",
            "campaigns:read", "campaigns:write", "events:read");
    static final List<String> READ_SCOPES = ALL_SCOPES.stream().filter(s -> s.endsWith(":read")).toList();

    /** docs/api.md (and 409 conflict from docs/candidates.md): the only codes an error may carry, with their status. */
    static final Map<String, Integer> DOCUMENTED_CODES = Map.ofEntries(
            Map.entry("validation_error", 400), Map.entry("unauthorized", 401), Map.entry("forbidden", 403),
            Map.entry("not_found", 404), Map.entry("conflict", 409), Map.entry("payload_too_large", 413),
            Map.entry("unsupported_media_type", 415), Map.entry("rate_limited", 429), Map.entry("internal_error", 500),
            Map.entry("service_unavailable", 503));

    private static final SecureRandom RANDOM = new SecureRandom();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    private E2eSupport() {
    }

    // ------------------------------------------------------------------ secrets produced by the run

    /** Every API key, webhook secret and dashboard JWT the reliability tests created or used. */
    static final class Secrets {
        static final Set<String> API_KEYS = ConcurrentHashMap.newKeySet();
        static final Set<String> WEBHOOK_SECRETS = ConcurrentHashMap.newKeySet();
        static final Set<String> JWTS = ConcurrentHashMap.newKeySet();

        private Secrets() {
        }

        static String key(String key) {
            API_KEYS.add(key);
            return key;
        }

        static String webhook(String secret) {
            if (secret != null) {
                WEBHOOK_SECRETS.add(secret);
            }
            return secret;
        }

        static String jwt(String jwt) {
            JWTS.add(jwt);
            return jwt;
        }

        /** Registers whatever secret a response shows (a created key, a webhook secret). */
        static void fromResponse(Resp r) {
            if (r.status() / 100 != 2 || r.body().length == 0) {
                return;
            }
            String text = r.text();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(rsa_live_[A-Za-z0-9]+|whsec_[A-Za-z0-9+/=_-]+)\"").matcher(text);
            while (m.find()) {
                String s = m.group(1);
                if (s.startsWith("whsec_")) {
                    webhook(s);
                } else if (s.length() > 20) {
                    key(s);
                }
            }
        }
    }

    // ------------------------------------------------------------------ raw HTTP

    record Resp(int status, Map<String, List<String>> headers, byte[] body, String method, String target) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + describe(), e);
            }
        }

        String describe() {
            String t = text();
            return method + " " + abbreviate(target, 160) + " -> " + status + " " + abbreviate(t, 300);
        }
    }

    static String abbreviate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max) + "…(" + s.length() + " chars)";
    }

    /** A request in full: method, path with query (sent as written), headers, body (null: none; a supplier: streamed, chunked). */
    static final class Req {
        final String method;
        final String target;
        final Map<String, String> headers = new LinkedHashMap<>();
        byte[] body;
        Supplier<InputStream> stream;

        Req(String method, String target) {
            this.method = method;
            this.target = target;
        }

        Req header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Req auth(String credential) {
            if (credential != null) {
                headers.put("Authorization", "Bearer " + credential);
            }
            return this;
        }

        Req json(String json) {
            return body("application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        Req json(Object value) {
            try {
                return body("application/json", JSON.writeValueAsBytes(value));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        Req body(String contentType, byte[] bytes) {
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            this.body = bytes;
            return this;
        }

        Req chunked(String contentType, Supplier<InputStream> stream) {
            headers.put("Content-Type", contentType);
            this.stream = stream;
            return this;
        }
    }

    static Resp send(Req req) {
        return send(GATEWAY, req);
    }

    static Resp send(String base, Req req) {
        HttpRequest.BodyPublisher publisher = req.stream != null ? HttpRequest.BodyPublishers.ofInputStream(req.stream)
                : req.body != null ? HttpRequest.BodyPublishers.ofByteArray(req.body) : HttpRequest.BodyPublishers.noBody();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + req.target)).timeout(Duration.ofSeconds(30))
                .method(req.method, publisher);
        req.headers.forEach(b::header);
        IOException last = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                return new Resp(r.statusCode(), r.headers().map(), r.body(), req.method, req.target);
            } catch (IOException e) {
                // a server that refuses a large body may close the connection while the client still writes
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return new Resp(-1, Map.of(), String.valueOf(last).getBytes(StandardCharsets.UTF_8), req.method, req.target);
    }

    /** The response to a request whose body the server may refuse before reading it: HttpURLConnection reads the answer anyway. */
    static Resp sendLarge(String method, String target, Map<String, String> headers, byte[] body, boolean chunked) {
        if (method.equals("PATCH")) {
            // HttpURLConnection knows no PATCH; the JDK client reads the early answer as well
            Req req = new Req(method, target);
            headers.forEach(req::header);
            if (chunked) {
                req.stream = () -> new java.io.ByteArrayInputStream(body);
            } else {
                req.body = body;
            }
            Resp r = send(req);
            return new Resp(r.status(), r.headers(), r.body(), method, target + " [" + body.length + " bytes" + (chunked ? ", chunked" : "") + "]");
        }
        try {
            var c = (java.net.HttpURLConnection) URI.create(GATEWAY + target).toURL().openConnection();
            c.setRequestMethod(method);
            c.setDoOutput(true);
            c.setConnectTimeout(5000);
            c.setReadTimeout(30000);
            if (chunked) {
                c.setChunkedStreamingMode(64 * 1024);
            } else {
                c.setFixedLengthStreamingMode(body.length);
            }
            headers.forEach(c::setRequestProperty);
            try (var out = c.getOutputStream()) {
                out.write(body);
            } catch (IOException closedEarly) {
                // the gateway may close the stream once it has refused the request
            }
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            byte[] bytes = in == null ? new byte[0] : in.readAllBytes();
            Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            c.getHeaderFields().forEach((k, v) -> {
                if (k != null) {
                    h.put(k, v);
                }
            });
            return new Resp(status, h, bytes, method, target + " [" + body.length + " bytes" + (chunked ? ", chunked" : "") + "]");
        } catch (IOException e) {
            return new Resp(-1, Map.of(), String.valueOf(e).getBytes(StandardCharsets.UTF_8), method, target);
        }
    }

    /**
     * The documented error contract: null when the response is fine, otherwise what is wrong. A 2xx
     * passes; anything else must be {"error": {"code": documented, "message": non-empty}} as
     * application/json, with the status the code travels with; a 5xx is always a problem.
     */
    static String contractViolation(Resp r) {
        if (r.status() < 0) {
            return "no HTTP response (" + r.text() + ")";
        }
        if (r.status() >= 500) {
            return "5xx";
        }
        if (r.status() / 100 == 2) {
            return null;
        }
        String type = r.header("Content-Type");
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            return "error without Content-Type: application/json (" + type + ")";
        }
        JsonNode body;
        try {
            body = JSON.readTree(r.body());
        } catch (IOException e) {
            return "error body is not JSON";
        }
        if (body == null || !body.isObject() || body.size() != 1 || !body.path("error").isObject()) {
            return "error body is not {\"error\": {…}}";
        }
        JsonNode code = body.path("error").path("code");
        JsonNode message = body.path("error").path("message");
        if (!code.isTextual() || !DOCUMENTED_CODES.containsKey(code.asText())) {
            return "undocumented error code " + code;
        }
        if (!message.isTextual() || message.asText().isBlank()) {
            return "error without a message";
        }
        if (DOCUMENTED_CODES.get(code.asText()) != r.status()) {
            return "code " + code.asText() + " travels with " + DOCUMENTED_CODES.get(code.asText()) + ", not " + r.status();
        }
        return null;
    }

    // ------------------------------------------------------------------ operator API, tenants

    static Resp operator(String method, String path, Object body) {
        Req req = new Req(method, path).header("X-Operator-Token", TestTokens.operatorToken());
        if (body != null) {
            req.json(body);
        }
        return send(KEYS, req);
    }

    static String newOrganization(String name, String plan) {
        Resp r = operator("POST", "/admin/v1/organizations", Map.of("name", name, "plan", plan));
        if (r.status() != 201) {
            throw new AssertionError("creating an organization: " + r.describe());
        }
        return r.json().path("data").path("id").asText();
    }

    static String newKey(String org, List<String> scopes) {
        Resp r = operator("POST", "/admin/v1/organizations/" + org + "/keys", Map.of("name", "reliability", "scopes", scopes));
        if (r.status() != 201) {
            throw new AssertionError("creating a key: " + r.describe());
        }
        return Secrets.key(r.json().path("data").path("key").asText());
    }

    static void addMember(String org, String user, String role) {
        Resp r = operator("POST", "/admin/v1/organizations/" + org + "/members", Map.of("userId", user, "role", role));
        if (r.status() / 100 != 2) {
            throw new AssertionError("adding a member: " + r.describe());
        }
    }

    /** A dashboard session token, as ./suite token makes it (ES256 with .suite/keys/dashboard-signing.pem). */
    static String dashboardToken(String org, String user, String role, long ttlSeconds) {
        return Secrets.jwt(io.smallrye.jwt.build.Jwt.issuer("recruit-suite-dashboard").audience("recruit-suite").subject(user)
                .claim("org", org).claim("role", role).claim("jti", UUID.randomUUID().toString()).expiresIn(ttlSeconds)
                .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.ES256)
                .sign(privateKey("dashboard-signing.pem")));
    }

    static java.security.PrivateKey privateKey(String file) {
        try {
            return io.smallrye.jwt.util.KeyUtils.decodePrivateKey(Files.readString(TestTokens.keysDir().resolve(file)),
                    io.smallrye.jwt.algorithm.SignatureAlgorithm.ES256);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /**
     * An organization with a key, and a client-side budget that keeps its requests under the
     * gateway's per-organization limits: the limiter weighs the previous minute's bucket, so at most
     * 55 requests (25 searches) in any 120 seconds can never reach 60 (30).
     */
    static final class Tenant {
        static final int BUDGET = 55;
        static final int SEARCH_BUDGET = 25;
        final String org;
        final String key;
        final Map<String, String> ids = new LinkedHashMap<>();
        private final Deque<Long> requests = new ArrayDeque<>();
        private final Deque<Long> searches = new ArrayDeque<>();

        Tenant(String org, String key) {
            this.org = org;
            this.key = key;
        }

        static Tenant create(String name, List<String> scopes) {
            String org = newOrganization(name, "enterprise");
            return new Tenant(org, newKey(org, scopes));
        }

        int used() {
            prune();
            return requests.size();
        }

        int searchesUsed() {
            prune();
            return searches.size();
        }

        private void prune() {
            long horizon = System.nanoTime() - Duration.ofSeconds(121).toNanos();
            while (!requests.isEmpty() && requests.peekFirst() < horizon) {
                requests.removeFirst();
            }
            while (!searches.isEmpty() && searches.peekFirst() < horizon) {
                searches.removeFirst();
            }
        }

        boolean canSend(boolean search) {
            return used() < BUDGET && (!search || searchesUsed() < SEARCH_BUDGET);
        }

        /** Waits (bounded) until the budget allows one more request, then counts it. */
        void acquire(boolean search) {
            long deadline = System.nanoTime() + Duration.ofSeconds(125).toNanos();
            while (!canSend(search)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("rate budget of " + org + " did not free up");
                }
                sleep(250);
            }
            long now = System.nanoTime();
            requests.addLast(now);
            if (search) {
                searches.addLast(now);
            }
        }

        /** Sends with this tenant's key, counting the request against its budget. */
        Resp call(Req req) {
            acquire(req.target.startsWith("/api/v1/search"));
            if (!req.headers.containsKey("Authorization") && !req.headers.containsKey("X-API-Key")) {
                req.auth(key);
            }
            Resp r = send(req);
            Secrets.fromResponse(r);
            return r;
        }

        Resp get(String target) {
            return call(new Req("GET", target));
        }

        Resp post(String target, Object json) {
            return call(new Req("POST", target).json(json));
        }

        String create(String target, Object json, String idName) {
            Resp r = post(target, json);
            if (r.status() != 201 && r.status() != 200) {
                throw new AssertionError("setup " + r.describe());
            }
            String id = r.json().path("data").path("id").asText();
            ids.put(idName, id);
            return id;
        }
    }

    static Req multipart(String method, String target, List<Part> parts) {
        String boundary = "----rs" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part p : parts) {
            out.writeBytes(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
            String disposition = "Content-Disposition: form-data; name=\"" + p.name() + "\""
                    + (p.filename() != null ? "; filename=\"" + p.filename() + "\"" : "") + "\r\n";
            out.writeBytes(disposition.getBytes(StandardCharsets.UTF_8));
            if (p.contentType() != null) {
                out.writeBytes(("Content-Type: " + p.contentType() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            out.writeBytes(p.content());
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Req(method, target).body("multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    record Part(String name, String filename, String contentType, byte[] content) {
        static Part field(String name, String value) {
            return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
        }

        static Part file(String filename, String contentType, byte[] content) {
            return new Part("file", filename, contentType, content);
        }
    }

    static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    static String randomWord(int n) {
        String letters = "abcdefghijklmnopqrstuvwxyz";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(letters.charAt(RANDOM.nextInt(letters.length())));
        }
        return sb.toString();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static List<String> sorted(java.util.Collection<String> c) {
        List<String> l = new ArrayList<>(c);
        Collections.sort(l);
        return l;
    }
}
