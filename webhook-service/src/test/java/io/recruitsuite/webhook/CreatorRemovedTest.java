package io.recruitsuite.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.security.InternalToken;
import io.recruitsuite.common.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.recruitsuite.webhook.Api.asOwnerSession;
import static io.recruitsuite.webhook.TestEvents.MAPPER;
import static io.recruitsuite.webhook.TestEvents.await;
import static io.recruitsuite.webhook.TestEvents.publish;
import static io.recruitsuite.webhook.TestEvents.publishUpload;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Removing a member disables the endpoints they set up (issue 22, point 6): those made through their dashboard
 * session and those made with an API key the removal revoked. Nothing more is sent to them, pending deliveries
 * included, and no new event is queued for them, until an admin enables one, which records that admin as its
 * creator. A redelivered {@code member.removed} changes nothing more.
 */
@QuarkusTest
class CreatorRemovedTest {

    static final String[] ADMIN_SCOPES = {"candidates:read", "candidates:write", "search:read", "jobs:read", "jobs:write",
            "pipeline:read", "pipeline:write", "applications:read", "applications:write", "webhooks:read", "webhooks:write"};

    @Inject
    Pool pool;

    static RequestSpecification asAdmin(String org, String userId) {
        return given().header("Authorization", TestTokens.bearer(TestTokens.session(org, userId, "admin", ADMIN_SCOPES)));
    }

