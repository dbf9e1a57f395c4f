package io.recruitsuite.common.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the AsyncAPI 3 document of every domain event from the catalogue itself ({@link Events}, the
 * {@link EventPayload} records, {@link EventAccess}), so the published contract cannot drift from what
 * the services produce: a JSON Schema per event type (its full data on Kafka, and the public part a
 * webhook or {@code GET /api/v1/events} carries), the envelope, record keys and headers, and ordering.
 */
public final class EventCatalogue {

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Topics other teams may consume; the rest are the suite's own plumbing. */
    static final Map<String, String> TOPIC_DESCRIPTIONS = Map.of(
            Topics.CANDIDATE_EVENTS, "Candidates, documents, jobs, applications and the rest of the hiring workflow, from the "
                    + "candidate-service's outbox. Carries contact details (no CV text): readable by the suite's services and "
                    + "by consumer teams cleared for personal data; retention 7 days.",
            Topics.KEY_EVENTS, "API keys, plans and members, from the keys-service's outbox. Internal: the gateway, the "
                    + "webhook-service and the console consume it; retention 7 days.",
            Topics.SEARCH_EVENTS, "Searches and relevance feedback, from the search-service. Retention 30 days.");

    private EventCatalogue() {
    }

    public static ObjectNode asyncApi() {
        ObjectNode doc = JSON.objectNode();
        doc.put("asyncapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Recruit Suite domain events");
        info.put("version", Integer.toString(EventEnvelope.CURRENT_SCHEMA_VERSION));
        info.put("description", String.join("\n",
                "Every change in the suite becomes a domain event: an envelope {id, type, timestamp, organizationId, schemaVersion, data}",
                "on a Kafka topic, and its public part is what webhook endpoints receive and GET /api/v1/events lists.",
                "",
                "Keys and ordering: every record is keyed by its organization id, so all events of one organization (and so every",
                "event of one entity: a candidate, an application, a job) are in one partition, in the order their transactions",
                "committed. Delivery is at least once: consumers deduplicate by `id`.",
                "",
                "Compatibility: within a `schemaVersion` fields are only added, never removed, renamed or retyped; consumers must",
                "ignore fields they do not know. A breaking change raises `schemaVersion`.",
                "",
                "Generated from the event catalogue in suite-common (EventCatalogueTest); do not edit by hand."));
        info.putObject("license").put("name", "Proprietary");
        doc.put("defaultContentType", "application/json");

        ObjectNode servers = doc.putObject("servers");
        ObjectNode kafka = servers.putObject("kafka");
        kafka.put("host", "kafka:9092");
        kafka.put("protocol", "kafka");
        kafka.put("description", "The suite's broker; in tests topic names carry a run prefix (rs.kafka.topic-prefix).");
        ObjectNode receivers = servers.putObject("webhookReceivers");
        receivers.put("host", "receiver.example.com");
        receivers.put("protocol", "https");
        receivers.put("description", "An integrator's webhook endpoint: each delivery is a signed POST (docs/webhooks.md).");

        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode components = doc.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode messages = components.putObject("messages");
        schemas.set("Envelope", envelopeSchema());
        ObjectNode headers = schemas.putObject("RecordHeaders");
        headers.put("type", "object");
        ObjectNode headerProps = headers.putObject("properties");
        headerProps.putObject(Topics.HEADER_EVENT_TYPE).put("type", "string").put("description", "the envelope's type, to route without parsing");
        headerProps.putObject(Topics.HEADER_EVENT_ID).put("type", "string").put("description", "the envelope's id");
        headerProps.putObject("traceparent").put("type", "string").put("description", "W3C trace context of the request that caused the event");

        Map<String, List<EventType<?>>> byTopic = new TreeMap<>();
        for (EventType<?> type : Events.all()) {
            if (type.topic() != null) {
                byTopic.computeIfAbsent(type.topic(), t -> new java.util.ArrayList<>()).add(type);
            }
        }
        for (Map.Entry<String, List<EventType<?>>> topic : byTopic.entrySet()) {
            String channelId = channelId(topic.getKey());
            ObjectNode channel = channels.putObject(channelId);
            channel.put("address", topic.getKey());
            channel.put("description", TOPIC_DESCRIPTIONS.getOrDefault(topic.getKey(), "Domain events."));
            ObjectNode channelMessages = channel.putObject("messages");
            ArrayNode opMessages = JSON.arrayNode();
            for (EventType<?> type : topic.getValue()) {
                channelMessages.putObject(type.name()).put("$ref", "#/components/messages/" + type.name());
                opMessages.addObject().put("$ref", "#/channels/" + channelId + "/messages/" + type.name());
                schemas.set(type.name(), dataSchema(type, false));
                messages.set(type.name(), kafkaMessage(type));
            }
            ObjectNode op = operations.putObject("publish" + capitalise(channelId));
            op.put("action", "send");
            op.putObject("channel").put("$ref", "#/channels/" + channelId);
            op.put("summary", "Events the producing service appends to its outbox and relays to " + topic.getKey());
            op.set("messages", opMessages);
        }

        ObjectNode webhooks = channels.putObject("webhooks");
        webhooks.putNull("address");
        webhooks.put("description", "The public part of each subscribable type, POSTed to the endpoints subscribed to it whose "
                + "creator's read scopes can read it (x-read-scopes), signed (docs/webhooks.md); the same payloads as GET /api/v1/events.");
        webhooks.putArray("servers").addObject().put("$ref", "#/servers/webhookReceivers");
        ObjectNode webhookMessages = webhooks.putObject("messages");
        ArrayNode deliveryMessages = JSON.arrayNode();
        for (EventType<?> type : Events.all()) {
            if (!type.subscribable()) {
                continue;
            }
            String id = "webhook." + type.name();
            webhookMessages.putObject(id).put("$ref", "#/components/messages/" + id);
            deliveryMessages.addObject().put("$ref", "#/channels/webhooks/messages/" + id);
            schemas.set(type.name() + ".public", dataSchema(type, true));
            messages.set(id, webhookMessage(type));
        }
        ObjectNode deliver = operations.putObject("deliverWebhooks");
        deliver.put("action", "send");
        deliver.putObject("channel").put("$ref", "#/channels/webhooks");
        deliver.put("summary", "The webhook-service delivers each public event to the subscribed endpoints, at least once");
        deliver.set("messages", deliveryMessages);
        return doc;
    }

