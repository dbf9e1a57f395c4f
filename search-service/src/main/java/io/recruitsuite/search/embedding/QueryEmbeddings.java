package io.recruitsuite.search.embedding;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.recruitsuite.search.SearchConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Query vectors, cached in Redis per organization under a hash of model and query, so an
 * organization's repeated query skips the model. The organization is part of the key: a shared entry
 * would answer another organization's identical query faster, and that difference in time would tell
 * it what was searched. Redis trouble never fails a search: the vector is then computed.
 */
@ApplicationScoped
public class QueryEmbeddings {

    private static final Logger LOG = Logger.getLogger(QueryEmbeddings.class);

    @Inject
    EmbeddingProvider provider;
    @Inject
    ReactiveRedisDataSource redis;
    @Inject
    SearchConfig config;

    private ReactiveValueCommands<String, String> values;

    @PostConstruct
    void init() {
        values = redis.value(String.class);
    }

    /** The vector of {@code query} as searched by organization {@code org}. */
    public Uni<float[]> embed(String org, String query) {
        return cached(org, query).chain(vector -> vector != null ? Uni.createFrom().item(vector) : compute(org, query));
    }

    /** The cached vector of {@code query} for {@code org}, or null (not cached, or the cache did not answer in time). */
    public Uni<float[]> cached(String org, String query) {
        return values.get(cacheKey(org, provider.modelId(), query))
                .ifNoItem().after(config.queryCacheTimeout()).recoverWithItem((String) null)
                .onFailure().recoverWithItem(e -> {
                    LOG.debugf("query cache unavailable: %s", e.getMessage());
                    return null;
                })
                .map(cached -> cached == null ? null : decode(cached));
    }

    /** Embeds {@code query} with the model (on a worker thread) and stores it for {@code org}. */
    public Uni<float[]> compute(String org, String query) {
        String key = cacheKey(org, provider.modelId(), query);
        return Uni.createFrom().item(() -> provider.embedQuery(query))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                // the search goes on while the vector is stored: a round trip less on a new query's path
                .invoke(vector -> values.set(key, encode(vector), new SetArgs().ex(config.queryCacheTtl()))
                        .subscribe().with(stored -> { }, e -> LOG.debugf("query cache not written: %s", e.getMessage())));
    }

    /** One organization's entry for a query: never shared with another organization. */
    static String cacheKey(String org, String modelId, String query) {
        return "rs:search:qvec:" + org + ":" + hash(modelId + "\n" + query);
    }

    static String encode(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * 4);
        buffer.asFloatBuffer().put(vector);
        return Base64.getEncoder().encodeToString(buffer.array());
    }

    static float[] decode(String value) {
        ByteBuffer buffer = ByteBuffer.wrap(Base64.getDecoder().decode(value));
        float[] out = new float[buffer.remaining() / 4];
        buffer.asFloatBuffer().get(out);
        return out;
    }

    private static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
