package io.recruitsuite.gateway.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.recruitsuite.common.events.EventEnvelope;
import io.recruitsuite.common.events.EventTypes;
import io.recruitsuite.common.events.Events;
import io.recruitsuite.gateway.auth.KeyVerifier;
import io.recruitsuite.gateway.auth.Memberships;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Drops cached key verdicts and member standings as soon as the keys-service says a key or its organization changed
 * (revoked, expired, plan, members, rate-limit windows): the next request verifies again and gets what holds now.
 */
@ApplicationScoped
public class KeyEventsListener {

    private static final Logger LOG = Logger.getLogger(KeyEventsListener.class);

    @Inject
    KeyVerifier keys;
    @Inject
    ObjectMapper mapper;
    @Inject
    Memberships memberships;

    @Incoming("key-events")
    public Uni<Void> onEvent(String value) {
        EventEnvelope event;
        try {
            event = Events.parse(mapper, value);
            return switch (event.type()) {
                case EventTypes.KEY_REVOKED -> keys.evictPrefix(Events.data(mapper, event, Events.KEY_REVOKED).prefix());
                case EventTypes.KEY_EXPIRED -> keys.evictPrefix(Events.data(mapper, event, Events.KEY_EXPIRED).prefix());
                // an operator changed the organization's rate-limit windows: the next verification carries them
                case EventTypes.LIMITS_CHANGED -> keys.evictOrganization(event.organizationId());
                case EventTypes.PLAN_CHANGED, EventTypes.MEMBER_REMOVED -> {
                    memberships.evictOrganization(event.organizationId());
                    yield keys.evictOrganization(event.organizationId());
                }
                default -> Uni.createFrom().voidItem();
            };
        } catch (IllegalArgumentException e) {
            LOG.warnf("ignoring a key event that is not a valid envelope of its type: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
    }
}
