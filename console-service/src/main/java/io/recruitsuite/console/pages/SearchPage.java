package io.recruitsuite.console.pages;

import io.quarkus.qute.TemplateInstance;
import io.recruitsuite.console.ConsoleConfig;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/**
 * The search playground: the API's query, modes and filters, the results with their highlights and similarity. A
 * search changes nothing, so the form is a GET and a result page can be bookmarked or shared.
 */
@Path("/console/search")
@Produces(MediaType.TEXT_HTML)
public class SearchPage extends Page {

    @Inject
    ConsoleConfig config;

    @GET
    public Uni<RestResponse<TemplateInstance>> search(@QueryParam("query") String query, @QueryParam("mode") String mode,
                                                      @QueryParam("tags") String tags, @QueryParam("stage") String stage,
                                                      @QueryParam("jobId") String jobId, @QueryParam("fileType") String fileType,
                                                      @QueryParam("explain") String explain) {
        SearchForm form = new SearchForm(query == null ? "" : query, mode == null ? "hybrid" : mode, config.pageSize(),
                tags, stage, jobId, fileType, explain != null);
        return render("search", (shell, member) -> form.query().isBlank()
                ? Uni.createFrom().item(templates.search(shell, form, List.of(), null, false))
                : api.post(member, "/api/v1/search", form.body())
                        .map(answer -> templates.search(shell, form, answer.list(), answer.problem(), true)));
    }
}
