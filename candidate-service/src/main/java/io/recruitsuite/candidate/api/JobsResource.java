package io.recruitsuite.candidate.api;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import io.recruitsuite.common.api.Envelope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recruitsuite.candidate.api.HiringViews.ApplicationView;
import io.recruitsuite.candidate.api.HiringViews.JobView;
import io.recruitsuite.candidate.api.HiringViews.StageView;
import io.recruitsuite.candidate.applications.ApplicationFilter;
import io.recruitsuite.candidate.applications.PiiRedaction;
import io.recruitsuite.candidate.jobs.JobService;
import io.recruitsuite.candidate.jobs.JobStatus;
import io.recruitsuite.candidate.paging.PageRequest;
import io.recruitsuite.candidate.paging.PagingConfig;
import io.recruitsuite.candidate.pipeline.PipelineService;
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

@Path("/api/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

    @Inject
    Caller caller;
    @Inject
    JobService jobs;
    @Inject
    PipelineService pipeline;
    @Inject
    PagingConfig paging;

    @GET
    @RolesAllowed(Scopes.JOBS_READ)
    public Uni<Envelope<List<JobView>>> list(@QueryParam("status") String status, @QueryParam("page") String page,
                                             @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        PageRequest request = PageRequest.parse(page, limit, cursor, paging);
        JobStatus filter = status == null || status.isEmpty() ? null : JobStatus.parse("status", status);
        return jobs.list(caller.organizationId(), filter, request).map(l -> l.map(JobView::of).envelope(request));
    }

    /** What a job body may hold (stages only at creation; a PATCH naming them gets its own message). */
    private static final String[] JOB_FIELDS = {"title", "description", "department", "location", "employmentType", "status", "stages", "salary", "remote", "openings",
            "campaignId"};

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.JOBS_WRITE)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RequestBodies.NewJob.class)))
    public Uni<RestResponse<Envelope<JobView>>> create(JsonNode json) {
        ObjectNode body = JsonFields.object(json, JOB_FIELDS);
        if (JsonFields.text(body, "campaignId") != null && !caller.hasScope(Scopes.CAMPAIGNS_WRITE)) {
            throw io.recruitsuite.common.error.ApiException.forbidden(
                    "Creating a job with a campaignId adds it to the campaign: the campaigns:write scope is needed too");
        }
        JobService.NewJob input = new JobService.NewJob(JsonFields.text(body, "title"), JsonFields.text(body, "description"),
                JsonFields.text(body, "department"), JsonFields.text(body, "location"), JsonFields.text(body, "employmentType"),
                JsonFields.text(body, "status"), JsonFields.stages(body), JsonFields.salary(body), JsonFields.text(body, "remote"),
                JsonFields.integer(body, "openings"), JsonFields.text(body, "campaignId"));
        return jobs.create(caller.organizationId(), input)
                .map(d -> RestResponse.status(Response.Status.CREATED, Envelope.of(JobView.of(d))));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Scopes.JOBS_READ)
    public Uni<Envelope<JobView>> get(@PathParam("id") String id) {
        return jobs.get(caller.organizationId(), id).map(d -> Envelope.of(JobView.of(d)));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.JOBS_WRITE)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RequestBodies.JobChanges.class)))
    public Uni<Envelope<JobView>> update(@PathParam("id") String id, JsonNode json) {
        ObjectNode body = JsonFields.object(json, JOB_FIELDS);
        if (body.has("stages")) {
            throw io.recruitsuite.common.error.ApiException.validation("stages: a job's pipeline is fixed when the job is created");
        }
        if (body.has("campaignId")) {
            throw io.recruitsuite.common.error.ApiException.validation(
                    "campaignId: a job joins a campaign when it is created or through POST /api/v1/campaigns/{id}/jobs");
        }
        JobService.Changes changes = new JobService.Changes(JsonFields.text(body, "title"), JsonFields.text(body, "description"),
                JsonFields.text(body, "department"), JsonFields.text(body, "location"), JsonFields.text(body, "employmentType"),
                JsonFields.text(body, "status"), body.has("title"), body.has("description"), body.has("department"),
                body.has("location"), body.has("employmentType"), body.has("status"),
                new JobService.TermChanges(JsonFields.salary(body), JsonFields.text(body, "remote"), JsonFields.integer(body, "openings"),
                        body.has("salary"), body.has("remote"), body.has("openings")));
        return jobs.update(caller.organizationId(), id, changes).map(d -> Envelope.of(JobView.of(d)));
    }

    /** The job's pipeline in order; not paged (a pipeline is short). */
    @GET
    @Path("/{id}/stages")
    @RolesAllowed({Scopes.JOBS_READ, Scopes.PIPELINE_READ})
    public Uni<Envelope<List<StageView>>> stages(@PathParam("id") String id) {
        return jobs.stages(caller.organizationId(), id).map(s -> Envelope.of(s.stream().map(StageView::of).toList()));
    }

    @GET
    @Path("/{id}/stages/{stageId}/candidates")
    @RolesAllowed(Scopes.PIPELINE_READ)
    public Uni<Envelope<List<ApplicationView>>> stageCandidates(@PathParam("id") String id, @PathParam("stageId") String stageId,
                                                                @QueryParam("page") String page, @QueryParam("limit") String limit,
                                                                @QueryParam("cursor") String cursor) {
        PageRequest request = PageRequest.parse(page, limit, cursor, paging);
        boolean contact = PiiRedaction.showsContact(caller.scopes());
        return pipeline.atStage(caller.organizationId(), id, stageId, request)
                .map(l -> l.map(d -> ApplicationView.of(d, contact)).envelope(request));
    }

    @GET
    @Path("/{id}/applications")
    @RolesAllowed(Scopes.APPLICATIONS_READ)
    public Uni<Envelope<List<ApplicationView>>> applications(@PathParam("id") String id, @QueryParam("status") String status,
                                                             @QueryParam("page") String page, @QueryParam("limit") String limit,
                                                             @QueryParam("cursor") String cursor) {
        PageRequest request = PageRequest.parse(page, limit, cursor, paging);
        boolean contact = PiiRedaction.showsContact(caller.scopes());
        return pipeline.applicationsOfJob(caller.organizationId(), id, ApplicationFilter.parse(null, null, status), request)
                .map(l -> l.map(d -> ApplicationView.of(d, contact)).envelope(request));
    }
}
