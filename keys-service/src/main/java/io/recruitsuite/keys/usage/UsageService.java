package io.recruitsuite.keys.usage;

import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.keys.keys.ApiKeyRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Usage reported by the gateway in batches: last use per key and monthly request counts per organization. */
@ApplicationScoped
public class UsageService {

    public static final int MAX_ENTRIES = 1000;

    @Inject
    Pool pool;
    @Inject
    ApiKeyRepository keys;

    public record KeyUsage(String keyId, String organizationId, long requests, OffsetDateTime lastUsedAt) {
    }

    public Uni<Integer> record(List<KeyUsage> entries) {
        if (entries.size() > MAX_ENTRIES) {
            throw ApiException.validation("entries: at most " + MAX_ENTRIES + " per report");
        }
        for (KeyUsage e : entries) {
            if (e == null || e.keyId() == null || e.organizationId() == null || e.lastUsedAt() == null || e.requests() < 0) {
                throw ApiException.validation("entries: each needs keyId, organizationId, requests >= 0 and lastUsedAt");
            }
        }
        return pool.withTransaction(tx -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (KeyUsage e : entries) {
                LocalDate month = e.lastUsedAt().atZoneSameInstant(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
                chain = chain.chain(() -> keys.recordUse(tx, e.keyId(), e.lastUsedAt()))
                        .chain(() -> tx.preparedQuery("insert into key_usage_monthly (organization_id, month, requests) "
                                        + "select $1, $2, $3 where exists (select 1 from organizations where id = $1) "
                                        + "on conflict (organization_id, month) do update set requests = key_usage_monthly.requests + excluded.requests")
                                .execute(Tuple.of(e.organizationId(), month, e.requests()))
                                .replaceWithVoid());
            }
            return chain.replaceWith(entries.size());
        });
    }
}
