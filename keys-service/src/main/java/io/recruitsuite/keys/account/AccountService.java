package io.recruitsuite.keys.account;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.keys.keys.ApiKey;
import io.recruitsuite.keys.keys.ApiKeyRepository;
import io.recruitsuite.keys.limits.LimitsResolver;
import io.recruitsuite.keys.limits.OrganizationLimits;
import io.recruitsuite.keys.limits.OrganizationLimitsRepository;
import io.recruitsuite.keys.organizations.Organization;
import io.recruitsuite.keys.organizations.OrganizationRepository;
import io.recruitsuite.keys.plans.Plan;
import io.recruitsuite.keys.plans.PlansConfig;
import io.recruitsuite.keys.usage.MonthlyUsageQueries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/** What an API key's caller may know of its own account: always the caller's own organization, never another's. */
@ApplicationScoped
public class AccountService {

    /** The gateway's window names (its {@code ratelimit.Windows}), so a 429 and the account speak of the same windows. */
    public static final String ORGANIZATION_MINUTE = "organization-minute";
    public static final String SEARCH_MINUTE = "search-minute";
    public static final String KEY_MINUTE = "key-minute";
    public static final String KEY_HOUR = "key-hour";
    static final long MINUTE_SECONDS = Duration.ofMinutes(1).toSeconds();
    static final long HOUR_SECONDS = Duration.ofHours(1).toSeconds();

    @Inject
    OrganizationRepository organizations;
    @Inject
    OrganizationLimitsRepository limits;
    @Inject
    ApiKeyRepository keys;
    @Inject
    MonthlyUsageQueries monthly;
    @Inject
    LimitsResolver resolver;
    @Inject
    PlansConfig plans;

    Clock clock = Clock.systemUTC();

    /** The account of {@code organizationId} as seen by the key with {@code keyPrefix} (null for a caller that is not a key). */
    @WithSession
    public Uni<AccountView> account(String organizationId, String keyPrefix) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        YearMonth month = YearMonth.from(now);
        // one reactive session: its queries run one after the other
        return organizations.findById(organizationId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Organization"))
                .chain(org -> limits.findById(organizationId)
                        .chain(overrides -> keyOf(organizationId, keyPrefix)
                                .chain(key -> keys.countActive(organizationId, now)
                                        .chain(active -> monthly.requests(organizationId, month.atDay(1))
                                                .map(used -> view(org, overrides, key, active, month, used))))));
    }

    private Uni<ApiKey> keyOf(String organizationId, String prefix) {
        return prefix == null ? Uni.createFrom().nullItem() : keys.findActiveByPrefix(organizationId, prefix);
    }

    AccountView view(Organization org, OrganizationLimits overrides, ApiKey key, long activeKeys, YearMonth month, long used) {
        Plan plan = Plan.parse(org.plan);
        PlansConfig.PlanLimits planLimits = plans.of(plan);
        LimitsResolver.Effective windows = resolver.resolve(plan, OrganizationLimits.overridesOf(overrides));
        List<AccountView.Window> limitList = List.of(
                new AccountView.Window(ORGANIZATION_MINUTE, "organization", "all", windows.organizationPerMinute().limit(), MINUTE_SECONDS,
                        windows.organizationPerMinute().source()),
                new AccountView.Window(SEARCH_MINUTE, "organization", "search", windows.searchPerMinute().limit(), MINUTE_SECONDS,
                        windows.searchPerMinute().source()),
                new AccountView.Window(KEY_MINUTE, "key", "all", windows.keyPerMinute().limit(), MINUTE_SECONDS,
                        windows.keyPerMinute().source()),
                new AccountView.Window(KEY_HOUR, "key", "all", windows.keyPerHour().limit(), HOUR_SECONDS,
                        windows.keyPerHour().source()));
        Long quota = planLimits.monthlyRequests() < 0 ? null : planLimits.monthlyRequests();
        OffsetDateTime resetsAt = month.plusMonths(1).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        AccountView.Usage usage = new AccountView.Usage(month.toString(), used, quota, quota == null ? null : Math.max(0, quota - used),
                resetsAt);
        AccountView.KeysInUse keysInUse = new AccountView.KeysInUse(activeKeys, planLimits.maxKeys() < 0 ? null : planLimits.maxKeys());
        AccountView.KeyRef keyRef = key == null ? null : new AccountView.KeyRef(key.id, key.prefix, key.name, key.scopes, key.expiresAt);
        return new AccountView(new AccountView.OrganizationRef(org.id, org.name), plan.wire(), keyRef, limitList, usage, keysInUse);
    }
}
