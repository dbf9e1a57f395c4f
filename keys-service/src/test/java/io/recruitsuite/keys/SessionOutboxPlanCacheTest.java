package io.recruitsuite.keys;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.ClientProxy;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.recruitsuite.common.events.EventPayload.KeyRevoked;
import io.recruitsuite.common.events.Events;
import io.recruitsuite.common.outbox.SessionOutbox;
import io.recruitsuite.common.testing.TestTokens;
import io.recruitsuite.keys.organizations.Organization;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox append reuses its cached query plan: appending many events does not grow Hibernate's plan
 * cache. A native select (scalar, as the append's order lock was, or with an entity result) stores
 * another plan on every call; the figures for both are logged alongside.
 */
@QuarkusTest
class SessionOutboxPlanCacheTest {

    private static final Logger LOG = Logger.getLogger(SessionOutboxPlanCacheTest.class);
    private static final int CALLS = 50;

    @Inject
    ObjectMapper mapper;
    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void appendingEventsReusesTheCachedPlans() throws Throwable {
        SessionOutbox outbox = new SessionOutbox(mapper);
        String org = TestTokens.newOrganizationId();
        Supplier<Uni<Void>> append = () -> outbox.append(Events.KEY_REVOKED, org, new KeyRevoked("key_plan", "rs_plan", "test"));
        long appendGrowth = growth(append);
        // for comparison: the form the append's order lock had (a scalar native select), and a native select with an entity result
        String scalarSelect = "select 1 from pg_advisory_xact_lock(hashtext('recruit.outbox'), hashtext(cast(:organizationId as text)))";
        long scalarSelectGrowth = growth(() -> Panache.getSession().chain(s -> s.createNativeQuery(scalarSelect)
                .setParameter("organizationId", org).getSingleResult()).replaceWithVoid());
        long entityResultGrowth = growth(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                "select * from organizations where id = :id", Organization.class).setParameter("id", org).getResultList()).replaceWithVoid());
        LOG.infof("query plans stored by %d calls: outbox append %d, scalar native select %d, native select with an entity result %d",
                CALLS, appendGrowth, scalarSelectGrowth, entityResultGrowth);
        // a plan stored per call would add CALLS (or more); a scheduled job's first query may add one or two meanwhile
        assertTrue(appendGrowth < CALLS / 5, "the outbox append's plans are reused, yet " + CALLS + " appends stored " + appendGrowth);
    }

    /** How many plans {@code CALLS} runs of {@code work}, each in a transaction of its own, add to the cache after a first run. */
    private long growth(Supplier<Uni<Void>> work) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
        int before = plans();
        for (int i = 0; i < CALLS; i++) {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
        }
        return plans() - before;
    }

    private int plans() throws IllegalAccessException {
        Object factory = ClientProxy.unwrap(sessions);
        for (Class<?> c = factory.getClass(); c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (SessionFactoryImplementor.class.isAssignableFrom(f.getType())) {
                    f.setAccessible(true);
                    return ((SessionFactoryImplementor) f.get(factory)).getQueryEngine().getInterpretationCache().getNumberOfCachedQueryPlans();
                }
            }
        }
        throw new IllegalStateException("no session factory in " + factory.getClass());
    }
}
