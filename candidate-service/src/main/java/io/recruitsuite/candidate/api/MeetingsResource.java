package io.recruitsuite.candidate.api;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recruitsuite.candidate.api.WorkflowViews.MeetingView;
import io.recruitsuite.candidate.meetings.MeetingService;
import io.recruitsuite.candidate.paging.PageRequest;
import io.recruitsuite.candidate.paging.PagingConfig;
import io.recruitsuite.common.api.Envelope;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.security.Caller;
import io.recruitsuite.common.security.Scopes;
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

import java.util.List;

/** Meetings with candidates or prospects (seed 002's meetings); the person appears by id only. */
@Path("/api/v1/meetings")
@Produces(MediaType.APPLICATION_JSON)
public class MeetingsResource {

    /** What a body may hold (fields fixed at creation get their own message in a PATCH). */
    private static final String[] FIELDS = {"candidateId", "prospectId", "title", "startsAt", "endsAt", "attendees", "notes"};

    @Inject
    Caller caller;
    @Inject
    MeetingService meetings;
    @Inject
    PagingConfig paging;

    @GET
    @RolesAllowed(Scopes.MEETINGS_READ)
    public Uni<Envelope<List<MeetingView>>> list(@QueryParam("candidateId") String candidateId, @QueryParam("prospectId") String prospectId,
                                                 @QueryParam("attendee") String attendee, @QueryParam("from") String from,
                                                 @QueryParam("to") String to, @QueryParam("page") String page,
                                                 @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        PageRequest request = PageRequest.parse(page, limit, cursor, paging);
        var filter = meetings.filter(candidateId, prospectId, attendee, JsonFields.time("from", from), JsonFields.time("to", to));
        return meetings.list(caller.organizationId(), filter, request).map(l -> l.map(MeetingView::of).envelope(request));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.MEETINGS_WRITE)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RequestBodies.NewMeeting.class)))
    public Uni<RestResponse<Envelope<MeetingView>>> create(JsonNode json) {
        ObjectNode body = JsonFields.object(json, FIELDS);
        return meetings.create(caller.organizationId(), JsonFields.text(body, "candidateId"), JsonFields.text(body, "prospectId"), input(body))
                .map(m -> RestResponse.status(Response.Status.CREATED, Envelope.of(MeetingView.of(m))));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Scopes.MEETINGS_READ)
    public Uni<Envelope<MeetingView>> get(@PathParam("id") String id) {
        return meetings.get(caller.organizationId(), id).map(m -> Envelope.of(MeetingView.of(m)));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.MEETINGS_WRITE)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RequestBodies.MeetingChanges.class)))
    public Uni<Envelope<MeetingView>> update(@PathParam("id") String id, JsonNode json) {
        ObjectNode body = JsonFields.object(json, FIELDS);
        for (String fixed : List.of("candidateId", "prospectId")) {
            if (body.has(fixed)) {
                throw ApiException.validation(fixed + ": who a meeting is with is fixed when it is created");
            }
        }
        MeetingService.Changes changes = new MeetingService.Changes(input(body), body.has("title"), body.has("startsAt"), body.has("endsAt"),
                body.has("attendees"), body.has("notes"));
        return meetings.update(caller.organizationId(), id, changes).map(m -> Envelope.of(MeetingView.of(m)));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Scopes.MEETINGS_WRITE)
    public Uni<RestResponse<Void>> delete(@PathParam("id") String id) {
        return meetings.delete(caller.organizationId(), id).map(v -> RestResponse.noContent());
    }

    private static MeetingService.Input input(ObjectNode body) {
        return new MeetingService.Input(JsonFields.text(body, "title"), JsonFields.time(body, "startsAt"), JsonFields.time(body, "endsAt"),
                JsonFields.strings(body, "attendees"), JsonFields.text(body, "notes"));
    }
}
