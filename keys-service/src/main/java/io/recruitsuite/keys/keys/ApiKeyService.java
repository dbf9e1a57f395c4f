package io.recruitsuite.keys.keys;

import io.recruitsuite.common.security.KeyVerification;
import io.recruitsuite.common.security.KeyVerification.Refusal;
import io.recruitsuite.common.security.ApiKeyFormat;
import io.recruitsuite.common.Ids;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.security.Scopes;
import io.recruitsuite.keys.events.KeyEvents;
import io.recruitsuite.keys.limits.LimitsResolver;
import io.recruitsuite.keys.limits.OrganizationLimits;
import io.recruitsuite.keys.limits.RateLimits;
import io.recruitsuite.keys.organizations.Organization;
import io.recruitsuite.keys.organizations.OrganizationRepository;
import io.recruitsuite.keys.plans.Plan;
import io.recruitsuite.keys.plans.PlansConfig;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.io.IOException;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The API-key lifecycle: issue (within plan limits), list, revoke, verify. */
@ApplicationScoped
public class ApiKeyService {

    public static final int MAX_NAME_LENGTH = 100;

    @Inject
    ApiKeyRepository keys;
    @Inject
    OrganizationRepository organizations;
    @Inject
    KeyEvents events;
    @Inject
    PlansConfig plans;
    @Inject
    LimitsResolver resolver;

    private final KeyHasher hasher;
    private final String environment;

    @Inject
    public ApiKeyService(KeysConfig config) {
        try {
            this.hasher = new KeyHasher(Files.readString(config.pepperFile()).trim().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the key pepper from " + config.pepperFile(), e);
        }
        this.environment = config.environment();
    }

    /** A new key and, once only, its secret. */
    public record IssuedKey(ApiKey key, String secret) {
    }

    @WithTransaction
    public Uni<IssuedKey> issue(String organizationId, String name, List<String> requestedScopes, OffsetDateTime expiresAt, String createdBy) {
        List<String> scopes = validate(name, requestedScopes, expiresAt);
        // the organization's row is locked until the key is stored, so concurrent requests cannot pass the plan's key limit together
        return organizations.findById(organizationId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Organization"))
                .chain(this::checkPlanAllowsAnotherKey)
                .chain(() -> {
                    String secret = ApiKeyFormat.generate(environment);
                    ApiKey key = new ApiKey();
                    key.id = Ids.newId("key");
                    key.organizationId = organizationId;
                    key.name = name.strip();
                    key.prefix = secret.substring(0, ApiKeyFormat.PREFIX_LENGTH);
                    key.secretHash = hasher.hash(secret);
                    key.scopes = scopes;
                    key.createdBy = createdBy;
                    key.createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
                    key.expiresAt = expiresAt;
                    return keys.persist(key)
                            .call(events::keyCreated)
                            .replaceWith(new IssuedKey(key, secret));
                });
    }

    private Uni<Void> checkPlanAllowsAnotherKey(Organization org) {
        Plan plan = Plan.parse(org.plan);
        PlansConfig.PlanLimits limits = plans.of(plan);
        if (!limits.apiAccess()) {
            return Uni.createFrom().failure(ApiException.forbidden("Plan does not include API access"));
        }
        if (limits.maxKeys() < 0) {
            return Uni.createFrom().voidItem();
        }
        return keys.countActive(org.id, OffsetDateTime.now(ZoneOffset.UTC)).chain(active -> active >= limits.maxKeys()
                ? Uni.createFrom().failure(ApiException.forbidden("The " + plan.wire() + " plan allows at most "
                        + limits.maxKeys() + " active API key" + (limits.maxKeys() == 1 ? "" : "s") + "; revoke one first"))
                : Uni.createFrom().voidItem());
    }

    static List<String> validate(String name, List<String> scopes, OffsetDateTime expiresAt) {
        if (name == null || name.isBlank()) {
            throw ApiException.validation("name: must not be blank");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw ApiException.validation("name: must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw ApiException.validation("scopes: at least one scope is required");
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String requested : scopes) {
            // seed 001's tests:* and stages:* are kept under our names (assessments:*, pipeline:*)
            String scope = Scopes.canonical(requested);
            if (scope == null || !Scopes.PUBLIC.contains(scope)) {
                throw ApiException.validation("scopes: unknown scope '" + requested + "'; known scopes: " + String.join(", ", Scopes.PUBLIC));
            }
            unique.add(scope);
        }
        if (expiresAt != null && !expiresAt.isAfter(OffsetDateTime.now())) {
            throw ApiException.validation("expiresAt: must be in the future");
        }
        return List.copyOf(unique);
    }

    @WithSession
    public Uni<List<ApiKey>> list(String organizationId) {
        return keys.listByOrganization(organizationId);
    }

    @WithTransaction
    public Uni<ApiKey> revoke(String organizationId, String prefix, String reason) {
        if (!ApiKeyFormat.isPrefix(prefix)) {
            return Uni.createFrom().failure(ApiException.notFound("API key"));
        }
        return keys.findActiveByPrefix(organizationId, prefix)
                .onItem().ifNull().failWith(() -> ApiException.notFound("API key"))
                .invoke(key -> key.revoke(OffsetDateTime.now(ZoneOffset.UTC), reason))
                .call(key -> events.keyRevoked(key, reason));
    }

    /**
     * Checks a presented key. A malformed key or a bad checksum fails before any look-up; an
     * unknown prefix and a wrong secret take the same path (one look-up, one HMAC, one
     * constant-time comparison) and give the same answer.
     */
    @WithSession
    public Uni<KeyVerification> verify(String presented) {
        var parsed = ApiKeyFormat.parse(presented);
        if (parsed.isEmpty()) {
            return Uni.createFrom().item(KeyVerification.refused(Refusal.INVALID));
        }
        String key = parsed.get().key();
        return keys.findByPrefixWithPlan(parsed.get().prefix()).map(found -> {
            if (found == null) {
                hasher.matchesNothing(key);
                return KeyVerification.refused(Refusal.INVALID);
            }
            if (!hasher.matches(key, found.key().secretHash)) {
                return KeyVerification.refused(Refusal.INVALID);
            }
            ApiKey k = found.key();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            if (k.revokedAt != null) {
                return KeyVerification.refused(Refusal.REVOKED);
            }
            if (k.expiresAt != null && !k.expiresAt.isAfter(now)) {
                return KeyVerification.refused(Refusal.EXPIRED);
            }
            Plan plan = Plan.parse(found.plan());
            PlansConfig.PlanLimits limits = plans.of(plan);
            if (!limits.apiAccess()) {
                return KeyVerification.refused(Refusal.PLAN_WITHOUT_ACCESS);
            }
            // the plan's windows unless an operator overrode some for the organization
            RateLimits rates = resolver.resolve(plan, OrganizationLimits.overridesOf(found.limits())).values();
            return KeyVerification.accepted(k.organizationId, k.id, k.prefix, k.scopes, plan.wire(), k.expiresAt,
                    new KeyVerification.Limits(limits.monthlyRequests(), rates.organizationPerMinute(), rates.searchPerMinute(),
                            rates.keyPerMinute(), rates.keyPerHour()));
        });
    }
}
