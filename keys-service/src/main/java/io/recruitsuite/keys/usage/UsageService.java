package io.recruitsuite.keys.usage;

import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.keys.keys.ApiKeyRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.recruitsuite.common.security.MonthlyUsage;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Usage reported by the gateway in batches: last use per key and monthly request counts per organization. */
@ApplicationScoped
public class UsageService {

    public static final int MAX_ENTRIES = 1000;

    @Inject
    ApiKeyRepository keys;
    @Inject
    MonthlyUsageQueries monthly;
    @Inject
    HourlyUsageQueries hourly;
    @Inject
    UsageConfig config;

    /**
     * One key's requests in one hour as a gateway counted them; {@code errors} are those answered with a 4xx or 5xx
     * status. {@code hour} and {@code errors} are absent in reports of an older gateway (then the hour of
     * {@code lastUsedAt} and 0).
     */
    public record KeyUsage(String keyId, String organizationId, long requests, OffsetDateTime lastUsedAt,
                           OffsetDateTime hour, Long errors) {

        public KeyUsage(String keyId, String organizationId, long requests, OffsetDateTime lastUsedAt) {
            this(keyId, organizationId, requests, lastUsedAt, null, null);
        }

        OffsetDateTime hourCounted() {
            return (hour != null ? hour : lastUsedAt).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
        }

        long errorsCounted() {
            return errors == null ? 0 : errors;
        }
    }

    /** An organization's hours, oldest first, zero-filled from {@code from} to the current hour. */
    public record HourlyUsage(OffsetDateTime from, OffsetDateTime to, List<HourlyUsageQueries.Hour> hours) {
    }

    /** What the organization used in a month, as counted from the gateway's reports. */
    @WithSession
    public Uni<MonthlyUsage> month(String organizationId, YearMonth month) {
        return monthly.requests(organizationId, month.atDay(1))
                .map(requests -> new MonthlyUsage(organizationId, month.toString(), requests));
    }

    /** The organization's requests and errors per hour over the last {@code days} days (whole hours, UTC). */
    @WithSession
    public Uni<HourlyUsage> hourly(String organizationId, String days) {
        int span;
        try {
            span = days == null || days.isBlank() ? config.defaultDays() : Integer.parseInt(days.trim());
        } catch (NumberFormatException e) {
            span = -1;
        }
        if (span < 1 || span > config.maxDays()) {
            throw ApiException.validation("days: must be between 1 and " + config.maxDays());
        }
        OffsetDateTime to = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
        OffsetDateTime from = to.minusDays(span).plusHours(1);
        return hourly.since(organizationId, from).map(found -> new HourlyUsage(from, to, HourlySeries.zeroFilled(found, from, to)));
    }

    /** Drops hours older than the retention; run hourly. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeOldHours() {
        return purge().replaceWithVoid().onFailure().recoverWithNull();
    }

    @WithTransaction
    public Uni<Integer> purge() {
        return hourly.purgeBefore(OffsetDateTime.now(ZoneOffset.UTC).minus(config.hourlyRetention()));
    }

    @WithTransaction
    public Uni<Integer> record(List<KeyUsage> entries) {
        if (entries.size() > MAX_ENTRIES) {
            throw ApiException.validation("entries: at most " + MAX_ENTRIES + " per report");
        }
        for (KeyUsage e : entries) {
            if (e == null || e.keyId() == null || e.organizationId() == null || e.lastUsedAt() == null || e.requests() < 0
                    || e.errorsCounted() < 0 || e.errorsCounted() > e.requests()) {
                throw ApiException.validation("entries: each needs keyId, organizationId, requests >= 0, lastUsedAt and 0 <= errors <= requests");
            }
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (KeyUsage e : entries) {
            LocalDate month = e.lastUsedAt().atZoneSameInstant(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
            chain = chain.chain(() -> keys.recordUse(e.organizationId(), e.keyId(), e.lastUsedAt()))
                    .chain(() -> monthly.add(e.organizationId(), month, e.requests()))
                    .chain(() -> hourly.add(e.organizationId(), e.hourCounted(), e.requests(), e.errorsCounted()));
        }
        return chain.replaceWith(entries.size());
    }
}
