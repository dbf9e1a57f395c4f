package io.recruitsuite.candidate.api;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recruitsuite.candidate.api.WorkflowViews.InterviewView;
import io.recruitsuite.candidate.api.WorkflowViews.ScorecardView;
import io.recruitsuite.candidate.interviews.InterviewService;
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

/** Interviews of applications and their scorecards; the candidate appears by id only. */
@Path("/api/v1/interviews")
@Produces(MediaType.APPLICATION_JSON)
public class InterviewsResource {

    @Inject
    Caller caller;
    @Inject
    InterviewService interviews;
    @Inject
    PagingConfig paging;

    @GET
    @RolesAllowed(Scopes.INTERVIEWS_READ)
    public Uni<Envelope<List<InterviewView>>> list(@QueryParam("applicationId") String applicationId,
                                                   @QueryParam("candidateId") String candidateId, @QueryParam("jobId") String jobId,
                                                   @QueryParam("from") String from, @QueryParam("to") String to,
                                                   @QueryParam("status") String status, @QueryParam("page") String page,
                                                   @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        PageRequest request = PageRequest.parse(page, limit, cursor, paging);
        var filter = InterviewService.filter(applicationId, candidateId, jobId, JsonFields.time("from", from), JsonFields.time("to", to), status);
        return interviews.list(caller.organizationId(), filter, request).map(l -> l.map(InterviewView::of).envelope(request));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.INTERVIEWS_WRITE)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RequestBodies.NewInterview.class)))
    public Uni<RestResponse<Envelope<InterviewView>>> create(JsonNode json) {
        ObjectNode body = JsonFields.object(json, INTERVIEW_FIELDS);
        return interviews.create(caller.organizationId(), input(body))
                .map(i -> RestResponse.status(Response.Status.CREATED, Envelope.of(InterviewView.of(i))));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Scopes.INTERVIEWS_READ)
    public Uni<Envelope<InterviewView>> get(@PathParam("id") String id) {
        return interviews.get(caller.organizationId(), id).map(i -> Envelope.of(InterviewView.of(i)));
    }

    /** A reschedule: time, length, interviewers, kind, place. */
    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.INTERVIEWS_WRITE)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RequestBodies.InterviewChanges.class)))
    public Uni<Envelope<InterviewView>> update(@PathParam("id") String id, JsonNode json) {
        ObjectNode body = JsonFields.object(json, INTERVIEW_FIELDS);
        if (body.has("applicationId")) {
            throw ApiException.validation("applicationId: an interview stays with its application; cancel it and schedule another");
        }
        InterviewService.Changes changes = new InterviewService.Changes(input(body), body.has("kind"), body.has("startsAt"),
                body.has("durationMinutes"), body.has("interviewers"), body.has("location"), body.has("videoUrl"), body.has("agentId"));
        return interviews.reschedule(caller.organizationId(), id, changes).map(i -> Envelope.of(InterviewView.of(i)));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @RolesAllowed(Scopes.INTERVIEWS_WRITE)
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = RequestBodies.InterviewCancellation.class)))
    public Uni<Envelope<InterviewView>> cancel(@PathParam("id") String id, JsonNode json) {
        // the body is optional: a bare POST cancels without a reason
        String reason = json == null || json.isNull() || json.isMissingNode() ? null : JsonFields.text(JsonFields.object(json, "reason"), "reason");
        return interviews.cancel(caller.organizationId(), id, reason).map(i -> Envelope.of(InterviewView.of(i)));
    }

    /** 201 for an interviewer's first scorecard, 200 when it revises theirs. */
    @POST
    @Path("/{id}/scorecards")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.INTERVIEWS_WRITE)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RequestBodies.NewScorecard.class)))
    public Uni<RestResponse<Envelope<ScorecardView>>> submit(@PathParam("id") String id, JsonNode json) {
        ObjectNode body = JsonFields.object(json, "interviewer", "recommendation", "ratings", "notes");
        return interviews.submit(caller.organizationId(), id, JsonFields.text(body, "interviewer"), JsonFields.text(body, "recommendation"),
                        JsonFields.ratings(body), JsonFields.text(body, "notes"))
                .map(s -> RestResponse.status(s.created() ? Response.Status.CREATED : Response.Status.OK,
                        Envelope.of(ScorecardView.of(s.scorecard()))));
    }

    @GET
    @Path("/{id}/scorecards")
    @RolesAllowed(Scopes.INTERVIEWS_READ)
    public Uni<Envelope<List<ScorecardView>>> scorecards(@PathParam("id") String id) {
        return interviews.scorecards(caller.organizationId(), id).map(s -> Envelope.of(s.stream().map(ScorecardView::of).toList()));
    }

    /** What an interview body may hold (applicationId only when scheduling; a PATCH naming it gets its own message). */
    private static final String[] INTERVIEW_FIELDS = {"applicationId", "kind", "startsAt", "durationMinutes", "interviewers", "location", "videoUrl", "agentId"};

    private static InterviewService.NewInterview input(ObjectNode body) {
        return new InterviewService.NewInterview(JsonFields.text(body, "applicationId"), JsonFields.text(body, "kind"),
                JsonFields.time(body, "startsAt"), JsonFields.integer(body, "durationMinutes"), JsonFields.strings(body, "interviewers"),
                JsonFields.text(body, "location"), JsonFields.text(body, "videoUrl"), JsonFields.text(body, "agentId"));
    }
}
