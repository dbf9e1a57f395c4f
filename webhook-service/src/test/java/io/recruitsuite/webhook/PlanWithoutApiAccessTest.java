package io.recruitsuite.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.testing.TestTokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.recruitsuite.webhook.TestEvents.MAPPER;
import static io.recruitsuite.webhook.TestEvents.await;
import static io.recruitsuite.webhook.TestEvents.publish;
import static io.recruitsuite.webhook.TestEvents.publishUpload;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An organization moved to a plan without API access gets no deliveries (issue 22, point 8): its events are queued
 * and held, nothing is sent, endpoints cannot be created, enabled or tested (403 in the envelope), and everything
 * held goes out when a plan with API access comes back. Whether a plan has API access comes with the event.
 */
@QuarkusTest
class PlanWithoutApiAccessTest {

    static void planChanged(String org, String oldPlan, String newPlan, Boolean apiAccess) {
        var data = MAPPER.createObjectNode().put("organizationId", org).put("oldPlan", oldPlan).put("newPlan", newPlan);
        if (apiAccess != null) {
            data.put("apiAccess", apiAccess);
        }
        publish(org, UUID.randomUUID().toString(), "organization.plan_changed", data);
    }

    static int createStatus(String org) {
        return Api.as(org).contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1:9/x")).post("/api/v1/webhooks")
                .then().extract().statusCode();
    }

    /** Whether creating an endpoint is refused for the plan; an endpoint the probe did create is deleted again. */
    static boolean refusedForPlan(String org) {
        var response = Api.as(org).contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1:9/x")).post("/api/v1/webhooks")
                .then().extract();
        if (response.statusCode() == 201) {
            Api.as(org).delete("/api/v1/webhooks/" + response.path("data.id")).then().statusCode(204);
            return false;
        }
        return response.statusCode() == 403 && String.valueOf(response.<String>path("error.message")).contains("no API access");
    }

    @Test
    void deliveriesAreHeldWhileThePlanHasNoApiAccessAndResumeWhenItHasAgain() throws Exception {
        String org = TestTokens.newOrganizationId();
        String other = TestTokens.newOrganizationId();
        try (Receiver receiver = new Receiver(); Receiver otherReceiver = new Receiver()) {
            String id = Api.register(org, receiver.url(), null).id();
            Api.register(other, otherReceiver.url(), null);
            String paused = Api.register(org, Receiver.downUrl(), null).id();

            planChanged(org, "starter", "free", false);
            await("the organization paused", Duration.ofSeconds(30), () -> refusedForPlan(org));
            Api.as(org).contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1:9/x")).post("/api/v1/webhooks")
                    .then().statusCode(403).body("error.code", equalTo("forbidden"))
                    .body("error.message", containsString("no API access"));
            Api.as(org).post("/api/v1/webhooks/" + paused + "/enable").then().statusCode(403).body("error.code", equalTo("forbidden"));
            Api.as(org).post("/api/v1/webhooks/" + id + "/test").then().statusCode(403).body("error.code", equalTo("forbidden"));
            // reading and deleting stay open: the organization can still see and clean up what it has
            Api.as(org).get("/api/v1/webhooks/" + id).then().statusCode(200).body("data.status", equalTo("active"));

            // events are queued, not sent; another organization is not held up
            String held = publishUpload(org, "held.pdf");
            String elsewhere = publishUpload(other, "elsewhere.pdf");
            await("the other organization's delivery", Duration.ofSeconds(30), () -> !otherReceiver.withBodyContaining(elsewhere).isEmpty());
            await("the held delivery queued", Duration.ofSeconds(30),
                    () -> Api.deliveries(org, id).getList("data.eventId").contains(held));
            Thread.sleep(2000);
            assertTrue(receiver.received.isEmpty(), "nothing is sent while the plan has no API access");
            assertEquals(List.of("pending"), Api.deliveries(org, id).getList("data.status"));
            assertEquals(0, (int) Api.deliveries(org, id).getInt("data[0].attempts"), "no attempt spent while held");

            // a plan with API access again: what was held goes out, and endpoints can be made again
            planChanged(org, "free", "starter", true);
            await("the held delivery sent", Duration.ofSeconds(30), () -> !receiver.withBodyContaining(held).isEmpty());
            assertEquals(201, createStatus(org));
            Api.as(org).post("/api/v1/webhooks/" + id + "/test").then().statusCode(202);
        }
    }

    @Test
    void theEventSaysWhetherAPlanHasApiAccess() {
        // a plan the webhook-service knows nothing of, without API access by the event's word
        String custom = TestTokens.newOrganizationId();
        planChanged(custom, "starter", "trial", false);
        await("paused by the payload's apiAccess", Duration.ofSeconds(30), () -> refusedForPlan(custom));
        planChanged(custom, "trial", "professional", true);
        await("resumed", Duration.ofSeconds(30), () -> createStatus(custom) == 201);

        // events written before the field existed: free is the plan without API access
        String older = TestTokens.newOrganizationId();
        planChanged(older, "starter", "free", null);
        await("paused: free without the field", Duration.ofSeconds(30), () -> refusedForPlan(older));
        planChanged(older, "free", "professional", null);
        await("resumed without the field", Duration.ofSeconds(30), () -> createStatus(older) == 201);
    }
}
