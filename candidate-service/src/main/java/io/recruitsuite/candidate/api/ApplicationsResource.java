package io.recruitsuite.candidate.api;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import io.recruitsuite.common.api.Envelope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recruitsuite.candidate.api.HiringViews.ApplicationView;
import io.recruitsuite.candidate.applications.ApplicationFilter;
import io.recruitsuite.candidate.applications.ApplicationService;
import io.recruitsuite.candidate.applications.PiiRedaction;
import io.recruitsuite.candidate.paging.PageRequest;
import io.recruitsuite.candidate.paging.PagingConfig;
import io.recruitsuite.common.security.Caller;
import io.recruitsuite.common.security.Scopes;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

@Path("/api/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationsResource {

    @Inject
    Caller caller;
    @Inject
    ApplicationService applications;
    @Inject
    PagingConfig paging;


    @GET
    @RolesAllowed(Scopes.APPLICATIONS_READ)
    public Uni<Envelope<List<ApplicationView>>> list(@QueryParam("jobId") String jobId, @QueryParam("candidateId") String candidateId,
                                                     @QueryParam("status") String status, @QueryParam("page") String page,
                                                     @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        PageRequest request = PageRequest.parse(page, limit, cursor, paging);
        ApplicationFilter filter = ApplicationFilter.parse(jobId, candidateId, status);
        boolean contact = PiiRedaction.showsContact(caller.scopes());
        return applications.list(caller.organizationId(), filter, request)
                .map(l -> l.map(d -> ApplicationView.of(d, contact)).envelope(request));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.APPLICATIONS_WRITE)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RequestBodies.NewApplication.class)))
    public Uni<RestResponse<Envelope<ApplicationView>>> create(JsonNode json) {
        ObjectNode body = JsonFields.object(json, "candidateId", "jobId", "stageId");
        boolean contact = PiiRedaction.showsContact(caller.scopes());
        return applications.create(caller.organizationId(), JsonFields.text(body, "candidateId"), JsonFields.text(body, "jobId"),
                        JsonFields.text(body, "stageId"))
                .map(d -> RestResponse.status(Response.Status.CREATED, Envelope.of(ApplicationView.of(d, contact))));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Scopes.APPLICATIONS_READ)
    public Uni<Envelope<ApplicationView>> get(@PathParam("id") String id) {
        boolean contact = PiiRedaction.showsContact(caller.scopes());
        return applications.get(caller.organizationId(), id).map(d -> Envelope.of(ApplicationView.of(d, contact)));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @RolesAllowed(Scopes.APPLICATIONS_WRITE)
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = RequestBodies.Rejection.class)))
    public Uni<Envelope<ApplicationView>> reject(@PathParam("id") String id, JsonNode json) {
        // the body is optional: a bare POST rejects without a reason
        String reason = json == null || json.isNull() || json.isMissingNode() ? null : JsonFields.text(JsonFields.object(json, "reason"), "reason");
        boolean contact = PiiRedaction.showsContact(caller.scopes());
        return applications.reject(caller.organizationId(), id, reason)
                .map(d -> Envelope.of(ApplicationView.of(d, contact)));
    }

    /**
     * Moving is a pipeline operation, but an integration that manages applications may do it too;
     * the gateway asks for applications:write on this path.
     */
    @POST
    @Path("/{id}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Scopes.PIPELINE_WRITE, Scopes.APPLICATIONS_WRITE})
    public Uni<Envelope<ApplicationView>> move(@PathParam("id") String id, PipelineResource.MoveBody body) {
        boolean contact = PiiRedaction.showsContact(caller.scopes());
        return applications.move(caller.organizationId(), id, PipelineResource.stageId(body))
                .map(d -> Envelope.of(ApplicationView.of(d, contact)));
    }
}
