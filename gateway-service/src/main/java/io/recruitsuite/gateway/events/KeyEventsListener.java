package io.recruitsuite.gateway.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recruitsuite.common.events.EventTypes;
import io.recruitsuite.gateway.auth.KeyVerifier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Drops cached key verdicts as soon as the keys-service says a key or its organization changed. */
@ApplicationScoped
public class KeyEventsListener {

    private static final Logger LOG = Logger.getLogger(KeyEventsListener.class);

    @Inject
    KeyVerifier keys;
    @Inject
    ObjectMapper mapper;

    @Incoming("key-events")
    public Uni<Void> onEvent(String value) {
        JsonNode event;
        try {
            event = mapper.readTree(value);
        } catch (Exception e) {
            LOG.warn("ignoring a key event that is not JSON");
            return Uni.createFrom().voidItem();
        }
        String type = event.path("type").asText();
        JsonNode data = event.path("data");
        return switch (type) {
            case EventTypes.KEY_REVOKED, EventTypes.KEY_EXPIRED -> keys.evictPrefix(data.path("prefix").asText());
            case EventTypes.PLAN_CHANGED, EventTypes.MEMBER_REMOVED -> keys.evictOrganization(event.path("organizationId").asText());
            default -> Uni.createFrom().voidItem();
        };
    }
}
