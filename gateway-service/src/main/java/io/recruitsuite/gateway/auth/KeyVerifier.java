package io.recruitsuite.gateway.auth;

import io.recruitsuite.common.error.StrictJson;

import io.recruitsuite.common.security.KeyVerification;
import io.recruitsuite.common.security.KeyVerification.Refusal;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.set.ReactiveSetCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.recruitsuite.common.security.ApiKeyFormat;
import io.recruitsuite.common.security.InternalToken;
import io.recruitsuite.gateway.GatewayConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Turns a presented API key into a verdict. Hot path: the in-process cache, no I/O at all. Cold
 * path: Redis (shared by the replicas), then the keys-service. Key events drop entries at once
 * (see {@code KeyEventsListener}). Keys are cached under their SHA-256, never in plain text.
 */
@Singleton
public class KeyVerifier {

    private static final Logger LOG = Logger.getLogger(KeyVerifier.class);
    private static final String REDIS_PREFIX = "rs:gw:key:";
    private static final String REDIS_ORG_PREFIX = "rs:gw:org-keys:";
    private static final String TOMBSTONE = "evicted";
    private static final long TOMBSTONE_SECONDS = 5;

    private final EvictionLog evictions = new EvictionLog(System::nanoTime);

    @Inject
    GatewayConfig config;
    @Inject
    KeysClient keys;
    @Inject
    ReactiveRedisDataSource redis;
    @Inject
    ObjectMapper mapper;

    private Cache<String, KeyVerdict> local;
    /** Well-formed keys the keys-service does not know, apart from {@code local} so a flood cannot evict real keys. */
    private Cache<String, KeyVerdict> unknown;
    /** Verifications under way, by key hash: concurrent first uses of one key share one lookup. */
    private final java.util.Map<String, Uni<KeyVerdict>> underWay = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
    private FailedAttempts failedAttempts;
    private ReactiveValueCommands<String, String> values;
    private ReactiveKeyCommands<String> redisKeys;
    private ReactiveSetCommands<String, String> sets;

    @PostConstruct
    void init() {
        local = Caffeine.newBuilder()
                .maximumSize(config.keyCache().maxEntries())
                .expireAfterWrite(config.keyCache().localTtl())
                .build();
        unknown = Caffeine.newBuilder()
                .maximumSize(config.keyCache().negativeMaxEntries())
                .expireAfterWrite(config.keyCache().negativeTtl())
                .build();
        failedAttempts = new FailedAttempts(System::currentTimeMillis, config.keyCache().failedAttemptsPerAddress(),
                config.keyCache().failedAttemptsWindow().toMillis(), config.keyCache().negativeMaxEntries());
        values = redis.value(String.class);
        redisKeys = redis.key();
        sets = redis.set(String.class);
    }

    /**
     * The verdict for a presented key. {@code clientAddress} pays for unknown keys: after its budget of
     * them it gets 429 instead of more lookups, while keys already verified keep working.
     */
    public Uni<KeyVerdict> verify(String presented, String clientAddress) {
        var parsed = ApiKeyFormat.parse(presented);
        if (parsed.isEmpty()) {
            // mistyped, truncated or made up: no cache, no Redis, no keys-service
            return Uni.createFrom().item(new KeyVerdict(null, null, null, Refusal.INVALID));
        }
        String hash = sha256(presented);
        KeyVerdict cached = local.getIfPresent(hash);
        if (cached == null) {
            cached = unknown.getIfPresent(hash);
        }
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        long blocked = failedAttempts.blockedForSeconds(clientAddress);
        if (blocked > 0) {
            return Uni.createFrom().failure(new TooManyAttempts(blocked));
        }
        String prefix = parsed.get().prefix();
        return underWay.computeIfAbsent(hash, h -> lookUp(prefix, presented, h)
                        .onTermination().invoke(() -> underWay.remove(h))
                        .memoize().indefinitely())
                .invoke(verdict -> {
                    if (verdict.reason() == Refusal.INVALID) {
                        failedAttempts.failed(clientAddress);
                    }
                });
    }

    /** The verdict this process already holds for a presented key, or null (then {@link #verify} looks it up). */
    public KeyVerdict cached(String presented) {
        // no format check first: only keys that passed it and were verified are in this cache
        return local.getIfPresent(sha256(presented));
    }

    private Uni<KeyVerdict> lookUp(String prefix, String presented, String hash) {
        long started = evictions.now();
        return fromRedis(prefix, hash)
                .onItem().ifNull().switchTo(() -> askKeysService(presented)
                        .map(data -> toVerdict(prefix, data))
                        .call(verdict -> toRedis(prefix, hash, verdict)))
                .invoke(verdict -> {
                    if (verdict.reason() == Refusal.INVALID) {
                        unknown.put(hash, verdict);
                    } else if (!evictions.evictedSince(prefix, verdict.organizationId(), started)) {
                        // a verdict read before an eviction of its key must not outlive the eviction
                        local.put(hash, verdict);
                    }
                });
    }

    /** At most {@code max-concurrent-lookups} at once: a flood of new keys gets 503 itself and cannot trip the keys-service breaker. */
    private Uni<KeyVerification> askKeysService(String presented) {
        return Uni.createFrom().deferred(() -> {
            if (lookups.incrementAndGet() > config.keyCache().maxConcurrentLookups()) {
                lookups.decrementAndGet();
                return Uni.createFrom().failure(new io.recruitsuite.common.error.ApiException(
                        io.recruitsuite.common.error.ErrorCode.SERVICE_UNAVAILABLE, "Too many new API keys at once; retry in a second"));
            }
            return keys.verify(presented).onTermination().invoke(lookups::decrementAndGet);
        });
    }

