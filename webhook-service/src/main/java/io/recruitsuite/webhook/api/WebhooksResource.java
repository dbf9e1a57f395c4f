package io.recruitsuite.webhook.api;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import io.recruitsuite.common.api.Envelope;
import io.recruitsuite.common.api.KnownFields;
import io.recruitsuite.common.api.PageMeta;
import io.recruitsuite.webhook.delivery.DeliveryStatus;
import io.recruitsuite.webhook.endpoints.EndpointStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.events.EventAccess;
import io.recruitsuite.common.security.Caller;
import io.recruitsuite.common.security.InternalToken;
import io.recruitsuite.common.security.Scopes;
import io.recruitsuite.webhook.WebhooksConfig;
import io.recruitsuite.webhook.delivery.Delivery;
import io.recruitsuite.webhook.delivery.DeliveryRepository;
import io.recruitsuite.webhook.endpoints.Endpoint;
import io.recruitsuite.webhook.endpoints.EndpointService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhooksResource {

    @Inject
    WebhooksConfig config;
    @Inject
    Caller caller;
    @Inject
    EndpointService service;
    @Inject
    DeliveryRepository deliveries;

    /** {@code readScopes}: the read scopes recorded for the endpoint; it receives only what they can read (docs/webhooks.md). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EndpointView(String id, String url, String description, List<String> events, EndpointStatus status,
                               String statusReason, boolean legacySignature, List<String> readScopes, CreatorView createdBy,
                               OffsetDateTime createdAt, OffsetDateTime updatedAt, String secret) {
        static EndpointView of(Endpoint e, String secret) {
            CreatorView creator = e.creatorUserId == null && e.creatorKeyPrefix == null ? null
                    : new CreatorView(e.creatorUserId, e.creatorKeyPrefix);
            return new EndpointView(e.id, e.url, e.description, e.events.isEmpty() ? List.of("*") : e.events, e.status,
                    e.statusReason, e.legacySignature, e.readScopes, creator, e.createdAt, e.updatedAt, secret);
        }
    }

    /** Who set the endpoint up: a dashboard user ({@code userId}) or an API key ({@code keyPrefix}); absent when unknown. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CreatorView(String userId, String keyPrefix) {
    }

    /** The caller as an endpoint it creates, re-points or takes over records it. */
    private EndpointService.Creator creator() {
        return InternalToken.AUTH_SESSION.equals(caller.authMethod()) ? new EndpointService.Creator(caller.userId(), null)
                : new EndpointService.Creator(null, caller.keyPrefix());
    }

    /** The caller's read scopes, as an endpoint it creates or re-points records them. */
    private List<String> readScopes() {
        return EventAccess.readScopesOf(caller.scopes(), InternalToken.AUTH_SESSION.equals(caller.authMethod()));
    }

    /** What a PATCH may change; anything else in its body is refused, not ignored. */
    private static final Set<String> PATCHABLE = Set.of("url", "events", "description", "legacySignature");

    /** {@code legacySignature}: false stops the legacy X-Webhook-Signature header (default true, as seed 000 receivers expect). */
    public record CreateEndpoint(String url, List<String> events, String description, Boolean legacySignature) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.WEBHOOKS_WRITE)
    public Uni<RestResponse<Envelope<EndpointView>>> create(CreateEndpoint body) {
        if (body == null) {
            throw ApiException.validation("Request body is required");
        }
        return service.create(caller.organizationId(), readScopes(), creator(), body.url(), body.events(), body.description(), body.legacySignature())
                .map(c -> RestResponse.status(Response.Status.CREATED, Envelope.of(EndpointView.of(c.endpoint(), c.secret()))));
    }

    @GET
    @RolesAllowed(Scopes.WEBHOOKS_READ)
    public Uni<Envelope<List<EndpointView>>> list(@QueryParam("page") String page, @QueryParam("limit") String limit) {
        Page p = Page.parse(page, limit, config.defaultPageLimit(), config.maxPageLimit());
        String org = caller.organizationId();
        return service.page(org, p.offset(), p.limit()).map(found -> Envelope.of(found.items().stream().map(e -> EndpointView.of(e, null)).toList(),
                PageMeta.pages(p.page(), p.limit(), found.total())));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Scopes.WEBHOOKS_READ)
    public Uni<Envelope<EndpointView>> get(@PathParam("id") String id) {
        return service.get(caller.organizationId(), id).map(e -> Envelope.of(EndpointView.of(e, null)));
    }

    /**
     * What a PATCH body looks like, for the OpenAPI document only: the body is read as a JSON tree (an absent field differs
     * from null), so this record is never deserialized.
     */
    @Schema(name = "WebhookChanges", description = "PATCH /webhooks/{id}: only the fields given change; a new url or events list is "
            + "checked against the caller's read scopes as at creation")
    public record WebhookChanges(
            @Schema(format = "uri", description = "an https URL (http only where the deployment allows it) whose host does not resolve to a private address")
            String url,
            @Schema(nullable = true, description = "the event types to receive; null, empty or [\"*\"] means every public type the "
                    + "endpoint's read scopes can read") List<String> events,
            @Schema(nullable = true, maxLength = EndpointService.MAX_DESCRIPTION) String description,
            @Schema(description = "false stops the legacy X-Webhook-Signature header") Boolean legacySignature) {
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.WEBHOOKS_WRITE)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = WebhookChanges.class)))
    public Uni<Envelope<EndpointView>> update(@PathParam("id") String id, JsonNode body) {
        if (!(body instanceof ObjectNode patch)) {
            throw ApiException.validation("Request body must be a JSON object");
        }
        KnownFields.require(patch, PATCHABLE);
        List<String> events = null;
        if (patch.hasNonNull("events")) {
            if (!patch.get("events").isArray()) {
                throw ApiException.validation("events: must be an array of event types");
            }
            events = new ArrayList<>();
            for (JsonNode n : patch.get("events")) {
                if (!n.isTextual()) {
                    throw ApiException.validation("events: must be an array of event types");
                }
                events.add(n.textValue());
            }
        }
        Boolean legacySignature = null;
        if (patch.has("legacySignature")) {
            if (!patch.get("legacySignature").isBoolean()) {
                throw ApiException.validation("legacySignature: must be true or false");
            }
            legacySignature = patch.get("legacySignature").booleanValue();
        }
        return service.update(caller.organizationId(), readScopes(), creator(), id, text(patch, "url"), patch.has("url"), events, patch.has("events"),
                        text(patch, "description"), patch.has("description"), legacySignature)
                .map(e -> Envelope.of(EndpointView.of(e, null)));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Scopes.WEBHOOKS_WRITE)
    public Uni<RestResponse<Void>> delete(@PathParam("id") String id) {
        return service.delete(caller.organizationId(), id).map(v -> RestResponse.noContent());
    }

    @POST
    @Path("/{id}/rotate-secret")
    @RolesAllowed(Scopes.WEBHOOKS_WRITE)
    public Uni<Envelope<EndpointView>> rotate(@PathParam("id") String id) {
        return service.rotate(caller.organizationId(), id).map(c -> Envelope.of(EndpointView.of(c.endpoint(), c.secret())));
    }

    @POST
    @Path("/{id}/enable")
    @RolesAllowed(Scopes.WEBHOOKS_WRITE)
    public Uni<Envelope<EndpointView>> enable(@PathParam("id") String id) {
        return service.enable(caller.organizationId(), readScopes(), creator(), id).map(e -> Envelope.of(EndpointView.of(e, null)));
    }

    @POST
    @Path("/{id}/disable")
    @RolesAllowed(Scopes.WEBHOOKS_WRITE)
    public Uni<Envelope<EndpointView>> disable(@PathParam("id") String id) {
        return service.disable(caller.organizationId(), id).map(e -> Envelope.of(EndpointView.of(e, null)));
    }

    @POST
    @Path("/{id}/test")
    @RolesAllowed(Scopes.WEBHOOKS_WRITE)
    public Uni<RestResponse<Envelope<Map<String, String>>>> test(@PathParam("id") String id) {
        return service.sendTest(caller.organizationId(), id)
                .map(eventId -> RestResponse.status(Response.Status.ACCEPTED, Envelope.of(Map.of("eventId", eventId, "type", "webhook.test"))));
    }

    /**
     * {@code payload} (the body as it was signed and sent) appears only when one delivery is asked for, and only to a
     * caller that can read everything the endpoint can ({@code payloadWithheld} says when it was held back).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeliveryView(String id, String eventId, String eventType, DeliveryStatus status, int attempts, Integer lastStatus,
                               OffsetDateTime createdAt, OffsetDateTime nextAttemptAt, OffsetDateTime deliveredAt,
                               List<DeliveryRepository.Attempt> attemptLog, String payload, Boolean payloadWithheld) {
        static DeliveryView of(Delivery d, List<DeliveryRepository.Attempt> attempts) {
            return new DeliveryView(d.id(), d.eventId().toString(), d.eventType(), d.status(), d.attempts(), d.lastStatus(),
                    d.createdAt(), d.status() == DeliveryStatus.PENDING ? d.nextAttemptAt() : null, d.deliveredAt(), attempts,
                    null, null);
        }

        DeliveryView withPayload(String sent, boolean readable) {
            return new DeliveryView(id, eventId, eventType, status, attempts, lastStatus, createdAt, nextAttemptAt, deliveredAt,
                    attemptLog, readable ? sent : null, readable ? null : Boolean.TRUE);
        }
    }

    @GET
    @Path("/{id}/deliveries/{deliveryId}")
    @RolesAllowed(Scopes.WEBHOOKS_READ)
    public Uni<Envelope<DeliveryView>> delivery(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        String org = caller.organizationId();
        List<String> callerCanRead = readScopes();
        return service.get(org, id).chain(endpoint -> deliveries.findForEndpoint(org, id, deliveryId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Delivery"))
                .chain(d -> deliveries.attempts(org, List.of(d.id()))
                        .map(attempts -> Envelope.of(DeliveryView.of(d, attempts)
                                .withPayload(d.payload(), callerCanRead.containsAll(endpoint.readScopes))))));
    }

    @GET
    @Path("/{id}/deliveries")
    @RolesAllowed(Scopes.WEBHOOKS_READ)
    public Uni<Envelope<List<DeliveryView>>> deliveries(@PathParam("id") String id, @QueryParam("page") String page,
                                                 @QueryParam("limit") String limit) {
        Page p = Page.parse(page, limit, config.defaultPageLimit(), config.maxPageLimit());
        String org = caller.organizationId();
        return service.get(org, id).chain(endpoint -> deliveries.listForEndpoint(org, id, p.offset(), p.limit()))
                .chain(list -> deliveries.attempts(org, list.stream().map(Delivery::id).toList())
                        .chain(attempts -> deliveries.countForEndpoint(org, id).map(total -> {
                            List<DeliveryView> views = list.stream().map(d -> DeliveryView.of(d, attempts.stream()
                                    .filter(a -> a.deliveryId().equals(d.id())).toList())).toList();
                            return Envelope.of(views, PageMeta.pages(p.page(), p.limit(), total));
                        })));
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @RolesAllowed(Scopes.WEBHOOKS_WRITE)
    public Uni<RestResponse<Envelope<Map<String, String>>>> redeliver(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        return service.redeliver(caller.organizationId(), id, deliveryId)
                .map(d -> RestResponse.status(Response.Status.ACCEPTED, Envelope.of(Map.of("id", d.id(), "status", d.status().wire()))));
    }

    private static String text(ObjectNode patch, String field) {
        JsonNode v = patch.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.validation(field + ": must be a string");
        }
        return v.textValue();
    }
}
