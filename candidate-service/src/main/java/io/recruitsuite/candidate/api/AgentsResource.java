package io.recruitsuite.candidate.api;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recruitsuite.candidate.agents.InterviewAgent;
import io.recruitsuite.candidate.agents.InterviewAgentService;
import io.recruitsuite.candidate.api.WorkflowViews.AgentView;
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
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/** Interview agents (seed 001's AI agents): the configuration of an automated interviewer; interviews of kind ai name one. */
@Path("/api/v1/agents")
@Produces(MediaType.APPLICATION_JSON)
public class AgentsResource {

    @Inject
    Caller caller;
    @Inject
    InterviewAgentService agents;
    @Inject
    PagingConfig paging;

    @GET
    @RolesAllowed(Scopes.AGENTS_READ)
    public Uni<Envelope<List<AgentView>>> list(@QueryParam("page") String page, @QueryParam("limit") String limit,
                                               @QueryParam("cursor") String cursor) {
        PageRequest request = PageRequest.parse(page, limit, cursor, paging);
        return agents.list(caller.organizationId(), request).map(l -> l.map(AgentView::of).envelope(request));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.AGENTS_WRITE)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RequestBodies.NewAgent.class)))
    public Uni<RestResponse<Envelope<AgentView>>> create(JsonNode json) {
        return agents.create(caller.organizationId(), settings(JsonFields.object(json, AGENT_FIELDS)))
                .map(a -> RestResponse.status(Response.Status.CREATED, Envelope.of(AgentView.of(a))));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Scopes.AGENTS_READ)
    public Uni<Envelope<AgentView>> get(@PathParam("id") String id) {
        return agents.get(caller.organizationId(), id).map(a -> Envelope.of(AgentView.of(a)));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.AGENTS_WRITE)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RequestBodies.AgentChanges.class)))
    public Uni<Envelope<AgentView>> update(@PathParam("id") String id, JsonNode json) {
        ObjectNode body = JsonFields.object(json, AGENT_FIELDS);
        InterviewAgentService.Changes changes = new InterviewAgentService.Changes(settings(body), body.has("name"), body.has("language"),
                body.has("voice"), body.has("tone"), body.has("instructions"), body.has("questions"));
        return agents.update(caller.organizationId(), id, changes).map(a -> Envelope.of(AgentView.of(a)));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Scopes.AGENTS_WRITE)
    public Uni<RestResponse<Void>> delete(@PathParam("id") String id) {
        return agents.delete(caller.organizationId(), id).map(v -> RestResponse.noContent());
    }

    private static final String[] AGENT_FIELDS = {"name", "language", "voice", "tone", "instructions", "questions"};

    private static InterviewAgent.Settings settings(ObjectNode body) {
        return new InterviewAgent.Settings(JsonFields.text(body, "name"), JsonFields.text(body, "language"), JsonFields.text(body, "voice"),
                JsonFields.text(body, "tone"), JsonFields.text(body, "instructions"), JsonFields.strings(body, "questions"));
    }
}
