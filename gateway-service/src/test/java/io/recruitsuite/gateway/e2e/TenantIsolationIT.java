package io.recruitsuite.gateway.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.recruitsuite.gateway.e2e.E2eSupport.Part;
import io.recruitsuite.gateway.e2e.E2eSupport.Req;
import io.recruitsuite.gateway.e2e.E2eSupport.Resp;
import io.recruitsuite.gateway.e2e.E2eSupport.Tenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.recruitsuite.gateway.e2e.E2eSupport.ALL_SCOPES;
import static io.recruitsuite.gateway.e2e.E2eSupport.READ_SCOPES;
import static io.recruitsuite.gateway.e2e.E2eSupport.contractViolation;
import static io.recruitsuite.gateway.e2e.E2eSupport.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Organization B never reaches organization A's data: every by-id access is a 404, lists and search
 * never show A's rows, A's webhook endpoint never receives B's events; and every route family
 * refuses a key without its scope with a 403 that names the scope.
 */
@org.junit.jupiter.api.Order(2)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class TenantIsolationIT {

    record Hook(String path, String body) {
    }

    static HttpServer receiver;
    static final List<Hook> hooks = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            hooks.add(new Hook(exchange.getRequestURI().getPath(), new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    static String hookUrl(String name) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/" + name;
    }

    final List<String> problems = new ArrayList<>();

    @Test
    @org.junit.jupiter.api.Order(10)
    void anotherOrganizationNeverReachesAsData() throws Exception {
        long started = System.nanoTime();
        String word = "zephyrquill" + E2eSupport.randomWord(6);
        String cvText = "Glassblower and " + word + " restorer: furnace work, annealing, lampworking, museum conservation.";
        Tenant a = Tenant.create("Isolation A", ALL_SCOPES);
        String tag = "tag-" + E2eSupport.randomWord(8);
        String email = "isolated." + E2eSupport.randomWord(6) + "@example.com";
        String name = "Isolda " + E2eSupport.randomWord(6).toUpperCase();

        // A: one of everything
        String aWebhook = a.create("/api/v1/webhooks", Map.of("url", hookUrl("A"), "events", List.of("*")), "webhook");
        String aCandidate = a.create("/api/v1/candidates", Map.of("name", name, "email", email, "tags", List.of(tag), "cvText", cvText,
                "filename", "isolda.txt"), "candidate");
        Resp upload = a.call(E2eSupport.multipart("POST", "/api/v1/candidates/" + aCandidate + "/documents",
                List.of(Part.file("isolda-2.txt", "text/plain", (name + "\n" + cvText + " Second edition.").getBytes(StandardCharsets.UTF_8)))));
        assertEquals(201, upload.status(), upload.describe());
        String aDocument = upload.json().path("data").path("id").asText();
        Resp job = a.post("/api/v1/jobs", Map.of("title", "Isolated job " + word, "status", "published"));
        assertEquals(201, job.status(), job.describe());
        String aJob = job.json().path("data").path("id").asText();
        String aStage = job.json().path("data").path("stages").path(0).path("id").asText();
        String aStage2 = job.json().path("data").path("stages").path(2).path("id").asText();
        String aStageName = job.json().path("data").path("stages").path(2).path("name").asText();
        String aApplication = a.create("/api/v1/applications", Map.of("candidateId", aCandidate, "jobId", aJob), "application");
        assertEquals(200, a.post("/api/v1/applications/" + aApplication + "/move", Map.of("stageId", aStage2)).status());
        String aNote = a.create("/api/v1/candidates/" + aCandidate + "/notes", Map.of("body", "Private note about " + word), "note");
        a.create("/api/v1/candidates", Map.of("name", name + " Junior", "tags", List.of(tag)), "candidate2");
        Resp aPage = a.get("/api/v1/candidates?limit=1");
        String aCursor = aPage.json().path("meta").path("nextCursor").asText();
        assertTrue(!aCursor.isEmpty(), aPage.describe());
        Resp aAppPage = a.get("/api/v1/applications?limit=1");
        String aAppCursor = aAppPage.json().path("meta").path("nextCursor").asText("");

        // A's webhook endpoint has deliveries (so one can be redelivered), and A's CV is searchable
        String aDelivery = awaitDelivery(a, aWebhook);
        awaitSearchable(a, word, aCandidate);
        List<String> aIds = List.of(aCandidate, aDocument, aJob, aStage, aStage2, aApplication, aNote, aWebhook, aDelivery);

        // B: its own data and endpoint
        Tenant b = Tenant.create("Isolation B", ALL_SCOPES);
        String bWebhook = b.create("/api/v1/webhooks", Map.of("url", hookUrl("B"), "events", List.of("*")), "webhook");
        String bCandidate = b.create("/api/v1/candidates", Map.of("name", "Bruno Beta", "email", "bruno@example.com", "tags", List.of(tag),
                "cvText", "Carpenter: joinery, staircases, timber frames."), "candidate");
        Resp bJobResp = b.post("/api/v1/jobs", Map.of("title", "B job", "status", "published"));
        String bJob = bJobResp.json().path("data").path("id").asText();
        String bApplication = b.create("/api/v1/applications", Map.of("candidateId", bCandidate, "jobId", bJob), "application");

        // by id: 404 for every verb, family and action
        String cand = "/api/v1/candidates/" + aCandidate;
        notFound(b, new Req("GET", cand));
        notFound(b, new Req("PATCH", cand).json(Map.of("tags", List.of("stolen"))));
        notFound(b, new Req("GET", cand + "/documents"));
        notFound(b, E2eSupport.multipart("POST", cand + "/documents", List.of(Part.file("x.txt", "text/plain",
                "Mallory\nintruder".getBytes(StandardCharsets.UTF_8)))));
        notFound(b, new Req("GET", cand + "/notes"));
        notFound(b, new Req("POST", cand + "/notes").json(Map.of("body", "planted")));
        notFound(b, new Req("GET", "/api/v1/jobs/" + aJob));
        notFound(b, new Req("PATCH", "/api/v1/jobs/" + aJob).json(Map.of("title", "hijacked")));
        notFound(b, new Req("GET", "/api/v1/jobs/" + aJob + "/stages"));
        notFound(b, new Req("GET", "/api/v1/jobs/" + aJob + "/applications"));
        notFound(b, new Req("GET", "/api/v1/jobs/" + aJob + "/stages/" + aStage2 + "/candidates"));
        notFound(b, new Req("GET", "/api/v1/pipeline/stages?jobId=" + aJob));
        notFound(b, new Req("GET", "/api/v1/pipeline/stages/" + aStage2 + "/candidates"));
        notFound(b, new Req("PUT", "/api/v1/pipeline/candidates/" + aCandidate + "/move").json(Map.of("stageId", aStage)));
        notFound(b, new Req("POST", "/api/v1/pipeline/candidates/" + aCandidate + "/move").json(Map.of("stageId", aStage)));
        notFound(b, new Req("POST", "/api/v1/pipeline/applications/" + aApplication + "/move").json(Map.of("stageId", aStage)));
        notFound(b, new Req("GET", "/api/v1/applications/" + aApplication));
        notFound(b, new Req("POST", "/api/v1/applications/" + aApplication + "/move").json(Map.of("stageId", aStage)));
        notFound(b, new Req("POST", "/api/v1/applications/" + aApplication + "/reject").json(Map.of("reason", "sabotage")));
        notFound(b, new Req("POST", "/api/v1/applications").json(Map.of("candidateId", aCandidate, "jobId", aJob)));
        notFound(b, new Req("POST", "/api/v1/applications").json(Map.of("candidateId", bCandidate, "jobId", aJob)));
        notFound(b, new Req("POST", "/api/v1/applications").json(Map.of("candidateId", aCandidate, "jobId", bJob)));
        refused(b, new Req("POST", "/api/v1/applications/" + bApplication + "/move").json(Map.of("stageId", aStage2)), 400, 404);
        refused(b, new Req("PUT", "/api/v1/pipeline/candidates/" + bCandidate + "/move").json(Map.of("stageId", aStage2)), 400, 404);
        String hook = "/api/v1/webhooks/" + aWebhook;
        notFound(b, new Req("GET", hook));
        notFound(b, new Req("PATCH", hook).json(Map.of("url", hookUrl("B"))));
        notFound(b, new Req("POST", hook + "/rotate-secret"));
        notFound(b, new Req("POST", hook + "/enable"));
        notFound(b, new Req("POST", hook + "/test"));
        notFound(b, new Req("GET", hook + "/deliveries"));
        notFound(b, new Req("POST", hook + "/deliveries/" + aDelivery + "/redeliver"));
        notFound(b, new Req("POST", "/api/v1/webhooks/" + bWebhook + "/deliveries/" + aDelivery + "/redeliver"));
        refused(b, new Req("POST", "/api/v1/search/feedback").json(Map.of("documentId", aDocument, "isRelevant", true)), 404);

        // lists and search: never A's rows (from C, a third organization with data of its own under A's tag, so
        // that B stays under the per-organization rate limit; B's own lists follow)
        Tenant c = Tenant.create("Isolation C", ALL_SCOPES);
        c.create("/api/v1/candidates", Map.of("name", "Cora Gamma", "tags", List.of(tag), "cvText", "Glassblower apprentice."), "candidate");
        List<String> lists = new ArrayList<>(List.of(
                "/api/v1/candidates", "/api/v1/candidates?search=" + enc(name), "/api/v1/candidates?search=" + enc(email),
                "/api/v1/candidates?search=" + enc(word), "/api/v1/candidates?tag=" + tag, "/api/v1/candidates?job=" + aJob,
                "/api/v1/candidates?stage=" + aStage2, "/api/v1/candidates?stage=" + enc(aStageName),
                "/api/v1/candidates?job=" + aJob + "&stage=" + aStage2, "/api/v1/candidates?cursor=" + aCursor,
                "/api/v1/candidates?limit=100&cursor=" + aCursor + "&tag=" + tag, "/api/v1/jobs", "/api/v1/jobs?status=published",
                "/api/v1/applications", "/api/v1/applications?jobId=" + aJob, "/api/v1/applications?candidateId=" + aCandidate,
                "/api/v1/webhooks"));
        if (!aAppCursor.isEmpty()) {
            lists.add("/api/v1/applications?cursor=" + aAppCursor);
        }
        List<Map.Entry<Tenant, String>> calls = new ArrayList<>();
        lists.forEach(l -> calls.add(Map.entry(c, l)));
        for (String l : List.of("/api/v1/candidates?tag=" + tag, "/api/v1/candidates?cursor=" + aCursor, "/api/v1/candidates?job=" + aJob,
                "/api/v1/candidates/" + bCandidate + "/notes", "/api/v1/webhooks/" + bWebhook + "/deliveries", "/api/v1/webhooks")) {
            calls.add(Map.entry(b, l));
        }
        for (Map.Entry<Tenant, String> call : calls) {
            String list = call.getValue();
            Resp r = call.getKey().get(list);
            checkNoLeak(r, aIds, List.of(word, email, name, aCursor.isEmpty() ? "\u0000" : "\u0000"));
            if (r.status() != 200 && r.status() != 400) {
                problems.add("list " + r.describe());
            }
        }
        for (Map<String, Object> search : List.of(
                Map.<String, Object>of("query", cvText, "limit", 50),
                Map.<String, Object>of("query", word + " glassblower", "limit", 50),
                Map.<String, Object>of("query", name, "limit", 50, "filters", Map.of("tags", List.of(tag))),
                Map.<String, Object>of("query", "glassblower", "limit", 50, "filters", Map.of("jobId", aJob)),
                Map.<String, Object>of("query", "glassblower", "limit", 50, "filters", Map.of("stage", aStageName)))) {
            Resp fromB = b.post("/api/v1/search", search);
            checkNoLeak(fromB, aIds, List.of(word, email, name));
            Resp r = c.post("/api/v1/search", search);
            checkNoLeak(r, aIds, List.of(word, email, name));
            if (r.status() != 200 && r.status() != 400) {
                problems.add("search " + r.describe());
            }
        }
        // A's key management is not B's: B's dashboard cannot revoke A's key
        E2eSupport.addMember(b.org, "usr_b_admin", "admin");
        String bSession = E2eSupport.dashboardToken(b.org, "usr_b_admin", "admin", 300);
        notFound(b, new Req("DELETE", "/api/v1/keys/" + a.key.substring(0, 17)).auth(bSession));
        Resp bKeys = b.call(new Req("GET", "/api/v1/keys").auth(bSession));
        if (bKeys.text().contains(a.key.substring(0, 17))) {
            problems.add("B's key list shows A's key prefix: " + bKeys.describe());
        }

        // destructive attempts last, then A still has everything
        notFound(b, new Req("DELETE", hook));
        notFound(b, new Req("DELETE", cand));
        for (String path : List.of(cand, "/api/v1/jobs/" + aJob, "/api/v1/applications/" + aApplication, hook)) {
            Resp r = a.get(path);
            if (r.status() != 200) {
                problems.add("A lost " + path + " after B's attempts: " + r.describe());
            }
        }
        Resp aCand = a.get(cand);
        if (!aCand.json().path("data").path("tags").toString().contains(tag) || aCand.text().contains("stolen")) {
            problems.add("B changed A's candidate: " + aCand.describe());
        }

        // B's events reach B's endpoint, never A's
        b.post("/api/v1/webhooks/" + bWebhook + "/test", Map.of());
        b.call(new Req("PATCH", "/api/v1/candidates/" + bCandidate).json(Map.of("tags", List.of(tag, "b-moved"))));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && hooks.stream().filter(h -> h.path().endsWith("/B")).count() < 3) {
            Thread.sleep(200);
        }
        Thread.sleep(1500);
        long toB = hooks.stream().filter(h -> h.path().endsWith("/B")).count();
        assertTrue(toB >= 3, "B's own endpoint receives B's events: " + toB);
        for (Hook h : hooks) {
            if (h.path().endsWith("/A") && (!h.body().contains("\"organizationId\":\"" + a.org + "\"") || h.body().contains(b.org)
                    || h.body().contains(bCandidate) || h.body().contains(bWebhook))) {
                problems.add("A's endpoint received another organization's event: " + E2eSupport.abbreviate(h.body(), 300));
            }
            if (h.path().endsWith("/B") && (h.body().contains(a.org) || aIds.stream().anyMatch(h.body()::contains))) {
                problems.add("B's endpoint received A's event: " + E2eSupport.abbreviate(h.body(), 300));
            }
        }
        System.out.printf("%n==== TenantIsolationIT: isolation checked in %d s; %d deliveries to A, %d to B%n",
                Duration.ofNanos(System.nanoTime() - started).toSeconds(), hooks.size() - toB, toB);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    @org.junit.jupiter.api.Order(20)
    void everyRouteFamilyRefusesAKeyWithoutItsScope() throws Exception {
        Resp docResponse = send(new Req("GET", "/api/v1/openapi.json"));
        List<FuzzIT.Op> ops = FuzzIT.operations(docResponse.json());
        Tenant searchOnly = Tenant.create("Scopes search-only", List.of("search:read"));
        Tenant readOnly = Tenant.create("Scopes read-only", READ_SCOPES);
        int checked = 0;
        for (FuzzIT.Op op : ops) {
            String family = op.path().split("/")[3];
            if (family.equals("keys")) {
                // key management takes a dashboard session, never an API key
                for (Tenant t : List.of(searchOnly, readOnly)) {
                    Resp r = send(new Req(op.method(), concrete(op.path())).auth(t.key).json("{}"));
                    expectRefusal(r, 401, "unauthorized", null);
                    checked++;
                }
                continue;
            }
            if (family.equals("usage")) {
                // any valid key reads its own organization's hourly usage, whatever its scopes
                for (Tenant t : List.of(searchOnly, readOnly)) {
                    Resp r = send(new Req(op.method(), concrete(op.path())).auth(t.key));
                    if (r.status() != 200 || !r.json().path("data").path("hours").isArray()) {
                        problems.add("a key reads its own usage: " + r.describe());
                    }
                    checked++;
                }
                continue;
            }
            if (family.equals("account")) {
                // any valid key reads its own account, whatever its scopes, and only its own
                for (Tenant t : List.of(searchOnly, readOnly)) {
                    Resp r = send(new Req(op.method(), concrete(op.path())).auth(t.key));
                    if (r.status() != 200 || !t.org.equals(r.json().path("data").path("organization").path("id").asText())) {
                        problems.add("a key reads its own account: " + r.describe());
                    }
                    checked++;
                }
                continue;
            }
            boolean read = op.method().equals("GET");
            String needed = (family.equals("search") ? "search" : family) + (read || family.equals("search") ? ":read" : ":write");
            Req req = new Req(op.method(), concrete(op.path()));
            if (!read) {
                req.json("{}");
            }
            if (!family.equals("search")) {
                Resp r = send(req.auth(searchOnly.key));
                expectRefusal(r, 403, "forbidden", needed);
                checked++;
            }
            if (!read) {
                Req write = new Req(op.method(), concrete(op.path())).json("{}");
                Resp r = send(write.auth(readOnly.key));
                if (family.equals("search")) {
                    // search is a read: POST /search needs search:read only
                    if (r.status() == 403) {
                        problems.add("a read-only key is refused a search: " + r.describe());
                    }
                } else {
                    expectRefusal(r, 403, "forbidden", needed);
                }
                checked++;
            }
        }
        // the read-only key reads every family, the search-only key searches
        for (String path : List.of("/api/v1/candidates", "/api/v1/jobs", "/api/v1/applications", "/api/v1/webhooks")) {
            Resp r = readOnly.get(path);
            if (r.status() != 200) {
                problems.add("read-only key cannot read " + r.describe());
            }
        }
        Resp s = searchOnly.post("/api/v1/search", Map.of("query", "anything"));
        if (s.status() != 200) {
            problems.add("search-only key cannot search: " + s.describe());
        }
        System.out.printf("==== TenantIsolationIT: %d scope refusals checked%n", checked);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    static String concrete(String template) {
        return template.replace("{id}", "x_AAAAAAAAAAAAAAAAAAAA").replace("{candidateId}", "cand_AAAAAAAAAAAAAAAAAAAA")
                .replace("{stageId}", "stg_AAAAAAAAAAAAAAAAAAAA").replace("{deliveryId}", "dlv_AAAAAAAAAAAAAAAAAAAA")
                .replace("{prefix}", "rsa_live_AAAAAAAA")
                // any other path parameter (a job within a campaign, …): a well-formed id of nobody
                .replaceAll("\\{[A-Za-z]+}", "x_AAAAAAAAAAAAAAAAAAAA");
    }

    void expectRefusal(Resp r, int status, String code, String scope) {
        String violation = contractViolation(r);
        if (violation != null || r.status() != status || !code.equals(r.json().path("error").path("code").asText())
                || (scope != null && !r.json().path("error").path("message").asText().contains(scope))) {
            problems.add("expected " + status + " " + code + (scope == null ? "" : " naming " + scope) + ": " + r.describe());
        }
    }

    void notFound(Tenant b, Req req) {
        refused(b, req, 404);
    }

    void refused(Tenant b, Req req, int... statuses) {
        Resp r = b.call(req);
        String violation = contractViolation(r);
        boolean expected = false;
        for (int s : statuses) {
            expected |= r.status() == s;
        }
        if (violation != null || !expected) {
            problems.add("expected " + java.util.Arrays.toString(statuses) + (violation == null ? "" : " (" + violation + ")") + ": " + r.describe());
        }
    }

    void checkNoLeak(Resp r, List<String> ids, List<String> texts) {
        String body = r.text();
        for (String id : ids) {
            if (body.contains(id)) {
                problems.add("B sees A's " + id + ": " + r.describe());
            }
        }
        for (String text : texts) {
            if (!text.equals("\u0000") && body.contains(text)) {
                problems.add("B sees A's \"" + text + "\": " + r.describe());
            }
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The id of one delivery to A's endpoint (a webhook.test sent for it), for the redeliver attempt. */
    static String awaitDelivery(Tenant a, String webhook) throws InterruptedException {
        Resp test = a.post("/api/v1/webhooks/" + webhook + "/test", Map.of());
        assertEquals(202, test.status(), test.describe());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Resp list = a.get("/api/v1/webhooks/" + webhook + "/deliveries?limit=5");
            JsonNode first = list.json().path("data").path(0);
            if (first.has("id")) {
                return first.path("id").asText();
            }
            Thread.sleep(1000);
        }
        fail("no delivery listed for " + webhook);
        return null;
    }

    static void awaitSearchable(Tenant a, String word, String candidate) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Resp r = a.post("/api/v1/search", Map.of("query", word + " glassblower", "limit", 5));
            if (r.status() == 200 && r.text().contains(candidate)) {
                return;
            }
            Thread.sleep(2500);
        }
        fail("A's CV was not indexed within 60 s");
    }

    @SuppressWarnings("unused")
    private static Iterator<String> none() {
        return List.<String>of().iterator();
    }
}
