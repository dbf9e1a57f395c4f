package io.recruitsuite.keys.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.recruitsuite.common.events.EventEnvelope;
import io.recruitsuite.common.events.EventPayload.KeyCreated;
import io.recruitsuite.common.events.EventPayload.KeyExpired;
import io.recruitsuite.common.events.EventPayload.KeyInactive;
import io.recruitsuite.common.events.EventPayload.KeyRevoked;
import io.recruitsuite.common.events.EventPayload.LimitsChanged;
import io.recruitsuite.common.events.EventPayload.MemberRemoved;
import io.recruitsuite.common.events.EventPayload.PlanChanged;
import io.recruitsuite.common.events.Events;
import io.recruitsuite.common.outbox.SessionOutbox;
import io.recruitsuite.keys.keys.ApiKey;
import io.recruitsuite.keys.limits.RateLimits;
import io.recruitsuite.keys.plans.Plan;
import io.recruitsuite.keys.plans.PlansConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Key, plan, limits and member events, written to the outbox in the transaction of the change (the current reactive session's). */
@ApplicationScoped
public class KeyEvents {

    private final SessionOutbox outbox;
    private final PlansConfig plans;

    @Inject
    public KeyEvents(ObjectMapper mapper, PlansConfig plans) {
        this.outbox = new SessionOutbox(mapper);
        this.plans = plans;
    }

    public Uni<Void> keyCreated(ApiKey key) {
        return outbox.append(Events.KEY_CREATED, key.organizationId,
                new KeyCreated(key.id, key.prefix, key.name, key.scopes, key.createdBy));
    }

    public Uni<Void> keyRevoked(ApiKey key, String reason) {
        return outbox.append(Events.KEY_REVOKED, key.organizationId, new KeyRevoked(key.id, key.prefix, reason));
    }

    public Uni<Void> keysRevoked(List<ApiKey> keys, String reason) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ApiKey key : keys) {
            chain = chain.chain(() -> keyRevoked(key, reason));
        }
        return chain;
    }

    public Uni<Void> keyExpired(ApiKey key) {
        return outbox.append(Events.KEY_EXPIRED, key.organizationId,
                new KeyExpired(key.id, key.prefix, EventEnvelope.format(key.expiresAt.toInstant())));
    }

    public Uni<Void> keyInactive(ApiKey key) {
        return outbox.append(Events.KEY_INACTIVE, key.organizationId, new KeyInactive(key.id, key.prefix,
                key.lastUsedAt == null ? null : EventEnvelope.format(key.lastUsedAt.toInstant())));
    }

    public Uni<Void> planChanged(String organizationId, String oldPlan, String newPlan) {
        return outbox.append(Events.PLAN_CHANGED, organizationId,
                new PlanChanged(organizationId, oldPlan, newPlan, plans.of(Plan.parse(newPlan)).apiAccess()));
    }

    public Uni<Void> memberRemoved(String organizationId, String userId, List<ApiKey> revoked) {
        return outbox.append(Events.MEMBER_REMOVED, organizationId,
                new MemberRemoved(userId, revoked.stream().map(k -> k.prefix).toList()));
    }

    public Uni<Void> limitsChanged(String organizationId, RateLimits effective) {
        return outbox.append(Events.LIMITS_CHANGED, organizationId, new LimitsChanged(organizationId, effective.organizationPerMinute(),
                effective.searchPerMinute(), effective.keyPerMinute(), effective.keyPerHour()));
    }
}
