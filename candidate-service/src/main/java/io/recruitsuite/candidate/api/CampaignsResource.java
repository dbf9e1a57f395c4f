package io.recruitsuite.candidate.api;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recruitsuite.candidate.api.WorkflowViews.CampaignView;
import io.recruitsuite.candidate.campaigns.CampaignService;
import io.recruitsuite.candidate.paging.PageRequest;
import io.recruitsuite.candidate.paging.PagingConfig;
import io.recruitsuite.common.api.Envelope;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/** Campaigns (seed 001's hiring processes): hiring drives grouping jobs, with the pipeline template their new jobs start from. */
@Path("/api/v1/campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignsResource {

    /** What a campaign body may hold. */
    private static final String[] FIELDS = {"name", "status", "startsAt", "endsAt", "pipelineTemplate"};
    /** What the body adding a job may hold. */
    private static final String[] JOB_FIELDS = {"jobId"};

    @Inject
    Caller caller;
    @Inject
    CampaignService campaigns;
    @Inject
    PagingConfig paging;

    @GET
    @RolesAllowed(Scopes.CAMPAIGNS_READ)
    public Uni<Envelope<List<CampaignView>>> list(@QueryParam("status") String status, @QueryParam("page") String page,
                                                  @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        PageRequest request = PageRequest.parse(page, limit, cursor, paging);
        String filter = CampaignService.status(status);
        return campaigns.list(caller.organizationId(), filter, request).map(l -> l.map(CampaignView::of).envelope(request));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.CAMPAIGNS_WRITE)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RequestBodies.NewCampaign.class)))
    public Uni<RestResponse<Envelope<CampaignView>>> create(JsonNode json) {
        return campaigns.create(caller.organizationId(), values(JsonFields.object(json, FIELDS)))
                .map(c -> RestResponse.status(Response.Status.CREATED, Envelope.of(CampaignView.of(c))));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Scopes.CAMPAIGNS_READ)
    public Uni<Envelope<CampaignView>> get(@PathParam("id") String id) {
        return campaigns.get(caller.organizationId(), id).map(c -> Envelope.of(CampaignView.of(c)));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.CAMPAIGNS_WRITE)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RequestBodies.CampaignChanges.class)))
    public Uni<Envelope<CampaignView>> update(@PathParam("id") String id, JsonNode json) {
        ObjectNode body = JsonFields.object(json, FIELDS);
        CampaignService.Changes changes = new CampaignService.Changes(values(body), body.has("name"), body.has("status"),
                body.has("startsAt"), body.has("endsAt"), body.has("pipelineTemplate"));
        return campaigns.update(caller.organizationId(), id, changes).map(c -> Envelope.of(CampaignView.of(c)));
    }

    /** Adds an existing job ({@code {"jobId": "job_…"}}); adding one already there changes nothing. */
    @POST
    @Path("/{id}/jobs")
    @Operation(operationId = "addCampaignJob", summary = "Add a job to a campaign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.CAMPAIGNS_WRITE)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RequestBodies.CampaignJob.class)))
    public Uni<Envelope<CampaignView>> addJob(@PathParam("id") String id, JsonNode json) {
        ObjectNode body = JsonFields.object(json, JOB_FIELDS);
        return campaigns.addJob(caller.organizationId(), id, JsonFields.text(body, "jobId")).map(c -> Envelope.of(CampaignView.of(c)));
    }

    /** Removes a job from the campaign; the job itself stays. */
    @DELETE
    @Path("/{id}/jobs/{jobId}")
    @Operation(operationId = "removeCampaignJob", summary = "Remove a job from a campaign")
    @RolesAllowed(Scopes.CAMPAIGNS_WRITE)
    public Uni<Envelope<CampaignView>> removeJob(@PathParam("id") String id, @PathParam("jobId") String jobId) {
        return campaigns.removeJob(caller.organizationId(), id, jobId).map(c -> Envelope.of(CampaignView.of(c)));
    }

    private static CampaignService.NewCampaign values(ObjectNode body) {
        return new CampaignService.NewCampaign(JsonFields.text(body, "name"), JsonFields.text(body, "status"),
                JsonFields.time(body, "startsAt"), JsonFields.time(body, "endsAt"), JsonFields.stages(body, "pipelineTemplate"));
    }
}
