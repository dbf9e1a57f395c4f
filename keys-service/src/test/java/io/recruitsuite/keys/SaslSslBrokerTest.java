package io.recruitsuite.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.events.KafkaClients;
import io.recruitsuite.common.events.Topics;
import io.recruitsuite.common.testing.SecuredBrokerResource;
import io.recruitsuite.common.testing.TestBroker;
import io.recruitsuite.common.testing.TestTokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.recruitsuite.keys.KeysApi.createOrganization;
import static io.recruitsuite.keys.KeysApi.issueKeySecret;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event path through a broker secured as production's is (issue 19 point 6): the service's only
 * broker is one of this test's own whose client listener speaks SASL_SSL with SCRAM-SHA-512 and a
 * certificate the JVM does not trust by default, and the service gets nothing but the {@code kafka.*}
 * settings a deployment sets. A key's revocation still reaches the topic through the outbox, so the
 * outbox producer honours the security settings; the topic is read back with a consumer built from
 * the same settings ({@link KafkaClients}), and a client with a wrong login, without the truststore or
 * speaking plaintext reads nothing, so there is no plain path the test could have passed on.
 */
@QuarkusTest
@WithTestResource(SecuredBrokerResource.class)
class SaslSslBrokerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    KafkaClients clients;

    @Test
    void keyEventsLeaveThroughTheSaslSslListenerAndNoOtherClientReadsThem() {
        TestBroker broker = SecuredBrokerResource.broker();
        Map<String, Object> service = clients.properties(Map.of());
        assertEquals("SASL_SSL", service.get("security.protocol"), "the service's clients speak SASL_SSL");
        assertEquals(TestBroker.SCRAM_MECHANISM, service.get("sasl.mechanism"));
        assertEquals(broker.bootstrapServers(), service.get("bootstrap.servers"), "the service's only broker is the secured one");

        String org = createOrganization("enterprise");
        String prefix = issueKeySecret(org, "candidates:read").substring(0, 17);
        given().header("X-Operator-Token", TestTokens.operatorToken())
                .delete("/admin/v1/organizations/" + org + "/keys/" + prefix)
                .then().statusCode(200).body("data.status", equalTo("revoked"));

        Predicate<JsonNode> revoked = e -> e.path("type").asText().equals("key.revoked")
                && e.path("data").path("prefix").asText().equals(prefix) && e.path("organizationId").asText().equals(org);
        List<JsonNode> events = read(service, org, found -> found.stream().anyMatch(revoked), Duration.ofSeconds(30));
        assertTrue(events.stream().anyMatch(revoked), "key.revoked arrived over SASL_SSL: " + events);

        Map<String, Object> wrongPassword = new HashMap<>(service);
        wrongPassword.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"recruit-test\" password=\"not-the-password\";");
        assertRefused(wrongPassword, org, "a wrong SCRAM password");

        Map<String, Object> unknownUser = new HashMap<>(service);
        unknownUser.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"someone-else\" password=\"x\";");
        assertRefused(unknownUser, org, "an unknown SCRAM user");

        Map<String, Object> noTruststore = new HashMap<>(service);
        noTruststore.keySet().removeIf(name -> name.startsWith("ssl.truststore."));
        assertRefused(noTruststore, org, "no truststore (the broker's certificate is not trusted)");

        Map<String, Object> plaintext = new HashMap<>(service);
        plaintext.keySet().removeIf(name -> name.startsWith("ssl.") || name.startsWith("sasl."));
        plaintext.put("security.protocol", "PLAINTEXT");
        List<JsonNode> plain = read(plaintext, org, found -> !found.isEmpty(), Duration.ofSeconds(5));
        assertTrue(plain.isEmpty(), "a plaintext client reads nothing: " + plain);
    }

    private void assertRefused(Map<String, Object> settings, String org, String what) {
        RuntimeException refused = null;
        List<JsonNode> found = List.of();
        try {
            found = read(settings, org, events -> !events.isEmpty(), Duration.ofSeconds(15));
        } catch (RuntimeException e) {
            refused = e;
        }
        assertTrue(found.isEmpty(), "a client with " + what + " read " + found);
        assertNotNull(refused, "a client with " + what + " is refused");
        assertInstanceOf(AuthenticationException.class, refused, "a client with " + what + " fails authentication");
    }

    /** Reads this test's key-events topic from the beginning with a fresh group, keeping {@code org}'s events. */
    private List<JsonNode> read(Map<String, Object> settings, String org, Predicate<List<JsonNode>> done, Duration timeout) {
        Map<String, Object> consumer = new HashMap<>(settings);
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "sasl-ssl-test-" + UUID.randomUUID());
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(consumer, new StringDeserializer(), new StringDeserializer())) {
            reader.subscribe(List.of(clients.topic(Topics.KEY_EVENTS)));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && !done.test(found)) {
                for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(200))) {
                    if (org.equals(record.key())) {
                        found.add(MAPPER.readTree(record.value()));
                    }
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }
}