    static ObjectNode kafkaMessage(EventType<?> type) {
        ObjectNode m = JSON.objectNode();
        m.put("name", type.name());
        m.put("title", type.name());
        m.put("summary", summary(type));
        m.putObject("headers").put("$ref", "#/components/schemas/RecordHeaders");
        m.set("payload", envelopeOf(type.name(), "#/components/schemas/" + type.name()));
        ObjectNode key = m.putObject("bindings").putObject("kafka");
        key.putObject("key").put("type", "string").put("description", "the organization id: per-organization, so per-entity, order");
        key.put("bindingVersion", "0.5.0");
        m.put("x-subscribable", type.subscribable());
        return m;
    }

    static ObjectNode webhookMessage(EventType<?> type) {
        ObjectNode m = JSON.objectNode();
        m.put("name", "webhook." + type.name());
        m.put("title", type.name() + " (webhook)");
        m.put("summary", "What a webhook endpoint receives for " + type.name());
        m.set("payload", envelopeOf(type.name(), "#/components/schemas/" + type.name() + ".public"));
        ArrayNode scopes = m.putArray("x-read-scopes");
        EventAccess.readableWith(type.name()).forEach(scopes::add);
        ArrayNode contact = m.putArray("x-contact-fields");
        EventAccess.contactFields(type.name()).forEach(contact::add);
        return m;
    }

    static ObjectNode envelopeOf(String typeName, String dataRef) {
        ObjectNode payload = JSON.objectNode();
        ArrayNode all = payload.putArray("allOf");
        all.addObject().put("$ref", "#/components/schemas/Envelope");
        ObjectNode specific = all.addObject();
        specific.put("type", "object");
        ObjectNode props = specific.putObject("properties");
        props.putObject("type").put("const", typeName);
        props.putObject("data").put("$ref", dataRef);
        return payload;
    }

    static ObjectNode envelopeSchema() {
        ObjectNode s = JSON.objectNode();
        s.put("type", "object");
        s.put("description", "Every event, on Kafka and in webhooks. Webhook payloads of erased candidates also carry redacted: true "
                + "and only the ids in data.");
        ArrayNode required = s.putArray("required");
        List.of("id", "type", "timestamp", "organizationId", "data").forEach(required::add);
        ObjectNode props = s.putObject("properties");
        props.putObject("id").put("type", "string").put("format", "uuid").put("description", "unique per event; deduplicate by it");
        props.putObject("type").put("type", "string");
        props.putObject("timestamp").put("type", "string").put("format", "date-time").put("description", "when the change committed, UTC, ms");
        props.putObject("organizationId").put("type", "string");
        props.putObject("schemaVersion").put("type", "integer").put("minimum", 1);
        props.putObject("data").put("type", "object");
        props.putObject("redacted").put("type", "boolean");
        return s;
    }

