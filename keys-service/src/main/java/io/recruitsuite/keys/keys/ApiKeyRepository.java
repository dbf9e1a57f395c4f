package io.recruitsuite.keys.keys;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.recruitsuite.common.persistence.OrganizationScopedRepository;
import io.recruitsuite.keys.limits.OrganizationLimits;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.LockMode;

import java.time.OffsetDateTime;
import java.util.List;

@ApplicationScoped
@WithSession
public class ApiKeyRepository extends OrganizationScopedRepository<ApiKey> {

    private static final String ACTIVE = "revokedAt is null and (expiresAt is null or expiresAt > :now)";

    public ApiKeyRepository() {
        super(ApiKey.class);
    }

    /**
     * The key with this prefix together with its organization's plan and limit overrides (null when it has none), or
     * null. Across organizations: the key names its own.
     */
    public Uni<KeyWithPlan> findByPrefixWithPlan(String prefix) {
        return acrossOrganizations().single("select new " + KeyWithPlan.class.getName() + "(k, o.plan, l) from ApiKey k "
                + "join Organization o on o.id = k.organizationId left join OrganizationLimits l on l.organizationId = k.organizationId "
                + "where k.prefix = :prefix", KeyWithPlan.class, Parameters.with("prefix", prefix));
    }

    public record KeyWithPlan(ApiKey key, String plan, OrganizationLimits limits) {
    }

    public Uni<List<ApiKey>> listByOrganization(String organizationId) {
        return list(organizationId, null, "createdAt desc, id", null);
    }

    public Uni<Long> countActive(String organizationId, OffsetDateTime now) {
        return count(organizationId, ACTIVE, Parameters.with("now", now));
    }

    public Uni<ApiKey> findActiveByPrefix(String organizationId, String prefix) {
        return single(organizationId, "prefix = :prefix and revokedAt is null", Parameters.with("prefix", prefix));
    }

    public Uni<List<ApiKey>> listUnrevokedCreatedBy(String organizationId, String userId) {
        return list(organizationId, "createdBy = :userId and revokedAt is null", "createdAt, id", Parameters.with("userId", userId));
    }

    public Uni<List<ApiKey>> listUnrevoked(String organizationId) {
        return list(organizationId, "revokedAt is null", "createdAt, id", null);
    }

    /**
     * Keys that expired and were not announced yet, locked for this transaction; rows another replica is
     * announcing are skipped, so each key is announced once.
     */
    public Uni<List<ApiKey>> lockNewlyExpired(OffsetDateTime now) {
        return acrossOrganizations().list("revokedAt is null and expiresAt <= :now and expiryNotifiedAt is null",
                Parameters.with("now", now), LockMode.UPGRADE_SKIPLOCKED);
    }

    /** Active keys unused since {@code before} that were not announced as inactive, locked as {@link #lockNewlyExpired}. */
    public Uni<List<ApiKey>> lockNewlyInactive(OffsetDateTime now, OffsetDateTime before) {
        return acrossOrganizations().list(ACTIVE + " and coalesce(lastUsedAt, createdAt) < :before and inactivityNotifiedAt is null",
                Parameters.with("now", now).and("before", before), LockMode.UPGRADE_SKIPLOCKED);
    }

    /** Records use reported by the gateway: one statement per key of a batch, never one write per request. */
    public Uni<Integer> recordUse(String organizationId, String keyId, OffsetDateTime lastUsedAt) {
        return update(organizationId, "lastUsedAt = greatest(coalesce(lastUsedAt, :at), :at), inactivityNotifiedAt = null", "id = :id",
                Parameters.with("at", lastUsedAt).and("id", keyId));
    }
}
