package io.recruitsuite.gateway.routing;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What stands between the gateway and one upstream service for each forwarded request: a bulkhead (so many
 * calls at once, so many more waiting, the rest refused), a circuit breaker over the last calls, a timeout
 * for the answer's head and, where the policy has one, a retry after a pause. It keeps the semantics of the
 * MicroProfile Fault Tolerance guard it replaced on this path, and its exceptions, so refusals read the same;
 * but it runs on the caller's event loop with Vert.x timers, where that guard converted each call to and from
 * its own futures, captured the thread contexts at every step and armed its timeout on a timer thread of its
 * own (a sixth of the gateway's CPU per forwarded request, in the profile of docs/performance.md).
 *
 * <p>Breaker: closed, it records each call's outcome in a window of the last {@code breakerRequests}; once
 * the window is full and at least {@code breakerFailureRatio} of it failed, it opens and refuses every call
 * for {@code breakerOpenMillis}; then one trial call at a time is let through, and the first success closes
 * it with a fresh window, a failure opens it again. An outcome {@code notAFailure} accepts (a client too slow
 * with its own body) counts as a success. Refusals of the breaker and the bulkhead are not retried.
 */
public final class UpstreamGuard {

    public record Policy(long timeoutMillis, int breakerRequests, double breakerFailureRatio, long breakerOpenMillis,
                         int bulkheadLimit, int bulkheadQueue, int retries, long retryDelayMillis) {
    }

    private final Vertx vertx;
    private final Policy policy;
    private final String name;
    private final Breaker breaker;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger queued = new AtomicInteger();
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    public UpstreamGuard(Vertx vertx, String name, Policy policy, LongSupplier clock) {
        this.vertx = vertx;
        this.name = name;
        this.policy = policy;
        this.breaker = new Breaker(policy.breakerRequests(), policy.breakerFailureRatio(), policy.breakerOpenMillis(), clock);
    }

    /**
     * Runs {@code attempt} under the guard. {@code onTimeout} makes the failure of an attempt that did not
     * answer in time; {@code notAFailure} says which failures are not the upstream's; {@code discardLate}
     * disposes of an answer that arrived after its attempt had timed out.
     */
    public <T> Future<T> call(Supplier<Future<T>> attempt, Supplier<Throwable> onTimeout, Predicate<Throwable> notAFailure,
                              Consumer<T> discardLate) {
        Promise<T> result = Promise.promise();
        new Call<>(attempt, onTimeout, notAFailure, discardLate, result).start(policy.retries());
        return result.future();
    }

    /** Calls running now and waiting for a place. */
    int running() {
        return running.get();
    }

    int waiting() {
        return queued.get();
    }

    boolean open() {
        return breaker.refusing();
    }

    private final class Call<T> {
        private final Supplier<Future<T>> attempt;
        private final Supplier<Throwable> onTimeout;
        private final Predicate<Throwable> notAFailure;
        private final Consumer<T> discardLate;
        private final Promise<T> result;

        Call(Supplier<Future<T>> attempt, Supplier<Throwable> onTimeout, Predicate<Throwable> notAFailure, Consumer<T> discardLate,
             Promise<T> result) {
            this.attempt = attempt;
            this.onTimeout = onTimeout;
            this.notAFailure = notAFailure;
            this.discardLate = discardLate;
            this.result = result;
        }

        void start(int retriesLeft) {
            if (!breaker.allows()) {
                result.fail(new CircuitBreakerOpenException("the circuit breaker of " + name + " is open"));
                return;
            }
            if (running.incrementAndGet() <= policy.bulkheadLimit()) {
                run(retriesLeft);
                return;
            }
            running.decrementAndGet();
            if (queued.incrementAndGet() > policy.bulkheadQueue()) {
                queued.decrementAndGet();
                breaker.abandoned();
                result.fail(new BulkheadException(name + " has " + policy.bulkheadLimit() + " calls running and "
                        + policy.bulkheadQueue() + " waiting"));
                return;
            }
            // a waiting call runs on its own event loop, whichever call's end let it in
            Context context = vertx.getOrCreateContext();
            waiting.add(() -> context.runOnContext(v -> run(retriesLeft)));
            drain();
        }

        private void run(int retriesLeft) {
            AtomicBoolean settled = new AtomicBoolean();
            long timer = vertx.setTimer(policy.timeoutMillis(), id -> {
                if (settled.compareAndSet(false, true)) {
                    finished(onTimeout.get(), retriesLeft);
                }
            });
            Future<T> answer;
            try {
                answer = attempt.get();
            } catch (RuntimeException e) {
                answer = Future.failedFuture(e);
            }
            answer.onComplete(ar -> {
                if (!settled.compareAndSet(false, true)) {
                    if (ar.succeeded()) {
                        discardLate.accept(ar.result());
                    }
                    return;
                }
                vertx.cancelTimer(timer);
                if (ar.succeeded()) {
                    release();
                    breaker.record(true);
                    result.complete(ar.result());
                } else {
                    finished(ar.cause(), retriesLeft);
                }
            });
        }

        private void finished(Throwable failure, int retriesLeft) {
            release();
            boolean upstreamFailed = !notAFailure.test(failure);
            breaker.record(!upstreamFailed);
            if (upstreamFailed && retriesLeft > 0) {
                vertx.setTimer(Math.max(1, policy.retryDelayMillis()), id -> start(retriesLeft - 1));
            } else {
                result.fail(failure);
            }
        }
    }

    private void release() {
        running.decrementAndGet();
        drain();
    }

    /** Lets waiting calls in while there is room; safe against a call ending while another is being queued. */
    private void drain() {
        while (!waiting.isEmpty()) {
            if (running.incrementAndGet() > policy.bulkheadLimit()) {
                running.decrementAndGet();
                return;
            }
            Runnable next = waiting.poll();
            if (next == null) {
                running.decrementAndGet();
                return;
            }
            queued.decrementAndGet();
            next.run();
        }
    }

    /** The circuit breaker's state; its methods are short and never wait on I/O. */
    static final class Breaker {
        private enum State { CLOSED, OPEN, HALF_OPEN }

        private final boolean[] outcomes;
        private final double failureRatio;
        private final long openMillis;
        private final LongSupplier clock;
        private volatile State state = State.CLOSED;
        private int next;
        private int recorded;
        private int failures;
        private long openedAt;
        private boolean trialRunning;

        Breaker(int requests, double failureRatio, long openMillis, LongSupplier clock) {
            this.outcomes = new boolean[Math.max(1, requests)];
            this.failureRatio = failureRatio;
            this.openMillis = openMillis;
            this.clock = clock;
        }

        boolean allows() {
            if (state == State.CLOSED) {
                return true;
            }
            synchronized (this) {
                if (state == State.CLOSED) {
                    return true;
                }
                if (state == State.OPEN) {
                    if (clock.getAsLong() - openedAt < openMillis) {
                        return false;
                    }
                    state = State.HALF_OPEN;
                    trialRunning = false;
                }
                if (trialRunning) {
                    return false;
                }
                trialRunning = true;
                return true;
            }
        }

        /** A call admitted by {@link #allows} that never ran (the bulkhead was full). */
        synchronized void abandoned() {
            if (state == State.HALF_OPEN) {
                trialRunning = false;
            }
        }

        synchronized void record(boolean success) {
            switch (state) {
                case HALF_OPEN -> {
                    trialRunning = false;
                    if (success) {
                        state = State.CLOSED;
                        next = 0;
                        recorded = 0;
                        failures = 0;
                    } else {
                        open();
                    }
                }
                case CLOSED -> {
                    if (recorded == outcomes.length) {
                        if (!outcomes[next]) {
                            failures--;
                        }
                    } else {
                        recorded++;
                    }
                    outcomes[next] = success;
                    if (!success) {
                        failures++;
                    }
                    next = (next + 1) % outcomes.length;
                    if (recorded == outcomes.length && failures >= failureRatio * outcomes.length) {
                        open();
                    }
                }
                case OPEN -> {
                    // an outcome of a call that started before the breaker opened changes nothing
                }
            }
        }

        private void open() {
            state = State.OPEN;
            openedAt = clock.getAsLong();
        }

        boolean refusing() {
            return state != State.CLOSED;
        }
    }
}
