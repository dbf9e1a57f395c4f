package io.recruitsuite.webhook.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recruitsuite.common.events.EventAccess;
import io.recruitsuite.common.events.EventEnvelope;
import io.recruitsuite.common.events.EventPayload;
import io.recruitsuite.common.events.EventType;
import io.recruitsuite.common.events.Events;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The event types endpoints may subscribe to, and what of each leaves the platform: the components of
 * its payload record marked {@link EventPayload.Public}. Everything else an internal event carries (the
 * CV text, contact details) stays inside.
 */
public final class PublicEvents {

    private static final Set<String> TYPES = Events.all().stream().filter(EventType::subscribable).map(EventType::name)
            .collect(Collectors.toCollection(java.util.LinkedHashSet::new));

    /** Only what a view names: a component without {@code @JsonView(Public.class)} is never written. */
    private static final ObjectWriter PUBLIC_DATA = JsonMapper.builder().disable(MapperFeature.DEFAULT_VIEW_INCLUSION).build()
            .writerWithView(EventPayload.Public.class);

    private PublicEvents() {
    }

    public static Set<String> types() {
        return TYPES;
    }

    public static boolean isPublic(String type) {
        return TYPES.contains(type);
    }

    /** The documented payload {id, type, timestamp, organizationId, schemaVersion, data} with only the public data fields. */
    public static String payload(ObjectMapper mapper, EventEnvelope event) {
        return payload(mapper, event, true);
    }

    /**
     * The documented payload with only the public data fields, and without the type's contact fields
     * ({@link EventAccess#contactFields}) unless {@code contact}: what a reader without {@code candidates:read} gets.
     */
    public static String payload(ObjectMapper mapper, EventEnvelope event, boolean contact) {
        EventPayload data = Events.data(mapper, event);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", event.id());
        out.put("type", event.type());
        out.put("timestamp", event.timestamp());
        out.put("organizationId", event.organizationId());
        // additive to seed 000's shape: which version of the type's data schema (docs/asyncapi.yaml) this is
        out.put("schemaVersion", event.schemaVersion() == null ? EventEnvelope.CURRENT_SCHEMA_VERSION : event.schemaVersion());
        try {
            JsonNode fields = mapper.readTree(PUBLIC_DATA.writeValueAsString(data));
            if (!contact && fields instanceof ObjectNode object) {
                object.remove(EventAccess.contactFields(event.type()));
            }
            out.put("data", fields);
            return mapper.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * A queued payload as an endpoint with {@code readScopes} may receive it now: null (not to be sent) when
     * those scopes cannot read its type, without the contact fields when they lack {@code candidates:read}. Applied again
     * at every attempt, so an endpoint whose scopes were narrowed after the event was queued gets no more
     * than it may read today.
     */
    public static String asReceivedBy(Collection<String> readScopes, String type, String payload) {
        if (!EventAccess.canRead(readScopes, type)) {
            return null;
        }
        List<String> contact = EventAccess.contactFields(type);
        if (contact.isEmpty() || EventAccess.showsContact(readScopes)) {
            return payload;
        }
        try {
            JsonNode tree = TREES.readTree(payload);
            if (!(tree.get("data") instanceof ObjectNode data) || contact.stream().noneMatch(data::has)) {
                return payload;
            }
            data.remove(contact);
            return TREES.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            return null; // cannot be stripped, so it is not sent (never happens: the queue holds what payload() wrote)
        }
    }

    private static final ObjectMapper TREES = new ObjectMapper();
}
