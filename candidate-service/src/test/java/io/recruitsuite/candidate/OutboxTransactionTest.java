package io.recruitsuite.candidate;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.recruitsuite.candidate.candidates.Candidate;
import io.recruitsuite.candidate.candidates.CandidateRepository;
import io.recruitsuite.candidate.events.CandidateEvents;
import io.recruitsuite.candidate.persistence.Timestamps;
import io.recruitsuite.common.Ids;
import io.recruitsuite.common.testing.TestTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The outbox row is written in the reactive transaction of the change it describes: a transaction that fails
 * after both were written leaves neither, one that commits leaves both.
 */
@QuarkusTest
class OutboxTransactionTest {

    @Inject
    CandidateRepository candidates;
    @Inject
    CandidateEvents events;
    @Inject
    Pool pool;

    @Test
    void aChangeAndItsEventCommitTogetherOrNotAtAll() throws Throwable {
        String org = TestTokens.newOrganizationId();
        Candidate rolledBack = candidate(org, "Rolled Back");
        assertThrows(IllegalStateException.class, () -> VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> candidates.persist(rolledBack)
                        .call(events::candidateCreated)
                        // both statements have run when the transaction fails
                        .call(() -> Panache.getSession().chain(s -> s.flush()))
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("fails after the change and its event"))))));
        assertEquals(0, count("select count(*) from candidates where id = $1", rolledBack.id()));
        assertEquals(0, count("select count(*) from outbox where record_key = $1", org));

        Candidate committed = candidate(org, "Committed");
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> candidates.persist(committed).call(events::candidateCreated)));
        assertEquals(1, count("select count(*) from candidates where id = $1", committed.id()));
        assertEquals(1, count("select count(*) from outbox where record_key = $1", org));
    }

    private static Candidate candidate(String org, String name) {
        OffsetDateTime now = Timestamps.now();
        return new Candidate(Ids.newId("cand"), org, name, null, null, List.of(), now, now);
    }

    private long count(String sql, String value) {
        return pool.preparedQuery(sql).execute(Tuple.of(value)).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
    }
}
