package io.recruitsuite.candidate.api;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recruitsuite.candidate.api.WorkflowViews.TaskView;
import io.recruitsuite.candidate.paging.PageRequest;
import io.recruitsuite.candidate.paging.PagingConfig;
import io.recruitsuite.candidate.tasks.TaskService;
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
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/** The hiring team's tasks; a task names the people it is about by id only, so no contact details appear here. */
@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TasksResource {

    /** What a body may hold (fields fixed at creation get their own message in a PATCH). */
    private static final String[] FIELDS = {"title", "dueAt", "assignee", "candidateId", "applicationId", "prospectId", "status"};

    @Inject
    Caller caller;
    @Inject
    TaskService tasks;
    @Inject
    PagingConfig paging;

    @GET
    @RolesAllowed(Scopes.TASKS_READ)
    public Uni<Envelope<List<TaskView>>> list(@QueryParam("assignee") String assignee, @QueryParam("status") String status,
                                              @QueryParam("dueBefore") String dueBefore, @QueryParam("candidateId") String candidateId,
                                              @QueryParam("page") String page, @QueryParam("limit") String limit,
                                              @QueryParam("cursor") String cursor) {
        PageRequest request = PageRequest.parse(page, limit, cursor, paging);
        var filter = TaskService.filter(assignee, status, JsonFields.time("dueBefore", dueBefore), candidateId);
        return tasks.list(caller.organizationId(), filter, request).map(l -> l.map(TaskView::of).envelope(request));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.TASKS_WRITE)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RequestBodies.NewTask.class)))
    public Uni<RestResponse<Envelope<TaskView>>> create(JsonNode json) {
        ObjectNode body = JsonFields.object(json, FIELDS);
        TaskService.NewTask input = new TaskService.NewTask(JsonFields.text(body, "title"), JsonFields.time(body, "dueAt"),
                JsonFields.text(body, "assignee"), JsonFields.text(body, "candidateId"), JsonFields.text(body, "applicationId"),
                JsonFields.text(body, "prospectId"), JsonFields.text(body, "status"));
        return tasks.create(caller.organizationId(), input)
                .map(t -> RestResponse.status(Response.Status.CREATED, Envelope.of(TaskView.of(t))));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Scopes.TASKS_READ)
    public Uni<Envelope<TaskView>> get(@PathParam("id") String id) {
        return tasks.get(caller.organizationId(), id).map(t -> Envelope.of(TaskView.of(t)));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.TASKS_WRITE)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RequestBodies.TaskChanges.class)))
    public Uni<Envelope<TaskView>> update(@PathParam("id") String id, JsonNode json) {
        ObjectNode body = JsonFields.object(json, FIELDS);
        for (String fixed : List.of("candidateId", "applicationId", "prospectId")) {
            if (body.has(fixed)) {
                throw io.recruitsuite.common.error.ApiException.validation(fixed + ": what a task is about is fixed when it is created");
            }
        }
        TaskService.Changes changes = new TaskService.Changes(JsonFields.text(body, "title"), JsonFields.time(body, "dueAt"),
                JsonFields.text(body, "assignee"), JsonFields.text(body, "status"), body.has("title"), body.has("dueAt"),
                body.has("assignee"), body.has("status"));
        return tasks.update(caller.organizationId(), id, changes).map(t -> Envelope.of(TaskView.of(t)));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Scopes.TASKS_WRITE)
    public Uni<RestResponse<Void>> delete(@PathParam("id") String id) {
        return tasks.delete(caller.organizationId(), id).map(v -> RestResponse.noContent());
    }
}
