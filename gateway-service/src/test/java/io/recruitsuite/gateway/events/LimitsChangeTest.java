package io.recruitsuite.gateway.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.events.EventPayload.LimitsChanged;
import io.recruitsuite.common.events.Events;
import io.recruitsuite.common.events.Topics;
import io.recruitsuite.common.security.ApiKeyFormat;
import io.recruitsuite.common.security.KeyVerification;
import io.recruitsuite.common.testing.TestKafka;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operator's override of an organization's windows reaches a gateway that already verified and cached its key:
 * the keys-service announces {@code organization.limits_changed}, the gateway drops the organization's cached
 * verdicts, and within five seconds the next request counts against the new window and says so in its headers.
 * The same stand-in's answers show what the gateway relays of a service's header fields.
 */
@QuarkusTest
@WithTestResource(FakeKeysService.class)
class LimitsChangeTest {

    static final String KEY = ApiKeyFormat.generate("test");
    private static final long EFFECTIVE_WITHIN_MILLIS = 5_000;
    private static final long CONSUMER_READY_WITHIN_MILLIS = 60_000;

    @Inject
    ObjectMapper mapper;

    private Response account() {
        return given().header("Authorization", "Bearer " + KEY).get("/api/v1/account");
    }

    @Test
    void anOverrideAppliesAtTheGatewayWithinFiveSeconds() throws Exception {
        FakeKeysService.LIMITS.set(new KeyVerification.Limits(-1, 500, 30, 5000, 50000));
        Response first = account();
        assertEquals(200, first.statusCode(), first.asString());
        assertEquals("500", first.header("X-RateLimit-Limit"));
        assertEquals("\"organization-minute\";q=500;w=60", first.header("RateLimit-Policy"));

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            // the gateway's consumer starts at the end of the topic: wait until it reads, the verdict unchanged meanwhile
            long readyBy = System.currentTimeMillis() + CONSUMER_READY_WITHIN_MILLIS;
            boolean reading = false;
            while (!reading && System.currentTimeMillis() < readyBy) {
                int before = FakeKeysService.VERIFICATIONS.get();
                publish(producer, new LimitsChanged(FakeKeysService.ORGANIZATION, 500, 30, 5000, 50000));
                Thread.sleep(500);
                assertEquals(200, account().statusCode());
                reading = FakeKeysService.VERIFICATIONS.get() > before;
            }
            assertTrue(reading, "the gateway never read the key events topic");

            // the operator lowers the organization's window: the keys-service now verifies with it and announces it
            FakeKeysService.LIMITS.set(new KeyVerification.Limits(-1, 200, 30, 5000, 50000));
            long changed = System.currentTimeMillis();
            publish(producer, new LimitsChanged(FakeKeysService.ORGANIZATION, 200, 30, 5000, 50000));
            Response latest = account();
            while (!"200".equals(latest.header("X-RateLimit-Limit")) && System.currentTimeMillis() - changed < EFFECTIVE_WITHIN_MILLIS) {
                Thread.sleep(200);
                latest = account();
            }
            long took = System.currentTimeMillis() - changed;
            assertEquals("200", latest.header("X-RateLimit-Limit"), "the new window after " + took + " ms");
            assertEquals("\"organization-minute\";q=200;w=60", latest.header("RateLimit-Policy"));
            assertTrue(took < EFFECTIVE_WITHIN_MILLIS, "applied after " + took + " ms");
        }
    }

    @Test
    void aFieldTheServiceGivesTwiceReachesTheClientWithBothValuesAndTheGatewaysOwnFieldsOnce() {
        FakeKeysService.LIMITS.compareAndSet(null, new KeyVerification.Limits(-1, 500, 30, 5000, 50000));
        Response answer = account();
        assertEquals(200, answer.statusCode(), answer.asString());
        assertEquals(FakeKeysService.LINKS, answer.headers().getValues("Link"));
        assertEquals(1, answer.headers().getValues("X-RateLimit-Limit").size(), answer.headers().toString());
        assertEquals(1, answer.headers().getValues("X-Request-Id").size(), answer.headers().toString());
    }

    private void publish(KafkaProducer<String, String> producer, LimitsChanged change) throws Exception {
        String json = mapper.writeValueAsString(Events.envelope(mapper, Events.LIMITS_CHANGED, change.organizationId(), change));
        producer.send(new ProducerRecord<>(FakeKeysService.TOPIC_PREFIX + Topics.KEY_EVENTS, change.organizationId(), json))
                .get(10, TimeUnit.SECONDS);
    }
}
