package io.recruitsuite.candidate;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.events.Topics;
import io.recruitsuite.common.testing.OwnBrokerResource;
import io.recruitsuite.common.testing.TestBroker;
import io.recruitsuite.common.testing.TestKafka;
import io.recruitsuite.common.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.recruitsuite.candidate.JobsTest.jobsWriter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox through a real broker outage: the service's broker (a broker of this test's own, so no
 * other stack on the machine is disturbed) is stopped, 200 changes are made, the broker is started
 * again, and every event arrives, in order per organization.
 */
@QuarkusTest
@WithTestResource(OwnBrokerResource.class)
class OutboxOutageTest {

    private static final int CHANGES = 200;

    @Inject
    Pool pool;

    @Test
    void everyEventWaitsOutTheOutageAndArrivesInOrderPerOrganization() throws Exception {
        String orgA = TestTokens.newOrganizationId();
        String orgB = TestTokens.newOrganizationId();
        TestBroker broker = OwnBrokerResource.broker();
        assertTrue(broker.listening(), "the test broker runs");
        try {
            broker.pause();
            assertFalse(broker.listening(), "the test broker is down");
            for (int i = 0; i < CHANGES; i++) {
                jobsWriter(i % 2 == 0 ? orgA : orgB).body(Map.of("title", title(i))).post("/api/v1/jobs").then().statusCode(201);
            }
            assertEquals(CHANGES, unpublished(orgA, orgB), "with the broker away every event waits in the outbox");
        } finally {
            broker.resume();
        }
        for (String org : List.of(orgA, orgB)) {
            // delivery is at least once: consumers keep the first copy of each event id, and so does this check
            List<JsonNode> events = firstCopies(TestKafka.events(Topics.CANDIDATE_EVENTS, org,
                    found -> firstCopies(found).size() >= CHANGES / 2, Duration.ofSeconds(90)));
            List<String> expected = new ArrayList<>();
            for (int i = org.equals(orgA) ? 0 : 1; i < CHANGES; i += 2) {
                expected.add(title(i));
            }
            assertEquals(expected, events.stream().map(e -> e.path("data").path("title").asText()).toList());
        }
        assertEquals(0, unpublished(orgA, orgB));
    }

    private static List<JsonNode> firstCopies(List<JsonNode> events) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return events.stream().filter(e -> seen.add(e.path("id").asText())).toList();
    }

    private static String title(int i) {
        return String.format("Outage job %03d", i);
    }

    private long unpublished(String orgA, String orgB) {
        return pool.preparedQuery("select count(*) from outbox where published_at is null and record_key in ($1, $2)")
                .execute(Tuple.of(orgA, orgB))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }
}
