package io.recruitsuite.gateway.idempotency;

import io.recruitsuite.common.error.StrictJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} for every non-idempotent public operation, once, at the gateway (the IETF
 * httpapi draft and Stripe's semantics): the first answer to a key is kept for {@code ttl} per
 * organization and replayed to a retry of the same request; the same key with another request is a 422;
 * a retry while the first is still under way is a 409. A 5xx or a failed upstream call keeps nothing,
 * so the retry runs. While Redis does not answer, requests go through without the guarantee (logged).
 */
@Singleton
public class Idempotency {

    private static final Logger LOG = Logger.getLogger(Idempotency.class);
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]+");

    @Inject
    ReactiveRedisDataSource redis;
    @Inject
    IdempotencyConfig config;
    @Inject
    ObjectMapper mapper;

    private ReactiveValueCommands<String, String> values;

    public enum Outcome { PROCEED, REPLAY, IN_PROGRESS, MISMATCH, UNGUARDED }

    public record Claim(Outcome outcome, StoredAnswer answer, String redisKey, String fingerprint) {
    }

    @PostConstruct
    void init() {
        values = redis.value(String.class);
    }

    /** Null when the key is acceptable; otherwise why not. */
    public String problem(String key) {
        if (key.isEmpty() || key.length() > config.maxKeyLength()) {
            return HEADER + ": 1 to " + config.maxKeyLength() + " characters";
        }
        return KEY.matcher(key).matches() ? null : HEADER + ": visible ASCII characters only";
    }

    /** What a request carrying {@code key} should do: go on (having claimed the key), replay, or be refused. */
    public Uni<Claim> claim(String organizationId, String key, String fingerprint) {
        // the key's own text is hashed into the Redis key: a client's choice never shapes our key space
        String redisKey = "idem:{" + organizationId + "}:" + sha256(key);
        String claimed = json(StoredAnswer.claimed(fingerprint));
        return values.setGet(redisKey, claimed, new SetArgs().nx().px(config.inFlightTtl()))
                .map(previous -> {
                    if (previous == null) {
                        return new Claim(Outcome.PROCEED, null, redisKey, fingerprint);
                    }
                    StoredAnswer stored = read(previous);
                    if (stored == null) {
                        return new Claim(Outcome.UNGUARDED, null, redisKey, fingerprint);
                    }
                    if (!stored.fingerprint().equals(fingerprint)) {
                        return new Claim(Outcome.MISMATCH, stored, redisKey, fingerprint);
                    }
                    return new Claim(stored.answered() ? Outcome.REPLAY : Outcome.IN_PROGRESS, stored, redisKey, fingerprint);
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("idempotency keys unavailable, request goes through unguarded: %s", e.toString());
                    return new Claim(Outcome.UNGUARDED, null, redisKey, fingerprint);
                });
    }

    /** Keeps the answer for replay, or releases the key when it should not be replayed (5xx, too large). */
    public Uni<Void> answered(Claim claim, StoredAnswer answer) {
        if (claim.outcome() != Outcome.PROCEED) {
            return Uni.createFrom().voidItem();
        }
        if (answer.status() >= 500 || answer.body() != null && answer.body().length() > config.maxStoredResponse().asLongValue()) {
            return release(claim);
        }
        return values.set(claim.redisKey(), json(answer), new SetArgs().px(config.ttl())).replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    /** The request failed before an answer worth keeping: the key is free again for a retry. */
    public Uni<Void> release(Claim claim) {
        if (claim.outcome() != Outcome.PROCEED) {
            return Uni.createFrom().voidItem();
        }
        return redis.key().del(claim.redisKey()).replaceWithVoid().onFailure().recoverWithNull();
    }

    public static String fingerprint(String method, String uri, byte[] body) {
        MessageDigest digest = sha();
        digest.update((method + " " + uri + "\n").getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            digest.update(body);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private String json(StoredAnswer answer) {
        try {
            return mapper.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private StoredAnswer read(String json) {
        try {
            return StrictJson.tolerant(mapper, StoredAnswer.class).readValue(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String sha256(String value) {
        return HexFormat.of().formatHex(sha().digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
