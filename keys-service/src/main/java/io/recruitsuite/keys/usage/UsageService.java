package io.recruitsuite.keys.usage;

import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.keys.keys.ApiKeyRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.recruitsuite.common.security.MonthlyUsage;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/** Usage reported by the gateway in batches: last use per key and monthly request counts per organization. */
@ApplicationScoped
public class UsageService {

    public static final int MAX_ENTRIES = 1000;

    @Inject
    ApiKeyRepository keys;
    @Inject
    MonthlyUsageQueries monthly;

    public record KeyUsage(String keyId, String organizationId, long requests, OffsetDateTime lastUsedAt) {
    }

    /** What the organization used in a month, as counted from the gateway's reports. */
    @WithSession
    public Uni<MonthlyUsage> month(String organizationId, YearMonth month) {
        return monthly.requests(organizationId, month.atDay(1))
                .map(requests -> new MonthlyUsage(organizationId, month.toString(), requests));
    }

    @WithTransaction
    public Uni<Integer> record(List<KeyUsage> entries) {
        if (entries.size() > MAX_ENTRIES) {
            throw ApiException.validation("entries: at most " + MAX_ENTRIES + " per report");
        }
        for (KeyUsage e : entries) {
            if (e == null || e.keyId() == null || e.organizationId() == null || e.lastUsedAt() == null || e.requests() < 0) {
                throw ApiException.validation("entries: each needs keyId, organizationId, requests >= 0 and lastUsedAt");
            }
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (KeyUsage e : entries) {
            LocalDate month = e.lastUsedAt().atZoneSameInstant(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
            chain = chain.chain(() -> keys.recordUse(e.organizationId(), e.keyId(), e.lastUsedAt()))
                    .chain(() -> monthly.add(e.organizationId(), month, e.requests()));
        }
        return chain.replaceWith(entries.size());
    }
}
