package io.recruitsuite.candidate;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.recruitsuite.candidate.jobs.Job;
import io.recruitsuite.candidate.jobs.JobRepository;
import io.recruitsuite.common.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.recruitsuite.candidate.JobsTest.createJob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code findByIdForUpdate} scopes its lock statement by organization: while organization A's
 * transaction holds its job's row, organization B naming that id gets nothing at once, without waiting
 * for (or ever taking) A's lock.
 */
@QuarkusTest
class ScopedRowLockTest {

    @Inject
    JobRepository jobs;
    @Inject
    Pool pool;

    @Test
    void anotherOrganizationNamingALockedRowGetsNothingWithoutWaiting() throws Throwable {
        String orgA = TestTokens.newOrganizationId();
        String orgB = TestTokens.newOrganizationId();
        String id = createJob(orgA, "Locked job", "draft");

        SqlConnection holder = pool.getConnection().await().atMost(Duration.ofSeconds(10));
        Transaction tx = holder.begin().await().atMost(Duration.ofSeconds(10));
        try {
            holder.preparedQuery("select id from jobs where id = $1 for update").execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(10));
            // A's row is really held: a second locker of it would have to wait
            PgException busy = assertThrows(PgException.class, () -> pool.preparedQuery("select id from jobs where id = $1 for update nowait")
                    .execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(10)));
            assertEquals("55P03", busy.getSqlState());

            Job seenByB = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> jobs.findByIdForUpdate(orgB, id))
                    .ifNoItem().after(Duration.ofSeconds(5)).failWith(() -> new AssertionError(
                            "organization B's findByIdForUpdate waited for organization A's row lock")));
            assertNull(seenByB, "another organization's job is not found");
        } finally {
            tx.rollback().await().atMost(Duration.ofSeconds(10));
            holder.close().await().atMost(Duration.ofSeconds(10));
        }
        Job seenByA = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> jobs.findByIdForUpdate(orgA, id)));
        assertNotNull(seenByA, "the organization's own job is found and locked");
        assertEquals(id, seenByA.id());
    }
}
