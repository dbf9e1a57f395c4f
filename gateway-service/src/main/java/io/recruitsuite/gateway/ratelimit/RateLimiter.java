package io.recruitsuite.gateway.ratelimit;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.scheduler.Scheduled;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.error.ErrorCode;
import io.recruitsuite.gateway.auth.Principal;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks and counts all windows of a request in one atomic Redis script (one round trip; EVALSHA,
 * with EVAL once if Redis lost the script). While Redis is down, either a local in-memory limiter
 * (fail open, the default) or 503 (fail closed); Redis is tried again after a short pause.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    @Inject
    ReactiveRedisDataSource redis;
    @Inject
    RateLimitConfig config;

    private final LocalLimiter local = new LocalLimiter();
    private String script;
    private String sha;
    private volatile long redisDownUntil;

    @PostConstruct
    void load() {
        try (InputStream in = RateLimiter.class.getResourceAsStream("/ratelimit.lua")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Uni<Decision> check(Principal principal, String rateClass) {
        if (principal.limits() == null) {
            return Uni.createFrom().item(Decision.unlimited());
        }
        long now = System.currentTimeMillis();
        List<Window> windows = Windows.forRequest(principal, rateClass, now);
        if (now < redisDownUntil) {
            return Uni.createFrom().item(() -> fallback(windows, now));
        }
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
        args.add("1");
        for (Window w : windows) {
            args.add(w.sliding() ? "s" : "f");
            args.add(Long.toString(w.limit()));
            args.add(Long.toString(w.lengthMillis()));
            args.add(Long.toString(w.elapsedMillis()));
        }
        return eval(args)
                .ifNoItem().after(config.redisTimeout()).fail()
                .map(response -> Windows.decide(windows, toLongs(response)))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("rate limiting without Redis for %s (%s)", config.redisRetryAfter(), e.toString());
                    redisDownUntil = System.currentTimeMillis() + config.redisRetryAfter().toMillis();
                    return fallback(windows, now);
                });
    }

    private Uni<Response> eval(List<String> args) {
        List<String> bySha = new ArrayList<>(args);
        bySha.set(0, sha);
        return redis.getRedis().send(io.vertx.mutiny.redis.client.Request.cmd(io.vertx.mutiny.redis.client.Command.EVALSHA, bySha.toArray()))
                .onFailure(e -> e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT"))
                .recoverWithUni(() -> {
                    List<String> byScript = new ArrayList<>(args);
                    byScript.set(0, script);
                    return redis.getRedis().send(io.vertx.mutiny.redis.client.Request.cmd(io.vertx.mutiny.redis.client.Command.EVAL,
                            byScript.toArray()));
                });
    }

    private Decision fallback(List<Window> windows, long now) {
        if ("closed".equals(config.whenRedisDown())) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Rate limiting is unavailable; retry later");
        }
        return Windows.decide(windows, local.evaluate(windows, now));
    }

    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeLocal() {
        local.purge(System.currentTimeMillis());
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
