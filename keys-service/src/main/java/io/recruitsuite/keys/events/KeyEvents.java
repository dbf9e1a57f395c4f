package io.recruitsuite.keys.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recruitsuite.common.events.EventEnvelope;
import io.recruitsuite.common.events.EventTypes;
import io.recruitsuite.common.events.Topics;
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

    private final ObjectMapper mapper;
    private final Outbox outbox;

    @Inject
    public KeyEvents(ObjectMapper mapper) {
        this.mapper = mapper;
        this.outbox = new Outbox(mapper);
    }

    public Uni<Void> keyCreated(SqlClient tx, ApiKey key) {
        ObjectNode data = keyData(key);
        data.put("name", key.name());
        data.set("scopes", mapper.valueToTree(key.scopes()));
        data.put("createdBy", key.createdBy());
        return append(tx, EventTypes.KEY_CREATED, key.organizationId(), data);
    }

    public Uni<Void> keyRevoked(SqlClient tx, ApiKey key, String reason) {
        return append(tx, EventTypes.KEY_REVOKED, key.organizationId(), keyData(key).put("reason", reason));
    }

    public Uni<Void> keysRevoked(SqlClient tx, List<ApiKey> keys, String reason) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ApiKey key : keys) {
            chain = chain.chain(() -> keyRevoked(tx, key, reason));
        }
        return chain;
    }

    public Uni<Void> keyExpired(SqlClient tx, ApiKey key) {
        return append(tx, EventTypes.KEY_EXPIRED, key.organizationId(),
                keyData(key).put("expiresAt", EventEnvelope.format(key.expiresAt().toInstant())));
    }

    public Uni<Void> keyInactive(SqlClient tx, ApiKey key) {
        ObjectNode data = keyData(key);
        data.put("lastUsedAt", key.lastUsedAt() == null ? null : EventEnvelope.format(key.lastUsedAt().toInstant()));
        return append(tx, EventTypes.KEY_INACTIVE, key.organizationId(), data);
    }

    public Uni<Void> planChanged(SqlClient tx, String organizationId, String oldPlan, String newPlan) {
        return append(tx, EventTypes.PLAN_CHANGED, organizationId,
                mapper.createObjectNode().put("organizationId", organizationId).put("oldPlan", oldPlan).put("newPlan", newPlan));
    }

    public Uni<Void> memberRemoved(SqlClient tx, String organizationId, String userId, List<ApiKey> revoked) {
        ObjectNode data = mapper.createObjectNode().put("userId", userId);
        ArrayNode prefixes = data.putArray("revokedKeys");
        revoked.forEach(k -> prefixes.add(k.prefix()));
        return append(tx, EventTypes.MEMBER_REMOVED, organizationId, data);
    }

    private ObjectNode keyData(ApiKey key) {
        return mapper.createObjectNode().put("keyId", key.id()).put("prefix", key.prefix());
    }

    private Uni<Void> append(SqlClient tx, String type, String organizationId, ObjectNode data) {
        return outbox.append(tx, Topics.KEY_EVENTS, EventEnvelope.create(type, organizationId, data));
    }
}
