package io.recruitsuite.gateway.ratelimit;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.scheduler.Scheduled;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.error.ErrorCode;
import io.recruitsuite.gateway.auth.Principal;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.annotation.PostConstruct;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks and counts all windows of a request in one atomic Redis script (one round trip; EVALSHA,
 * with EVAL once if Redis lost the script). A busy caller's requests are counted in blocks and admitted
 * from this replica's lease without a round trip ({@link Leases}). A monthly quota bucket Redis lost is restored from the
 * keys-service's count before counting on ({@link QuotaSeeds}).
 *
 * <p>When Redis does not answer in time, either a local limiter (fail open, the default) or 503 (fail
 * closed). The local limiter admits, per window, no more than what Redis last said was left, and never
 * more than a small share of the limit ({@code gateway.rate-limit.fallback-share}): that share per
 * replica is the most an organization can get beyond a limit while Redis is slow or down. After
 * {@code redis-failures-to-skip} failed or timed-out calls in a row Redis is skipped for
 * {@code redis-retry-after}; a single failure, or a full connection pool (a burst), only sends that
 * request to the local limiter, so one busy organization never switches the gateway over.
 */
@Singleton
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    private static final long ASKS_FOR_COUNT = -1;
    private static final String STARTS_AT_ZERO = "-";
    private static final String ASK_FOR_COUNT = "?";

    @Inject
    ReactiveRedisDataSource redis;
    @Inject
    RateLimitConfig config;
    @Inject
    QuotaSeeds seeds;

    private final LocalLimiter local = new LocalLimiter();
    /** What Redis last answered as left in a bucket: the local limiter's ceiling for it. */
    private final Map<String, Known> lastKnown = new ConcurrentHashMap<>();
    private String script;
    private String sha;
    private String giveBackScript;
    private Leases leases;
    private volatile long redisDownUntil;
    private final AtomicInteger failuresInARow = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong scriptCalls = new java.util.concurrent.atomic.AtomicLong();

    private record Known(long remaining, long expiresAt) {
    }

    @PostConstruct
    void load() {
        script = resource("/ratelimit.lua");
        giveBackScript = resource("/ratelimit-giveback.lua");
        try {
            sha = java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        leases = new Leases(config.leaseMaxRequests(), config.leaseLifetime().toMillis(), this::giveBack);
    }

    private static String resource(String name) {
        try (InputStream in = RateLimiter.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the script and opens a connection at start, so the first requests do not pay for it within the Redis budget. */
    void warmUp(@Observes StartupEvent start) {
        redis.getRedis().send(Request.cmd(Command.SCRIPT).arg("LOAD").arg(script)).subscribe().with(
                loaded -> LOG.debug("rate-limit script loaded"),
                e -> LOG.infof("Redis not reachable at start; rate limits fall back until it is (%s)", e.toString()));
    }

    /** The decision for a request this replica can admit on its own (from a lease, or no limits): no I/O; else null. */
    public Decision leased(Principal principal, String rateClass) {
        if (principal.limits() == null) {
            return Decision.unlimited();
        }
        return leases.take(Leases.Holder.of(principal, rateClass), System.currentTimeMillis());
    }

    public Uni<Decision> check(Principal principal, String rateClass) {
        if (principal.limits() == null) {
            return Uni.createFrom().item(Decision.unlimited());
        }
        long now = System.currentTimeMillis();
        Leases.Holder holder = Leases.Holder.of(principal, rateClass);
        Decision leased = leases.take(holder, now);
        if (leased != null) {
            return Uni.createFrom().item(leased);
        }
        List<Window> windows = Windows.forRequest(principal, rateClass, now);
        if (now < redisDownUntil) {
            return Uni.createFrom().item(() -> fallback(windows, now));
        }
        YearMonth month = YearMonth.from(Instant.ofEpochMilli(now).atZone(ZoneOffset.UTC));
        long want = leases.nextGrant(holder);
        return evaluate(holder, windows, ASK_FOR_COUNT, want, now)
                .onItem().ifNull().switchTo(() -> seeds.monthly(principal.organizationId(), month)
                        .chain(seed -> evaluate(holder, windows, seed, want, now)))
                .invoke(() -> failuresInARow.set(0))
                .onFailure().recoverWithItem(e -> {
                    if (e instanceof ConnectionPoolTooBusyException) {
                        LOG.debugf("Redis pool full: this request is limited locally");
                    } else if (failuresInARow.incrementAndGet() >= config.redisFailuresToSkip()) {
                        LOG.warnf("rate limiting without Redis for %s (%s)", config.redisRetryAfter(), e.toString());
                        redisDownUntil = System.currentTimeMillis() + config.redisRetryAfter().toMillis();
                        failuresInARow.set(0);
                    }
                    return fallback(windows, now);
                });
    }

    /** One script run; null when it asks for the monthly count first. */
    private Uni<Decision> evaluate(Leases.Holder holder, List<Window> windows, String durableSeed, long want, long now) {
        return eval(arguments(windows, durableSeed, want, config.leaseShare()))
                .ifNoItem().after(config.redisTimeout()).fail()
                .map(response -> {
                    if (response.get(0).toLong() == ASKS_FOR_COUNT) {
                        if (!ASK_FOR_COUNT.equals(durableSeed)) {
                            throw new IllegalStateException("the rate-limit script asked for a count it was given");
                        }
                        return null;
                    }
                    long[] answer = toLongs(response);
                    remember(windows, answer, now);
                    Decision decision = Windows.decide(windows, answer);
                    long granted = answer[answer.length - 1];
                    return decision.allowed() ? leases.admit(holder, decision, granted, windows, now) : decision;
                });
    }

    /** Returns a lease's unused requests to the buckets they were counted in; a failure only leaves them counted. */
    private void giveBack(Leases.Unused unused) {
        List<String> args = new ArrayList<>(unused.keys().size() + 3);
        args.add(giveBackScript);
        args.add(Integer.toString(unused.keys().size()));
        args.addAll(unused.keys());
        args.add(Long.toString(unused.count()));
        redis.getRedis().send(Request.cmd(Command.EVAL, args.toArray())).subscribe().with(
                done -> { },
                e -> LOG.debugf("could not give back %d leased requests (%s); they stay counted until their windows end",
                        unused.count(), e.toString()));
    }

    private static List<String> arguments(List<Window> windows, String durableSeed, long want, double share) {
        List<String> args = new ArrayList<>();
        args.add(null);
        args.add(Integer.toString(keyCount(windows)));
        for (Window w : windows) {
            args.add(w.currentKey());
            if (w.sliding()) {
                args.add(w.previousKey());
            }
        }
        args.add(Integer.toString(windows.size()));
        args.add(Long.toString(want));
        args.add(Double.toString(share));
        for (Window w : windows) {
            args.add(w.sliding() ? "s" : "f");
            args.add(Long.toString(w.limit()));
            args.add(Long.toString(w.lengthMillis()));
            args.add(Long.toString(w.elapsedMillis()));
            args.add(w.durable() ? durableSeed : STARTS_AT_ZERO);
        }
        return args;
    }

    private Uni<Response> eval(List<String> args) {
        scriptCalls.incrementAndGet();
        List<String> bySha = new ArrayList<>(args);
        bySha.set(0, sha);
        return redis.getRedis().send(Request.cmd(Command.EVALSHA, bySha.toArray()))
                .onFailure(e -> e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT"))
                .recoverWithUni(() -> {
                    List<String> byScript = new ArrayList<>(args);
                    byScript.set(0, script);
                    return redis.getRedis().send(Request.cmd(Command.EVAL, byScript.toArray()));
                });
    }

    private void remember(List<Window> windows, long[] answer, long now) {
        for (int i = 0; i < windows.size(); i++) {
            Window w = windows.get(i);
            lastKnown.put(w.currentKey(), new Known(answer[4 + i * 3], now + w.remainingMillis()));
        }
    }

    private Decision fallback(List<Window> windows, long now) {
        if ("closed".equals(config.whenRedisDown())) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Rate limiting is unavailable; retry later");
        }
        List<Window> allowances = windows.stream().map(w -> w.withLimit(allowance(w, now))).toList();
        long[] answer = local.evaluate(allowances, now);
        // the headers keep naming the real limit; what is left is this replica's allowance
        for (int i = 0; i < windows.size(); i++) {
            answer[3 + i * 3] = windows.get(i).limit();
        }
        return Windows.decide(windows, answer);
    }

    /** What this replica may admit in a window on its own: the share of the limit, or less if Redis said less was left. */
    long allowance(Window w, long now) {
        long share = Math.min(w.limit(), Math.max(1, (long) Math.ceil(w.limit() * config.fallbackShare())));
        Known known = lastKnown.get(w.currentKey());
        return known == null || known.expiresAt() < now ? share : Math.min(share, known.remaining());
    }

    @Scheduled(every = "${gateway.rate-limit.lease-sweep-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sweepLeases() {
        leases.sweep(System.currentTimeMillis(), config.leaseSweepEvery().toMillis() * 12);
    }

    /** At shutdown the unused requests of every lease go back, so the other replicas' callers do not lose them. */
    void giveBackLeases(@Observes ShutdownEvent stop) {
        leases.giveBackAll();
    }

    /** Requests held in leases, not yet admitted (for tests and metrics). */
    public long leased() {
        return leases.held();
    }

    /** Rate-limit script runs since start: requests that were not admitted from a lease. */
    public long scriptCalls() {
        return scriptCalls.get();
    }

    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeLocal() {
        long now = System.currentTimeMillis();
        local.purge(now);
        lastKnown.entrySet().removeIf(e -> e.getValue().expiresAt() < now);
    }

    private static int keyCount(List<Window> windows) {
        return windows.stream().mapToInt(w -> w.sliding() ? 2 : 1).sum();
    }

    private static long[] toLongs(Response response) {
        long[] out = new long[response.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = response.get(i).toLong();
        }
        return out;
    }
}
