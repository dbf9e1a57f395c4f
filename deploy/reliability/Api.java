import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The public API through the gateway, and the keys-service operator API for set-up; loopback only. */
final class Api {

    static final List<String> ALL_SCOPES = List.of("candidates:read", "candidates:write", "search:read", "webhooks:read", "webhooks:write");

    /** One answer: status (-1 when no HTTP answer came), body, time taken. */
    record Result(int status, String body, long nanos, Map<String, List<String>> headers, String error) {
        boolean ok() {
            return status / 100 == 2;
        }

        Object json() {
            return Json.tryParse(body);
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }

        String brief() {
            return status + " " + (error != null ? error : body.length() > 200 ? body.substring(0, 200) + "…" : body);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Params.CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    private final String operatorToken;

    Api() {
        try {
            operatorToken = Files.readString(Path.of(Params.OPERATOR_TOKEN_FILE)).trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the operator token at " + Params.OPERATOR_TOKEN_FILE, e);
        }
    }

    Result send(String base, String method, String path, String key, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Params.REQUEST_TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Result(r.statusCode(), r.body(), System.nanoTime() - start, r.headers().map(), null);
        } catch (IOException e) {
            return new Result(-1, "", System.nanoTime() - start, Map.of(), e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "", System.nanoTime() - start, Map.of(), "interrupted");
        }
    }

    Result call(String method, String path, String key, String json) {
        return send(Params.GATEWAY, method, path, key, json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    // ---------------------------------------------------------------- set-up through the operator API

    private Result operator(String method, String path, String json) {
        return send(Params.KEYS_ADMIN, method, path, null, "application/json", json.getBytes(StandardCharsets.UTF_8),
                Map.of("X-Operator-Token", operatorToken));
    }

    String organization(String name, String plan) {
        Result r = operator("POST", "/admin/v1/organizations", Json.object("name", name, "plan", plan));
        return require(r, "creating an organization", "data", "id");
    }

    String key(String org, String name, List<String> scopes) {
        Result r = operator("POST", "/admin/v1/organizations/" + org + "/keys", Json.object("name", name, "scopes", Json.array(scopes)));
        return require(r, "creating a key", "data", "key");
    }

    /** a webhook endpoint on a local receiver; returns {id, secret} */
    String[] webhook(String key, String url, List<String> events) {
        Result r = call("POST", "/api/v1/webhooks", key, Json.object("url", url, "events", Json.array(events), "description", "reliability run"));
        return new String[] {require(r, "creating a webhook endpoint", "data", "id"), Json.str(r.json(), "data", "secret")};
    }

    String webhookStatus(String key, String id) {
        Result r = call("GET", "/api/v1/webhooks/" + id, key, null);
        return r.ok() ? Json.str(r.json(), "data", "status") : "unknown (" + r.status() + ")";
    }

    static String require(Result r, String what, Object... path) {
        String v = r.ok() ? Json.str(r.json(), path) : null;
        if (v == null) {
            throw new IllegalStateException(what + " failed: " + r.brief());
        }
        return v;
    }

    // ---------------------------------------------------------------- payloads of the workload

    private static final String[] ROLES = {"registered nurse", "backend developer", "data analyst", "project manager",
            "electrician", "pharmacist", "UX designer", "accountant", "teacher", "logistics coordinator"};
    private static final String[] SKILLS = {"Java", "Kotlin", "PostgreSQL", "Kafka", "patient care", "ICU", "Excel", "SQL",
            "Figma", "stakeholder management", "budgeting", "wiring", "inventory", "curriculum design", "Python", "React"};
    static final String[] QUERIES = {"nurse with intensive care experience", "java developer who knows kafka",
            "data analyst with sql and python", "project manager for construction", "designer with figma portfolio",
            "accountant with budgeting experience", "teacher for mathematics", "logistics and inventory planning"};

    static String name(long n) {
        String[] first = {"Alice", "Bruno", "Chiara", "Dmitri", "Elena", "Farid", "Greta", "Hiro", "Ines", "Jonas"};
        String[] last = {"Novak", "Okafor", "Petrov", "Quinn", "Rossi", "Sato", "Tanaka", "Ueda", "Varga", "Weber"};
        return first[(int) (n % first.length)] + " " + last[(int) (n / first.length % last.length)] + " " + n;
    }

    /** a short Markdown CV (one search chunk, so indexing stays cheap) */
    static String cv(String name, String email) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String role = ROLES[r.nextInt(ROLES.length)];
        return "# " + name + "\n" + email + "\n\n## Profile\n" + role + " with " + (2 + r.nextInt(15)) + " years of experience in "
                + SKILLS[r.nextInt(SKILLS.length)] + ", " + SKILLS[r.nextInt(SKILLS.length)] + " and " + SKILLS[r.nextInt(SKILLS.length)]
                + ".\n\n## Experience\n- " + role + " at Example Corp\n- Team lead for " + (2 + r.nextInt(8)) + " people\n";
    }

    /** multipart/form-data with the fields and one file part */
    static byte[] multipart(String boundary, Map<String, String> fields, String filename, String type, byte[] file) {
        StringBuilder head = new StringBuilder();
        fields.forEach((k, v) -> head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(k)
                .append("\"\r\n\r\n").append(v).append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"").append(filename)
                .append("\"\r\nContent-Type: ").append(type).append("\r\n\r\n");
        byte[] a = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] z = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[a.length + file.length + z.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(file, 0, out, a.length, file.length);
        System.arraycopy(z, 0, out, a.length + file.length, z.length);
        return out;
    }

    Result upload(String key, String name, String email) {
        String boundary = "rel" + UUID.randomUUID().toString().replace("-", "");
        byte[] body = multipart(boundary, Map.of("name", name, "email", email), "cv.md", "text/markdown",
                cv(name, email).getBytes(StandardCharsets.UTF_8));
        return send(Params.GATEWAY, "POST", "/api/v1/candidates/upload", key, "multipart/form-data; boundary=" + boundary, body, Map.of());
    }
}