    /** The JSON Schema of a type's data: every component, or only those marked public. */
    static ObjectNode dataSchema(EventType<?> type, boolean publicOnly) {
        ObjectNode s = JSON.objectNode();
        s.put("title", type.name() + (publicOnly ? " (public)" : ""));
        s.put("type", "object");
        ObjectNode props = s.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        RecordComponent[] components = type.payload().getRecordComponents();
        List<String> contact = EventAccess.hasRule(type.name()) ? EventAccess.contactFields(type.name()) : List.of();
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            boolean isPublic = isPublic(c);
            if (publicOnly && !isPublic) {
                continue;
            }
            // the subject (the first component) and primitives are always there; the rest may be null or, in older
            // events, absent
            boolean alwaysThere = i == 0 || c.getType().isPrimitive();
            ObjectNode schema = schemaOf(c.getGenericType(), c.getName(), !alwaysThere);
            if (!publicOnly) {
                schema.put("x-public", isPublic);
            }
            if (contact.contains(c.getName())) {
                schema.put("x-contact", true);
            }
            props.set(c.getName(), schema);
            JsonInclude include = c.getAccessor().getAnnotation(JsonInclude.class);
            if (alwaysThere && (include == null || include.value() == JsonInclude.Include.ALWAYS)) {
                required.add(c.getName());
            }
        }
        if (!required.isEmpty()) {
            s.set("required", required);
        }
        return s;
    }

    static boolean isPublic(RecordComponent c) {
        JsonView view = c.getAccessor().getAnnotation(JsonView.class);
        if (view == null) {
            var field = Arrays.stream(c.getDeclaringRecord().getDeclaredFields()).filter(f -> f.getName().equals(c.getName())).findFirst();
            view = field.map(f -> f.getAnnotation(JsonView.class)).orElse(null);
        }
        return view != null && Arrays.asList(view.value()).contains(EventPayload.Public.class);
    }

    static ObjectNode schemaOf(Type type, String name, boolean nullable) {
        ObjectNode s = JSON.objectNode();
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw && Collection.class.isAssignableFrom(raw)) {
            typed(s, "array", nullable);
            s.set("items", schemaOf(p.getActualTypeArguments()[0], name, false));
            return s;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw && Map.class.isAssignableFrom(raw)) {
            typed(s, "object", nullable);
            s.set("additionalProperties", schemaOf(p.getActualTypeArguments()[1], name, true));
            return s;
        }
        Class<?> c = type instanceof Class<?> k ? k : Object.class;
        if (c == String.class) {
            typed(s, "string", nullable);
            if (name.endsWith("At")) {
                s.put("format", "date-time");
            }
        } else if (c == int.class || c == long.class || c == Integer.class || c == Long.class || c == short.class) {
            typed(s, "integer", nullable);
        } else if (c == double.class || c == float.class || c == Double.class || c == Float.class || c == java.math.BigDecimal.class) {
            typed(s, "number", nullable);
        } else if (c == boolean.class || c == Boolean.class) {
            typed(s, "boolean", nullable);
        } else if (c.isEnum()) {
            typed(s, "string", nullable);
            ArrayNode values = s.putArray("enum");
            for (Object v : c.getEnumConstants()) {
                values.add(v.toString());
            }
            if (nullable) {
                values.addNull();
            }
        } else if (c.isRecord()) {
            typed(s, "object", nullable);
            ObjectNode props = s.putObject("properties");
            for (RecordComponent rc : c.getRecordComponents()) {
                props.set(rc.getName(), schemaOf(rc.getGenericType(), rc.getName(), !rc.getType().isPrimitive()));
            }
        } else if (c == Object.class || JsonNode.class.isAssignableFrom(c)) {
            s.put("description", "any JSON value");
        } else if (c.isArray()) {
            typed(s, "array", nullable);
            s.set("items", schemaOf(c.getComponentType(), name, false));
        } else {
            throw new IllegalStateException("no JSON Schema mapping for " + c + " (" + name + "): add one to EventCatalogue");
        }
        return s;
    }

    private static void typed(ObjectNode s, String type, boolean nullable) {
        if (nullable) {
            s.putArray("type").add(type).add("null");
        } else {
            s.put("type", type);
        }
    }

    static String summary(EventType<?> type) {
        String[] parts = type.name().split("\\.");
        return "A " + parts[0] + " " + parts[1].replace('_', ' ') + (type.subscribable() ? "; webhooks may subscribe" : "; internal");
    }

    static String channelId(String topic) {
        String base = topic.substring(topic.indexOf('.') + 1);
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char ch : base.toCharArray()) {
            if (ch == '-' || ch == '.') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return out.toString();
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The rows of docs/events.md's generated table: type, topic, webhook, read scopes, data fields. */
    static String typesTable() {
        StringBuilder out = new StringBuilder("| type | topic | webhooks | read scopes | data (public fields in bold) |\n|---|---|---|---|---|\n");
        for (EventType<?> type : Events.all()) {
            StringBuilder fields = new StringBuilder();
            for (RecordComponent c : type.payload().getRecordComponents()) {
                if (!fields.isEmpty()) {
                    fields.append(", ");
                }
                fields.append(isPublic(c) ? "**" + c.getName() + "**" : c.getName());
            }
            String scopes = EventAccess.hasRule(type.name()) ? String.join(", ", EventAccess.readableWith(type.name())) : "—";
            out.append("| `").append(type.name()).append("` | ").append(type.topic() == null ? "(not on Kafka)" : "`" + type.topic() + "`")
                    .append(" | ").append(type.subscribable() ? "yes" : "no").append(" | ").append(scopes.isEmpty() ? "any" : scopes)
                    .append(" | ").append(fields).append(" |\n");
        }
        return out.toString();
    }
}
