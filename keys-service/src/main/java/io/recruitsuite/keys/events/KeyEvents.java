package io.recruitsuite.keys.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.recruitsuite.common.events.EventEnvelope;
import io.recruitsuite.common.events.EventPayload.KeyCreated;
import io.recruitsuite.common.events.EventPayload.KeyExpired;
import io.recruitsuite.common.events.EventPayload.KeyInactive;
import io.recruitsuite.common.events.EventPayload.KeyRevoked;
import io.recruitsuite.common.events.EventPayload.MemberRemoved;
import io.recruitsuite.common.events.EventPayload.PlanChanged;
import io.recruitsuite.common.events.Events;
import io.recruitsuite.common.outbox.Outbox;
import io.recruitsuite.keys.keys.ApiKey;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Key, plan and member events, written to the outbox in the transaction of the change. */
@ApplicationScoped
public class KeyEvents {

    private final Outbox outbox;

    @Inject
    public KeyEvents(ObjectMapper mapper) {
        this.outbox = new Outbox(mapper);
    }

    public Uni<Void> keyCreated(SqlClient tx, ApiKey key) {
        return outbox.append(tx, Events.KEY_CREATED, key.organizationId(),
                new KeyCreated(key.id(), key.prefix(), key.name(), key.scopes(), key.createdBy()));
    }

    public Uni<Void> keyRevoked(SqlClient tx, ApiKey key, String reason) {
        return outbox.append(tx, Events.KEY_REVOKED, key.organizationId(), new KeyRevoked(key.id(), key.prefix(), reason));
    }

    public Uni<Void> keysRevoked(SqlClient tx, List<ApiKey> keys, String reason) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ApiKey key : keys) {
            chain = chain.chain(() -> keyRevoked(tx, key, reason));
        }
        return chain;
    }

    public Uni<Void> keyExpired(SqlClient tx, ApiKey key) {
        return outbox.append(tx, Events.KEY_EXPIRED, key.organizationId(),
                new KeyExpired(key.id(), key.prefix(), EventEnvelope.format(key.expiresAt().toInstant())));
    }

    public Uni<Void> keyInactive(SqlClient tx, ApiKey key) {
        return outbox.append(tx, Events.KEY_INACTIVE, key.organizationId(), new KeyInactive(key.id(), key.prefix(),
                key.lastUsedAt() == null ? null : EventEnvelope.format(key.lastUsedAt().toInstant())));
    }

    public Uni<Void> planChanged(SqlClient tx, String organizationId, String oldPlan, String newPlan) {
        return outbox.append(tx, Events.PLAN_CHANGED, organizationId, new PlanChanged(organizationId, oldPlan, newPlan));
    }

    public Uni<Void> memberRemoved(SqlClient tx, String organizationId, String userId, List<ApiKey> revoked) {
        return outbox.append(tx, Events.MEMBER_REMOVED, organizationId,
                new MemberRemoved(userId, revoked.stream().map(ApiKey::prefix).toList()));
    }
}