    /** An API-key caller whose token names the key's prefix, as the gateway signs it. */
    static RequestSpecification asKeyWithPrefix(String org, String prefix, String... scopes) {
        try {
            String token = Jwt.issuer(InternalToken.ISSUER).audience(InternalToken.AUDIENCE).subject("key:" + prefix)
                    .claim(InternalToken.ORGANIZATION, org).claim(InternalToken.KEY_PREFIX, prefix)
                    .claim(InternalToken.PLAN, "enterprise").claim(InternalToken.AUTH, InternalToken.AUTH_API_KEY)
                    .groups(Set.of(scopes)).expiresIn(60).jws().algorithm(SignatureAlgorithm.ES256)
                    .sign(KeyUtils.decodePrivateKey(Files.readString(TestTokens.keysDir().resolve("internal-signing.pem")),
                            SignatureAlgorithm.ES256));
            return given().header("Authorization", TestTokens.bearer(token));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String create(RequestSpecification as, String url) {
        return as.contentType(ContentType.JSON).body(Map.of("url", url)).post("/api/v1/webhooks").then().statusCode(201)
                .extract().path("data.id");
    }

    static void publishRemoval(String org, String eventId, String userId, List<String> revokedKeys) {
        var data = MAPPER.createObjectNode().put("userId", userId);
        revokedKeys.forEach(data.putArray("revokedKeys")::add);
        publish(org, eventId, "member.removed", data);
    }

    String status(String org, String id) {
        return Api.as(org).get("/api/v1/webhooks/" + id).then().statusCode(200).extract().path("data.status");
    }

    @Test
    void endpointsRecordWhoSetThemUp() {
        String org = TestTokens.newOrganizationId();
        String url = "http://127.0.0.1:9/x";
        asAdmin(org, "usr_ann").contentType(ContentType.JSON).body(Map.of("url", url)).post("/api/v1/webhooks").then().statusCode(201)
                .body("data.createdBy.userId", equalTo("usr_ann")).body("data.createdBy.keyPrefix", nullValue())
                .body("data.statusReason", nullValue());
        String id = create(asKeyWithPrefix(org, "rsa_live_crt00001", "webhooks:read", "webhooks:write", "jobs:read"), url);
        Api.as(org).get("/api/v1/webhooks/" + id).then().body("data.createdBy.keyPrefix", equalTo("rsa_live_crt00001"))
                .body("data.createdBy.userId", nullValue());
        // a description changes nobody; a new URL makes its sender the creator
        asAdmin(org, "usr_bob").contentType(ContentType.JSON).body(Map.of("description", "d")).patch("/api/v1/webhooks/" + id)
                .then().statusCode(200).body("data.createdBy.keyPrefix", equalTo("rsa_live_crt00001"));
        asAdmin(org, "usr_bob").contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1:9/y")).patch("/api/v1/webhooks/" + id)
                .then().statusCode(200).body("data.createdBy.userId", equalTo("usr_bob")).body("data.createdBy.keyPrefix", nullValue());
    }

    @Test
    void removingAMemberDisablesWhatTheySetUpAndSendsItNothingMoreUntilAnAdminTakesItOver() throws Exception {
        String org = TestTokens.newOrganizationId();
        try (Receiver bySession = new Receiver(); Receiver byRevokedKey = new Receiver(); Receiver byOtherKey = new Receiver();
             Receiver byOther = new Receiver(); Receiver unknown = new Receiver()) {
            // a narrower session than the admin's who takes it over below
            String sessionId = create(given().header("Authorization", TestTokens.bearer(TestTokens.session(org, "usr_gone", "admin",
                    "candidates:read", "webhooks:write"))), bySession.url());
            Api.as(org).get("/api/v1/webhooks/" + sessionId).then().body("data.readScopes", equalTo(List.of("candidates:read", "keys:read")));
            String revokedKeyId = create(asKeyWithPrefix(org, "rsa_live_gone0001", "webhooks:write", "candidates:read"), byRevokedKey.url());
            String otherKeyId = create(asKeyWithPrefix(org, "rsa_live_keep0001", "webhooks:write", "candidates:read"), byOtherKey.url());
            String otherId = create(asAdmin(org, "usr_stays"), byOther.url());
            String unknownId = create(asAdmin(org, "usr_gone"), unknown.url());
            // an endpoint from before creators were recorded: nobody is known to answer for it
            pool.preparedQuery("update webhook_endpoints set creator_user_id = null, creator_key_prefix = null where id = $1")
                    .execute(Tuple.of(unknownId)).await().indefinitely();

            // the removed member's endpoint has a delivery waiting for its retry when the member goes
            bySession.status.set(500);
            String before = publishUpload(org, "before.pdf");
            await("the first attempt at the session's endpoint", Duration.ofSeconds(30), () -> !bySession.withBodyContaining(before).isEmpty()
                    && !byOther.withBodyContaining(before).isEmpty());

            String removal = UUID.randomUUID().toString();
            publishRemoval(org, removal, "usr_gone", List.of("rsa_live_gone0001", "rsa_live_other999"));
            await("the removed member's endpoints disabled", Duration.ofSeconds(30),
                    () -> "disabled".equals(status(org, sessionId)) && "disabled".equals(status(org, revokedKeyId)));
            Api.as(org).get("/api/v1/webhooks/" + sessionId).then().body("data.statusReason", equalTo("creator_removed"))
                    .body("data.createdBy.userId", equalTo("usr_gone"));
            Api.as(org).get("/api/v1/webhooks/" + revokedKeyId).then().body("data.statusReason", equalTo("creator_removed"));
            assertEquals("active", status(org, otherKeyId));
            assertEquals("active", status(org, otherId));
            assertEquals("active", status(org, unknownId));

            // the pending delivery is not sent, however long it waits, and new events are not queued for them
            Thread.sleep(300);
            bySession.status.set(200);
            int attemptsAtRemoval = bySession.received.size();
            String after = publishUpload(org, "after.pdf");
            await("the event after the removal at the others", Duration.ofSeconds(30), () -> !byOther.withBodyContaining(after).isEmpty()
                    && !byOtherKey.withBodyContaining(after).isEmpty() && !unknown.withBodyContaining(after).isEmpty());
            Thread.sleep(3000);
            assertEquals(attemptsAtRemoval, bySession.received.size(), "nothing more reaches the removed member's endpoint");
            assertTrue(byRevokedKey.withBodyContaining(after).isEmpty());
            var log = Api.deliveries(org, sessionId);
            assertEquals(List.of("pending"), log.getList("data.status"), "the waiting delivery is kept, and nothing new is queued");
            assertEquals(0, Api.deliveries(org, revokedKeyId).getList("data").stream()
                    .filter(d -> d.toString().contains(after)).count());

            // an admin takes it over: the held delivery goes out at once, under the admin's read scopes
            asAdmin(org, "usr_admin").post("/api/v1/webhooks/" + sessionId + "/enable").then().statusCode(200)
                    .body("data.status", equalTo("active")).body("data.statusReason", nullValue())
                    .body("data.createdBy.userId", equalTo("usr_admin"))
                    .body("data.readScopes", equalTo(List.of("candidates:read", "search:read", "jobs:read", "pipeline:read",
                            "applications:read", "webhooks:read", "keys:read")));
            await("the held delivery after the take-over", Duration.ofSeconds(30),
                    () -> Api.deliveries(org, sessionId).getList("data.status").equals(List.of("succeeded")));
            assertTrue(bySession.withBodyContaining(before).size() > attemptsAtRemoval);

            // the same removal event again changes nothing: the endpoint now answers to the admin
            publishRemoval(org, removal, "usr_gone", List.of("rsa_live_gone0001", "rsa_live_other999"));
            String marker = UUID.randomUUID().toString();
            publish(org, marker, "key.created", MAPPER.createObjectNode().put("keyId", "key_m").put("prefix", "rsa_live_mark0001")
                    .put("name", "marker").put("createdBy", "usr_stays").set("scopes", MAPPER.createArrayNode()));
            // same topic and key, so once the marker is delivered the replayed removal has been handled
            await("the marker after the replayed removal", Duration.ofSeconds(30), () -> !byOther.withBodyContaining(marker).isEmpty());
            assertEquals("active", status(org, sessionId));
            assertEquals("disabled", status(org, revokedKeyId));
        }
    }

    @Test
    void takingOverNeedsTheScopesOfTheSubscriptions() {
        String org = TestTokens.newOrganizationId();
        String id = asKeyWithPrefix(org, "rsa_live_cand0001", "webhooks:write", "candidates:read").contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/x", "events", List.of("candidate.created"))).post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("data.id");
        publishRemoval(org, UUID.randomUUID().toString(), "usr_someone", List.of("rsa_live_cand0001"));
        await("disabled", Duration.ofSeconds(30), () -> "disabled".equals(status(org, id)));
        Api.asKey(org, "webhooks:write").post("/api/v1/webhooks/" + id + "/enable").then().statusCode(403)
                .body("error.code", equalTo("forbidden")).body("error.message", containsString("candidates:read"));
        assertEquals("disabled", status(org, id));
    }
}
