package io.recruitsuite.webhook.endpoints;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.recruitsuite.common.Ids;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.events.EventAccess;
import io.recruitsuite.common.events.EventEnvelope;
import io.recruitsuite.common.events.EventPayload.WebhookTest;
import io.recruitsuite.common.events.Events;
import io.recruitsuite.webhook.WebhooksConfig;
import io.recruitsuite.webhook.access.AccessChanges;
import io.recruitsuite.webhook.delivery.Delivery;
import io.recruitsuite.webhook.delivery.DeliveryRepository;
import io.recruitsuite.webhook.delivery.Dispatcher;
import io.recruitsuite.webhook.ingest.PublicEvents;
import io.recruitsuite.webhook.signing.SecretBox;
import io.recruitsuite.webhook.signing.Signatures;
import io.recruitsuite.webhook.ssrf.TargetResolver;
import io.recruitsuite.common.tracing.TraceParent;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
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
    @Inject
    AccessChanges access;

    public record Created(Endpoint endpoint, String secret) {
    }

    /**
     * Who sets an endpoint up: a dashboard session's user, or an API key's prefix (what {@code member.removed} names);
     * recorded with the read scopes, so removing that member disables what they set up ({@code AccessChanges}).
     */
    public record Creator(String userId, String keyPrefix) {
    }

    public record Page(List<Endpoint> items, long total) {
    }

    @WithSession
    public Uni<Page> page(String org, int offset, int limit) {
        return endpoints.page(org, offset, limit).chain(items -> endpoints.count(org).map(total -> new Page(items, total)));
    }

    /**
     * {@code readScopes}: the caller's read scopes ({@link EventAccess#readScopesOf}), recorded on the endpoint; a
     * subscription to a type they cannot read is refused, and {@code *} means every type they can read.
     */
    public Uni<Created> create(String org, List<String> readScopes, Creator creator, String url, List<String> events, String description,
                               Boolean legacySignature) {
        URI uri = resolver.parse(url);
        List<String> types = validateEvents(events);
        requireReadable(types, readScopes);
        String desc = validateDescription(description);
        String secret = Signatures.newSecret();
        boolean legacy = legacySignature == null || legacySignature;
        return requireDeliveriesAllowed(org)
                .chain(() -> resolver.resolve(uri))
                .chain(target -> store(org, readScopes, creator, uri, types, desc, legacy, secret)).map(e -> new Created(e, secret));
    }

    /**
     * 403 while the organization's plan has no API access (its deliveries are held): no endpoint may be created or
     * enabled, and no test or redelivery queued, until the plan includes API access again.
     */
    Uni<Void> requireDeliveriesAllowed(String org) {
        return access.pausedPlan(org).chain(plan -> plan == null ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(ApiException.forbidden("Webhook deliveries are paused: the organization's plan (" + plan
                        + ") has no API access. Endpoints cannot be created or enabled, nor deliveries sent, until the plan includes API access")));
    }

    @WithTransaction
    Uni<Endpoint> store(String org, List<String> readScopes, Creator creator, URI uri, List<String> types, String description,
                        boolean legacySignature, String secret) {
        return endpoints.count(org).chain(n -> {
            if (n >= config.maxEndpointsPerOrganization()) {
                return Uni.createFrom().failure(ApiException.forbidden("An organization can have at most "
                        + config.maxEndpointsPerOrganization() + " webhook endpoints"));
            }
            Endpoint endpoint = new Endpoint();
            endpoint.id = Ids.newId("whk");
            endpoint.organizationId = org;
            endpoint.url = uri.toString();
            endpoint.description = description;
            endpoint.events = types;
            endpoint.readScopes = readScopes;
            stamp(endpoint, creator);
            endpoint.legacySignature = legacySignature;
            endpoint.secret = secrets.seal(secret);
            endpoint.secretKeyId = secrets.activeKeyId();
            return endpoints.persist(endpoint);
        });
    }

    @WithSession
    public Uni<Endpoint> get(String org, String id) {
        return endpoints.findById(org, id).onItem().ifNull().failWith(() -> ApiException.notFound("Webhook endpoint"));
    }

    /**
     * A change of {@code url} or {@code events} decides anew where the organization's events go, so the endpoint
     * then records the caller's {@code readScopes} instead of its creator's, and every type it subscribes to
     * (the new list, or the kept one when only the URL changes) must be readable with them: whoever points an
     * endpoint somewhere receives no more there than they could read themselves.
     */
    public Uni<Endpoint> update(String org, List<String> readScopes, Creator creator, String id, String url, boolean urlSet, List<String> events,
                                boolean eventsSet, String description, boolean descriptionSet, Boolean legacySignature) {
        // the new address is checked (DNS) before the transaction, so no connection waits on a lookup
        Uni<URI> checked = urlSet ? Uni.createFrom().item(resolver.parse(url)).call(resolver::resolve) : Uni.createFrom().nullItem();
        List<String> types = eventsSet ? validateEvents(events) : null;
        if (eventsSet) {
            requireReadable(types, readScopes);
        }
        String desc = descriptionSet ? validateDescription(description) : null;
        return checked.chain(uri -> change(org, readScopes, creator, id, uri, types, eventsSet, desc, descriptionSet, legacySignature));
    }

    @WithTransaction
    Uni<Endpoint> change(String org, List<String> readScopes, Creator creator, String id, URI uri, List<String> types, boolean eventsSet, String description,
                         boolean descriptionSet, Boolean legacySignature) {
        return get(org, id).invoke(endpoint -> {
            if (uri != null || eventsSet) {
                requireReadable(eventsSet ? types : endpoint.events, readScopes);
                endpoint.readScopes = readScopes;
            }
            if (uri != null) {
                // whoever chooses where the events go answers for the endpoint from now on
                endpoint.url = uri.toString();
                stamp(endpoint, creator);
            }
            if (eventsSet) {
                endpoint.events = types;
            }
            if (descriptionSet) {
                endpoint.description = description;
            }
            if (legacySignature != null) {
                endpoint.legacySignature = legacySignature;
            }
        });
    }

    @WithTransaction
    public Uni<Void> delete(String org, String id) {
        return endpoints.deleteById(org, id).chain(deleted -> deleted ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(ApiException.notFound("Webhook endpoint")));
    }

    /** A new secret, shown once; the previous one keeps signing beside it for the overlap period. */
    @WithTransaction
    public Uni<Created> rotate(String org, String id) {
        String secret = Signatures.newSecret();
        return get(org, id).map(endpoint -> {
            // both secrets are kept under the active key: the previous one is sealed again if an older key sealed it
            endpoint.previousSecret = secrets.needsReseal(endpoint.secret) ? secrets.seal(secrets.open(endpoint.id, endpoint.secret))
                    : endpoint.secret;
            endpoint.previousSecretUntil = OffsetDateTime.now(ZoneOffset.UTC).plus(config.rotationOverlap());
            endpoint.secret = secrets.seal(secret);
            endpoint.secretKeyId = secrets.activeKeyId();
            return new Created(endpoint, secret);
        });
    }

    /**
     * Re-enables a paused or disabled endpoint; its pending deliveries become due at once, in the same transaction.
     * An endpoint disabled because its creator was removed is taken over by the caller: it records the caller as its
     * creator and the caller's read scopes (which must read its subscriptions, as for a re-pointing {@code PATCH}).
     */
    public Uni<Endpoint> enable(String org, List<String> readScopes, Creator creator, String id) {
        return requireDeliveriesAllowed(org).chain(() -> reactivate(org, readScopes, creator, id)).invoke(dispatcher::wake);
    }

    @WithTransaction
    Uni<Endpoint> reactivate(String org, List<String> readScopes, Creator creator, String id) {
        return get(org, id).call(endpoint -> {
            if (Endpoint.CREATOR_REMOVED.equals(endpoint.statusReason)) {
                requireReadable(endpoint.events, readScopes);
                endpoint.readScopes = readScopes;
                stamp(endpoint, creator);
            }
            endpoint.status = EndpointStatus.ACTIVE;
            endpoint.statusReason = null;
            endpoint.consecutiveFailures = 0;
            return deliveries.makePendingDueNow(endpoint.id);
        });
    }

    private static void stamp(Endpoint endpoint, Creator creator) {
        endpoint.creatorUserId = creator == null ? null : creator.userId();
        endpoint.creatorKeyPrefix = creator == null ? null : creator.keyPrefix();
    }

    /** Stops deliveries to the endpoint; nothing new is queued for it until it is enabled again. */
    @WithTransaction
    public Uni<Endpoint> disable(String org, String id) {
        return get(org, id).invoke(endpoint -> {
            endpoint.status = EndpointStatus.DISABLED;
            endpoint.statusReason = Endpoint.DISABLED_BY_USER;
        });
    }

    /** Queues a {@code webhook.test} event for this endpoint alone. */
    public Uni<String> sendTest(String org, String id) {
        return requireDeliveriesAllowed(org).chain(() -> get(org, id)).chain(endpoint -> {
            EventEnvelope event = Events.envelope(mapper, Events.WEBHOOK_TEST, org, new WebhookTest(TEST_MESSAGE));
            String payload = PublicEvents.payload(mapper, event);
            return deliveries.insertOne(org, endpoint.id, UUID.fromString(event.id()), event.type(), payload, TraceParent.current())
                    .invoke(dispatcher::wake)
                    .replaceWith(event.id());
        });
    }

    /** Puts one of the endpoint's deliveries back in the queue, due now. */
    public Uni<Delivery> redeliver(String org, String id, String deliveryId) {
        return requireDeliveriesAllowed(org).chain(() -> get(org, id)).chain(endpoint -> deliveries.redeliver(org, id, deliveryId))
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

    /**
     * Refuses (403, naming the type and the scope) a subscription to a type that {@code readScopes} cannot read.
     * An empty list ({@code *}) needs nothing: it means every type they can read, at least {@code webhook.test}.
     */
    static void requireReadable(List<String> types, List<String> readScopes) {
        for (String type : types) {
            if (!EventAccess.canRead(readScopes, type)) {
                List<String> needed = EventAccess.readableWith(type);
                throw ApiException.forbidden("events: '" + type + "' needs the scope " + String.join(" or ", needed)
                        + (needed.contains(EventAccess.KEYS_READ) ? " (dashboard sessions only)" : "")
                        + ", which the caller lacks; subscribe with a key or session that can read it");
            }
        }
    }

    static String validateDescription(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw ApiException.validation("description: at most " + MAX_DESCRIPTION + " characters");
        }
        return description;
    }
}
