package io.recruitsuite.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guard in front of each upstream, on a real Vert.x instance: breaker, bulkhead, timeout and retry. */
class UpstreamGuardTest {

    private static Vertx vertx;
    private final AtomicLong clock = new AtomicLong(1_000_000);

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    private UpstreamGuard guard(int breakerRequests, int bulkheadLimit, int bulkheadQueue, int retries, long timeoutMillis) {
        return new UpstreamGuard(vertx, "upstream test", new UpstreamGuard.Policy(timeoutMillis, breakerRequests, 0.5, 5_000,
                bulkheadLimit, bulkheadQueue, retries, 20), clock::get);
    }

    private static <T> Future<T> call(UpstreamGuard guard, Supplier<Future<T>> attempt) {
        return guard.call(attempt, () -> new TimeoutException("no answer in time"), e -> e instanceof IllegalStateException, late -> { });
    }

    private static <T> T await(Future<T> future) throws Exception {
        try {
            return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    @Test
    void aFailedIdempotentCallIsTriedOnceMoreAfterThePause() throws Exception {
        UpstreamGuard guard = guard(20, 10, 10, 1, 1_000);
        AtomicInteger attempts = new AtomicInteger();
        String answer = await(call(guard, () -> attempts.incrementAndGet() == 1
                ? Future.failedFuture(new java.io.IOException("connection refused")) : Future.succeededFuture("ok")));
        assertEquals("ok", answer);
        assertEquals(2, attempts.get());

        UpstreamGuard once = guard(20, 10, 10, 0, 1_000);
        AtomicInteger single = new AtomicInteger();
        assertThrows(java.io.IOException.class, () -> await(call(once, () -> {
            single.incrementAndGet();
            return Future.failedFuture(new java.io.IOException("connection refused"));
        })));
        assertEquals(1, single.get(), "no retry without one in the policy");
    }

    @Test
    void theBreakerOpensOnAFailingWindowRefusesAtOnceAndClosesAfterATrial() throws Exception {
        UpstreamGuard guard = guard(4, 10, 10, 0, 1_000);
        AtomicInteger attempts = new AtomicInteger();
        Supplier<Future<String>> failing = () -> {
            attempts.incrementAndGet();
            return Future.failedFuture(new java.io.IOException("reset"));
        };
        await(call(guard, () -> Future.succeededFuture("ok")));
        await(call(guard, () -> Future.succeededFuture("ok")));
        assertThrows(java.io.IOException.class, () -> await(call(guard, failing)));
        assertFalse(guard.open(), "3 calls do not fill a window of 4");
        assertThrows(java.io.IOException.class, () -> await(call(guard, failing)));
        assertTrue(guard.open(), "2 failures in the last 4 calls reach the ratio of 0.5");
        assertThrows(CircuitBreakerOpenException.class, () -> await(call(guard, failing)));
        assertEquals(2, attempts.get(), "an open breaker does not call the upstream");

        clock.addAndGet(5_000);
        // the trial call: one at a time, while it runs the others are still refused
        Promise<String> trial = Promise.promise();
        Future<String> trialAnswer = call(guard, trial::future);
        assertThrows(CircuitBreakerOpenException.class, () -> await(call(guard, () -> Future.succeededFuture("second"))));
        trial.complete("back");
        assertEquals("back", await(trialAnswer));
        assertFalse(guard.open());
        assertEquals("ok", await(call(guard, () -> Future.succeededFuture("ok"))));
    }

    @Test
    void aFailedTrialOpensTheBreakerAgain() throws Exception {
        UpstreamGuard guard = guard(2, 10, 10, 0, 1_000);
        for (int i = 0; i < 2; i++) {
            assertThrows(java.io.IOException.class, () -> await(call(guard, () -> Future.failedFuture(new java.io.IOException("down")))));
        }
        assertTrue(guard.open());
        clock.addAndGet(5_000);
        assertThrows(java.io.IOException.class, () -> await(call(guard, () -> Future.failedFuture(new java.io.IOException("still down")))));
        assertThrows(CircuitBreakerOpenException.class, () -> await(call(guard, () -> Future.succeededFuture("ok"))));
    }

    @Test
    void failuresThatAreNotTheUpstreamsNeverOpenTheBreaker() throws Exception {
        UpstreamGuard guard = guard(4, 10, 10, 1, 1_000);
        AtomicInteger attempts = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            assertThrows(IllegalStateException.class, () -> await(call(guard, () -> {
                attempts.incrementAndGet();
                return Future.failedFuture(new IllegalStateException("the client's body did not arrive"));
            })));
        }
        assertFalse(guard.open());
        assertEquals(10, attempts.get(), "and they are not retried");
    }

    @Test
    void anAnswerThatDoesNotComeInTimeFailsWithTheTimeoutAndALateOneIsDiscarded() throws Exception {
        UpstreamGuard guard = guard(20, 10, 10, 0, 100);
        Promise<String> never = Promise.promise();
        List<String> discarded = new ArrayList<>();
        long started = System.nanoTime();
        Future<String> answer = guard.call(never::future, () -> new TimeoutException("no answer in time"), e -> false, discarded::add);
        assertThrows(TimeoutException.class, () -> await(answer));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis >= 90 && millis < 2_000, "timed out after " + millis + " ms");
        never.complete("too late");
        assertEquals(List.of("too late"), discarded);
        assertEquals(0, guard.running(), "a timed-out call gives its place back");
    }

    @Test
    void theBulkheadRunsSoManyQueuesSoManyMoreAndRefusesTheRest() throws Exception {
        UpstreamGuard guard = guard(20, 2, 1, 0, 5_000);
        List<Promise<String>> upstream = new CopyOnWriteArrayList<>();
        Supplier<Future<String>> held = () -> {
            Promise<String> p = Promise.promise();
            upstream.add(p);
            return p.future();
        };
        Future<String> first = call(guard, held);
        Future<String> second = call(guard, held);
        Future<String> third = call(guard, held);
        assertInstanceOf(BulkheadException.class, assertThrows(Exception.class, () -> await(call(guard, held))));
        assertEquals(2, guard.running());
        assertEquals(1, guard.waiting());
        assertEquals(2, upstream.size(), "the third call waits for a place");
        upstream.get(0).complete("one");
        assertEquals("one", await(first));
        long deadline = System.currentTimeMillis() + 5_000;
        while (upstream.size() < 3 && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(3, upstream.size(), "the waiting call ran once a place was free");
        upstream.get(1).complete("two");
        upstream.get(2).complete("three");
        assertEquals("two", await(second));
        assertEquals("three", await(third));
        assertEquals(0, guard.running());
        assertEquals(0, guard.waiting());
        assertFalse(guard.open(), "refusals of the bulkhead are not the upstream's failures");
    }
}
