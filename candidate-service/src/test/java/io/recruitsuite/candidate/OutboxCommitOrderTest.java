package io.recruitsuite.candidate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.events.EventPayload.CandidateDeleted;
import io.recruitsuite.common.events.Events;
import io.recruitsuite.common.events.Topics;
import io.recruitsuite.common.outbox.Outbox;
import io.recruitsuite.common.testing.TestKafka;
import io.recruitsuite.common.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Two transactions of one organization, interleaved: the first appends its event and stays open while the
 * second appends and tries to commit. Consumers must see the events in commit order, so the second waits
 * at its append until the first has committed; another organization does not wait at all.
 */
@QuarkusTest
class OutboxCommitOrderTest {

    @Inject
    Pool pool;
    @Inject
    ObjectMapper mapper;

    @Test
    void oneOrganizationsEventsArePublishedInTheOrderTheirTransactionsCommit() throws Exception {
        String org = TestTokens.newOrganizationId();
        String other = TestTokens.newOrganizationId();
        Outbox outbox = new Outbox(mapper);
        SqlConnection first = pool.getConnection().await().atMost(Duration.ofSeconds(5));
        SqlConnection second = pool.getConnection().await().atMost(Duration.ofSeconds(5));
        SqlConnection third = pool.getConnection().await().atMost(Duration.ofSeconds(5));
        try {
            Transaction firstTx = first.begin().await().atMost(Duration.ofSeconds(5));
            outbox.append(first, Events.CANDIDATE_DELETED, org, new CandidateDeleted("cand_first", List.of())).await().atMost(Duration.ofSeconds(5));

            // another organization is not held up by the open transaction
            Transaction otherTx = third.begin().await().atMost(Duration.ofSeconds(5));
            outbox.append(third, Events.CANDIDATE_DELETED, other, new CandidateDeleted("cand_other", List.of())).await().atMost(Duration.ofSeconds(5));
            otherTx.commit().await().atMost(Duration.ofSeconds(5));

            Transaction secondTx = second.begin().await().atMost(Duration.ofSeconds(5));
            CompletableFuture<Void> secondCommitted = outbox.append(second, Events.CANDIDATE_DELETED, org,
                            new CandidateDeleted("cand_second", List.of()))
                    .chain(() -> secondTx.commit()).subscribeAsCompletionStage();
            Thread.sleep(1000);
            assertFalse(secondCommitted.isDone(), "the second transaction waits at its append while the first is open");

            firstTx.commit().await().atMost(Duration.ofSeconds(5));
            secondCommitted.get(10, TimeUnit.SECONDS);
        } finally {
            for (SqlConnection c : List.of(first, second, third)) {
                c.close().await().atMost(Duration.ofSeconds(5));
            }
        }

        List<JsonNode> events = TestKafka.events(Topics.CANDIDATE_EVENTS, org, found -> found.size() >= 2, Duration.ofSeconds(30));
        assertEquals(List.of("cand_first", "cand_second"), events.stream().map(e -> e.path("data").path("candidateId").asText()).toList(),
                "published in commit order");
    }
}
