package io.recruitsuite.candidate.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.recruitsuite.common.api.Envelope;
import com.fasterxml.jackson.databind.JsonNode;
import io.recruitsuite.candidate.api.HiringViews.ApplicationView;
import io.recruitsuite.candidate.api.HiringViews.StageView;
import io.recruitsuite.candidate.applications.ApplicationService;
import io.recruitsuite.candidate.applications.PiiRedaction;
import io.recruitsuite.candidate.paging.PageRequest;
import io.recruitsuite.candidate.paging.PagingConfig;
import io.recruitsuite.candidate.pipeline.PipelineService;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.security.Caller;
import io.recruitsuite.common.security.Scopes;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The pipeline paths of the seed: stages, who is at a stage, and moving a candidate. */
@Path("/api/v1/pipeline")
@Produces(MediaType.APPLICATION_JSON)
public class PipelineResource {

    @Inject
    Caller caller;
    @Inject
    PipelineService pipeline;
    @Inject
    ApplicationService applications;
    @Inject
    PagingConfig paging;

    /** {@code {"stageId": "stg_…"}}; a non-string id would be coerced by Jackson, so it is read as JSON. */
    @Schema(name = "MoveBody", description = "The stage to move to")
    public record MoveBody(@Schema(implementation = String.class, required = true, description = "stg_…: the stage to move to, of the job applied to")
                           JsonNode stageId) {
    }

    @GET
    @Path("/stages")
    @RolesAllowed(Scopes.PIPELINE_READ)
    public Uni<Envelope<List<StageView>>> stages(@QueryParam("jobId") String jobId) {
        return pipeline.stages(caller.organizationId(), jobId).map(s -> Envelope.of(s.stream().map(StageView::of).toList()));
    }

    @GET
    @Path("/stages/{stageId}/candidates")
    @RolesAllowed(Scopes.PIPELINE_READ)
    public Uni<Envelope<List<ApplicationView>>> atStage(@PathParam("stageId") String stageId, @QueryParam("page") String page,
                                                        @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        PageRequest request = PageRequest.parse(page, limit, cursor, paging);
        boolean contact = PiiRedaction.showsContact(caller.scopes());
        return pipeline.atStage(caller.organizationId(), null, stageId, request)
                .map(l -> l.map(d -> ApplicationView.of(d, contact)).envelope(request));
    }

    /** Moves the candidate's application for the target stage's job. */
    @PUT
    @Path("/candidates/{candidateId}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.PIPELINE_WRITE)
    public Uni<Envelope<ApplicationView>> moveCandidate(@PathParam("candidateId") String candidateId, MoveBody body) {
        boolean contact = PiiRedaction.showsContact(caller.scopes());
        return applications.moveCandidate(caller.organizationId(), candidateId, stageId(body))
                .map(d -> Envelope.of(ApplicationView.of(d, contact)));
    }

    @POST
    @Path("/candidates/{candidateId}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.PIPELINE_WRITE)
    public Uni<Envelope<ApplicationView>> moveCandidatePost(@PathParam("candidateId") String candidateId, MoveBody body) {
        return moveCandidate(candidateId, body);
    }

    @POST
    @Path("/applications/{id}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.PIPELINE_WRITE)
    public Uni<Envelope<ApplicationView>> moveApplication(@PathParam("id") String id, MoveBody body) {
        boolean contact = PiiRedaction.showsContact(caller.scopes());
        return applications.move(caller.organizationId(), id, stageId(body)).map(d -> Envelope.of(ApplicationView.of(d, contact)));
    }

    static String stageId(MoveBody body) {
        if (body == null || body.stageId() == null || body.stageId().isNull()) {
            throw ApiException.validation("stageId: required");
        }
        if (!body.stageId().isTextual()) {
            throw ApiException.validation("stageId: must be a string");
        }
        return body.stageId().textValue();
    }
}
