package io.recruitsuite.candidate.api;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recruitsuite.candidate.api.WorkflowViews.AssessmentView;
import io.recruitsuite.candidate.assessments.AssessmentService;
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

/** Tests sent to applications (seed 001's "tests"), their progress and results as the provider's integration records them. */
@Path("/api/v1/assessments")
@Produces(MediaType.APPLICATION_JSON)
public class AssessmentsResource {

    /** What a body may hold (fields fixed at creation get their own message in a PATCH). */
    private static final String[] FIELDS = {"applicationId", "name", "provider", "dueAt", "status", "score", "passed", "reportUrl"};

    @Inject
    Caller caller;
    @Inject
    AssessmentService assessments;
    @Inject
    PagingConfig paging;

    @GET
    @RolesAllowed(Scopes.ASSESSMENTS_READ)
    public Uni<Envelope<List<AssessmentView>>> list(@QueryParam("applicationId") String applicationId,
                                                    @QueryParam("candidateId") String candidateId, @QueryParam("jobId") String jobId,
                                                    @QueryParam("status") String status, @QueryParam("page") String page,
                                                    @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        PageRequest request = PageRequest.parse(page, limit, cursor, paging);
        var filter = AssessmentService.filter(applicationId, candidateId, jobId, status);
        return assessments.list(caller.organizationId(), filter, request).map(l -> l.map(AssessmentView::of).envelope(request));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ASSESSMENTS_WRITE)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RequestBodies.NewAssessment.class)))
    public Uni<RestResponse<Envelope<AssessmentView>>> create(JsonNode json) {
        ObjectNode body = JsonFields.object(json, FIELDS);
        return assessments.create(caller.organizationId(), JsonFields.text(body, "applicationId"), input(body))
                .map(a -> RestResponse.status(Response.Status.CREATED, Envelope.of(AssessmentView.of(a))));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Scopes.ASSESSMENTS_READ)
    public Uni<Envelope<AssessmentView>> get(@PathParam("id") String id) {
        return assessments.get(caller.organizationId(), id).map(a -> Envelope.of(AssessmentView.of(a)));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ASSESSMENTS_WRITE)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RequestBodies.AssessmentChanges.class)))
    public Uni<Envelope<AssessmentView>> update(@PathParam("id") String id, JsonNode json) {
        ObjectNode body = JsonFields.object(json, FIELDS);
        if (body.has("applicationId")) {
            throw ApiException.validation("applicationId: an assessment stays with its application");
        }
        AssessmentService.Changes changes = new AssessmentService.Changes(input(body), body.has("name"), body.has("provider"),
                body.has("dueAt"), body.has("status"), body.has("score"), body.has("passed"), body.has("reportUrl"));
        return assessments.update(caller.organizationId(), id, changes).map(a -> Envelope.of(AssessmentView.of(a)));
    }

    private static AssessmentService.Input input(ObjectNode body) {
        return new AssessmentService.Input(JsonFields.text(body, "name"), JsonFields.text(body, "provider"), JsonFields.time(body, "dueAt"),
                JsonFields.text(body, "status"), JsonFields.integer(body, "score"), JsonFields.bool(body, "passed"),
                JsonFields.text(body, "reportUrl"));
    }
}
