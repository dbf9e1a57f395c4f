package io.recruitsuite.webhook.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recruitsuite.common.api.Envelope;
import io.recruitsuite.common.api.PageMeta;
import io.recruitsuite.common.events.EventAccess;
import io.recruitsuite.common.security.Caller;
import io.recruitsuite.common.security.InternalToken;
import io.recruitsuite.common.security.Scopes;
import io.recruitsuite.webhook.WebhooksConfig;
import io.recruitsuite.webhook.history.EventHistory;
import io.recruitsuite.webhook.history.HistoryEntry;
import io.recruitsuite.webhook.history.HistoryQuery;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/v1/events}: the organization's public events of the last 30 days, oldest first, as
 * webhooks deliver them, so an integrator that missed deliveries can catch up (docs/events.md).
 */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

    @Inject
    WebhooksConfig config;
    @Inject
    Caller caller;
    @Inject
    EventHistory history;
    @Inject
    ObjectMapper mapper;

    @GET
    @RolesAllowed(Scopes.EVENTS_READ)
    @Operation(operationId = "listEvents", summary = "The organization's event history",
            description = "Public events of the last 30 days, oldest first, each exactly as a webhook delivers it; only the types "
                    + "the key's scopes can read, without contact details unless it holds candidates:read. Cursor pages.")
    // the events are relayed as stored (JSON trees): the contract names their fields
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventHistoryPage.class)))
    public Uni<Envelope<List<JsonNode>>> list(
            @Parameter(description = "Event types to list (repeat or comma-separate); all readable types when absent")
            @QueryParam("type") List<String> type,
            @Parameter(description = "Earliest time, ISO-8601 with offset (inclusive)") @QueryParam("from") String from,
            @Parameter(description = "Latest time, ISO-8601 with offset (exclusive)") @QueryParam("to") String to,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Events per page, 1 to 100") @QueryParam("limit") String limit) {
        List<String> readScopes = EventAccess.readScopesOf(caller.scopes(), InternalToken.AUTH_SESSION.equals(caller.authMethod()));
        HistoryQuery query = HistoryQuery.of(type, from, to, cursor, limit, readScopes, config.history().retention(),
                config.defaultPageLimit(), config.maxPageLimit(), OffsetDateTime.now(ZoneOffset.UTC));
        return history.page(caller.organizationId(), query.types(), query.from(), query.to(), query.after(), query.limit() + 1)
                .map(rows -> {
                    boolean more = rows.size() > query.limit();
                    List<HistoryEntry> page = more ? rows.subList(0, query.limit()) : rows;
                    List<JsonNode> events = new ArrayList<>(page.size());
                    for (HistoryEntry e : page) {
                        events.add(json(query.contact() ? e.payload() : e.payloadWithoutContact()));
                    }
                    String next = more ? page.get(page.size() - 1).cursor() : null;
                    return Envelope.of(events, PageMeta.cursor(query.limit(), next, more));
                });
    }

    private JsonNode json(String payload) {
        try {
            return mapper.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