    @io.quarkus.scheduler.Scheduled(every = "1m", concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    void forgetEndedAttemptWindows() {
        failedAttempts.forgetEnded();
    }

    /**
     * Drops every cached verdict of this key prefix, here and in Redis. A short tombstone in Redis
     * keeps a verification that was already under way from writing the old verdict back.
     */
    public Uni<Void> evictPrefix(String prefix) {
        evictions.evicted(prefix);
        local.asMap().entrySet().removeIf(e -> prefix.equals(e.getValue().prefix()));
        return values.set(REDIS_PREFIX + prefix, TOMBSTONE, new SetArgs().ex(TOMBSTONE_SECONDS)).replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    /** Drops every cached verdict of an organization (plan changed, member removed), here and in Redis. */
    public Uni<Void> evictOrganization(String organizationId) {
        evictions.evicted(organizationId);
        local.asMap().entrySet().removeIf(e -> organizationId.equals(e.getValue().organizationId()));
        String members = REDIS_ORG_PREFIX + organizationId;
        return sets.smembers(members)
                .chain(prefixes -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (String p : prefixes) {
                        chain = chain.chain(() -> values.set(REDIS_PREFIX + p, TOMBSTONE, new SetArgs().ex(TOMBSTONE_SECONDS)).replaceWithVoid());
                    }
                    return chain;
                })
                .chain(() -> redisKeys.del(members).replaceWithVoid())
                .onFailure().recoverWithNull();
    }

    public void evictAllLocal() {
        local.invalidateAll();
    }

    /** Forgets eviction times once no verification that started before them can still be running. */
    @io.quarkus.scheduler.Scheduled(every = "1m", concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    void forgetOldEvictions() {
        evictions.forgetOlderThan(java.time.Duration.ofMinutes(1));
    }

    /** Redis holds one entry per key prefix: the hash of the full key and the verdict. */
    record StoredVerdict(String hash, KeyVerdict verdict) {
    }

    private Uni<KeyVerdict> fromRedis(String prefix, String hash) {
        return values.get(REDIS_PREFIX + prefix)
                .map(json -> {
                    if (json == null) {
                        return null;
                    }
                    if (TOMBSTONE.equals(json)) {
                        return null;
                    }
                    try {
                        StoredVerdict stored = StrictJson.tolerant(mapper, StoredVerdict.class).readValue(json);
                        boolean sameKey = MessageDigest.isEqual(stored.hash().getBytes(StandardCharsets.US_ASCII),
                                hash.getBytes(StandardCharsets.US_ASCII));
                        return sameKey ? stored.verdict() : null;
                    } catch (Exception e) {
                        return null;
                    }
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.debugf("redis unavailable for the key cache: %s", e.getMessage());
                    return null;
                });
    }

    private Uni<Void> toRedis(String prefix, String hash, KeyVerdict verdict) {
        if (verdict.prefix() == null || !verdict.valid() && verdict.reason() != Refusal.REVOKED && verdict.reason() != Refusal.EXPIRED) {
            // a wrong secret under a real prefix must not displace the real key's entry
            return Uni.createFrom().voidItem();
        }
        try {
            String json = mapper.writeValueAsString(new StoredVerdict(hash, verdict));
            long ttl = config.keyCache().redisTtl().toSeconds();
            // NX: never over a tombstone, and never over a verdict another replica stored meanwhile
            Uni<Void> stored = values.set(REDIS_PREFIX + prefix, json, new SetArgs().ex(ttl).nx()).replaceWithVoid();
            if (verdict.organizationId() != null) {
                String members = REDIS_ORG_PREFIX + verdict.organizationId();
                stored = stored.chain(() -> sets.sadd(members, prefix)).chain(() -> redisKeys.expire(members, ttl)).replaceWithVoid();
            }
            return stored.onFailure().recoverWithNull();
        } catch (Exception e) {
            return Uni.createFrom().voidItem();
        }
    }

    private KeyVerdict toVerdict(String prefix, KeyVerification answer) {
        if (!answer.valid()) {
            return new KeyVerdict(prefix, null, null, answer.reason());
        }
        KeyVerification.Limits l = answer.limits();
        Principal.Limits limits = new Principal.Limits(l.monthlyRequests(), l.organizationPerMinute(), l.searchPerMinute(), l.keyPerMinute(),
                l.keyPerHour());
        Principal principal = new Principal(InternalToken.AUTH_API_KEY, answer.organizationId(), "key:" + answer.keyId(), answer.keyId(),
                answer.prefix(), null, List.copyOf(answer.scopes()), answer.plan(), limits);
        return new KeyVerdict(prefix, principal.organizationId(), principal, null,
                answer.expiresAt() == null ? null : answer.expiresAt().toInstant());
    }

    /** One digest per thread: the provider lookup of MessageDigest.getInstance showed up in the hot-path profile. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    static String sha256(String value) {
        // digest() resets the instance, so the next caller on this thread starts clean
        return HexFormat.of().formatHex(SHA_256.get().digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
