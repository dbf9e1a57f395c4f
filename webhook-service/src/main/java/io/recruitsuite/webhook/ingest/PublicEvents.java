package io.recruitsuite.webhook.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.recruitsuite.common.events.EventEnvelope;
import io.recruitsuite.common.events.EventPayload;
import io.recruitsuite.common.events.EventType;
import io.recruitsuite.common.events.Events;

import java.util.LinkedHashMap;
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

    /** The documented payload {id, type, timestamp, organizationId, data} with only the public data fields. */
    public static String payload(ObjectMapper mapper, EventEnvelope event) {
        EventPayload data = Events.data(mapper, event);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", event.id());
        out.put("type", event.type());
        out.put("timestamp", event.timestamp());
        out.put("organizationId", event.organizationId());
        try {
            out.put("data", mapper.readTree(PUBLIC_DATA.writeValueAsString(data)));
            return mapper.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
