package io.recruitsuite.webhook.endpoints;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.recruitsuite.common.Ids;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.events.EventEnvelope;
import io.recruitsuite.common.events.EventPayload.WebhookTest;
import io.recruitsuite.common.events.Events;
import io.recruitsuite.webhook.WebhooksConfig;
import io.recruitsuite.webhook.delivery.Delivery;
import io.recruitsuite.webhook.delivery.DeliveryRepository;
import io.recruitsuite.webhook.delivery.Dispatcher;
import io.recruitsuite.webhook.ingest.PublicEvents;
import io.recruitsuite.webhook.signing.SecretBox;
import io.recruitsuite.webhook.signing.Signatures;
import io.recruitsuite.webhook.ssrf.TargetResolver;
import io.recruitsuite.common.tracing.TraceParent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** Endpoint management: validation (including the address policy), secrets, rotation, re-enabling, test events. */
@ApplicationScoped
public class EndpointService {

    static final String TEST_MESSAGE = "This is a test event from Recruit Suite";

    public static final int MAX_DESCRIPTION = 500;
    public static final String ALL_EVENTS = "*";

    @Inject
    Pool pool;
    @Inject
    EndpointRepository endpoints;
    @Inject
    DeliveryRepository deliveries;
    @Inject
    TargetResolver resolver;
    @Inject
    SecretBox secrets;
    @Inject
    WebhooksConfig config;
    @Inject
    ObjectMapper mapper;
    @Inject
    Dispatcher dispatcher;

    public record Created(Endpoint endpoint, String secret) {
    }

    public Uni<Created> create(String org, String url, List<String> events, String description) {
        URI uri = resolver.parse(url);
        List<String> types = validateEvents(events);
        String desc = validateDescription(description);
        String secret = Signatures.newSecret();
        return resolver.resolve(uri).chain(target -> pool.withTransaction(tx -> endpoints.count(tx, org).chain(n -> {
            if (n >= config.maxEndpointsPerOrganization()) {
                return Uni.createFrom().failure(ApiException.forbidden("An organization can have at most "
                        + config.maxEndpointsPerOrganization() + " webhook endpoints"));
            }
            return endpoints.insert(tx, Ids.newId("whk"), org, uri.toString(), desc, types, secrets.seal(secret));
        }))).map(e -> new Created(e, secret));
    }

    public Uni<Endpoint> get(String org, String id) {
        return endpoints.find(org, id).onItem().ifNull().failWith(() -> ApiException.notFound("Webhook endpoint"));
    }

    public Uni<Endpoint> update(String org, String id, String url, boolean urlSet, List<String> events, boolean eventsSet,
                                String description, boolean descriptionSet) {
        return get(org, id).chain(current -> {
            URI uri = urlSet ? resolver.parse(url) : URI.create(current.url());
            List<String> types = eventsSet ? validateEvents(events) : current.events();
            String desc = descriptionSet ? validateDescription(description) : current.description();
            Uni<?> check = urlSet ? resolver.resolve(uri) : Uni.createFrom().voidItem();
            return check.chain(() -> endpoints.update(org, id, uri.toString(), desc, types));
        }).onItem().ifNull().failWith(() -> ApiException.notFound("Webhook endpoint"));
    }

    public Uni<Void> delete(String org, String id) {
        return endpoints.delete(org, id).chain(deleted -> deleted ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(ApiException.notFound("Webhook endpoint")));
    }

    /** A new secret, shown once; the previous one keeps signing beside it for the overlap period. */
    public Uni<Created> rotate(String org, String id) {
        String secret = Signatures.newSecret();
        return endpoints.rotate(org, id, secrets.seal(secret), OffsetDateTime.now(ZoneOffset.UTC).plus(config.rotationOverlap()))
                .onItem().ifNull().failWith(() -> ApiException.notFound("Webhook endpoint"))
                .map(e -> new Created(e, secret));
    }

    public Uni<Endpoint> enable(String org, String id) {
        return endpoints.enable(org, id).onItem().ifNull().failWith(() -> ApiException.notFound("Webhook endpoint"))
                .invoke(dispatcher::wake);
    }

    /** Queues a {@code webhook.test} event for this endpoint alone. */
    public Uni<String> sendTest(String org, String id) {
        return get(org, id).chain(endpoint -> {
            EventEnvelope event = Events.envelope(mapper, Events.WEBHOOK_TEST, org, new WebhookTest(TEST_MESSAGE));
            String payload = PublicEvents.payload(mapper, event);
            return deliveries.insertOne(org, endpoint.id(), UUID.fromString(event.id()), event.type(), payload, TraceParent.current())
                    .invoke(dispatcher::wake)
                    .replaceWith(event.id());
        });
    }

    /** Puts one of the endpoint's deliveries back in the queue, due now. */
    public Uni<Delivery> redeliver(String org, String id, String deliveryId) {
        return get(org, id).chain(endpoint -> deliveries.redeliver(org, id, deliveryId))
                .onItem().ifNull().failWith(() -> ApiException.notFound("Delivery"))
                .invoke(dispatcher::wake);
    }

    /** The subscribed types; empty means every public type (also written as {@code ["*"]}). */
    static List<String> validateEvents(List<String> events) {
        if (events == null || events.contains(ALL_EVENTS)) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String type : events) {
            if (type == null || !PublicEvents.isPublic(type)) {
                throw ApiException.validation("events: unknown event type '" + type + "'; known types: "
                        + String.join(", ", PublicEvents.types()));
            }
            out.add(type);
        }
        return List.copyOf(out);
    }

    static String validateDescription(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw ApiException.validation("description: at most " + MAX_DESCRIPTION + " characters");
        }
        return description;
    }
}
