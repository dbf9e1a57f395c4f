package io.recruitsuite.console.pages;

import io.quarkus.qute.TemplateInstance;
import io.recruitsuite.console.ConsoleConfig;
import io.recruitsuite.console.api.ApiAnswer;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import static io.recruitsuite.console.pages.KeysPage.encode;

/** Candidates, read-only: the list (with the API's name/email search) and one candidate with CV text and applications. */
@Path("/console/candidates")
@Produces(MediaType.TEXT_HTML)
public class CandidatesPage extends Page {

    @Inject
    ConsoleConfig config;

    @GET
    public Uni<RestResponse<TemplateInstance>> list(@QueryParam("page") Integer page, @QueryParam("search") String search) {
        int p = page == null || page < 1 ? 1 : page;
        String query = "?page=" + p + "&limit=" + config.pageSize()
                + (search == null || search.isBlank() ? "" : "&search=" + encode(search));
        return render("candidates", (shell, member) -> api.get(member, "/api/v1/candidates" + query)
                .map(answer -> templates.candidates(shell, answer.list(), answer.meta(), answer.problem(), p, search == null ? "" : search)));
    }

    @GET
    @Path("/{id}")
    public Uni<RestResponse<TemplateInstance>> candidate(@PathParam("id") String id) {
        return render("candidates", (shell, member) -> Uni.combine().all()
                .unis(api.get(member, "/api/v1/candidates/" + encode(id)),
                        api.get(member, "/api/v1/applications?candidateId=" + encode(id) + "&limit=" + config.pageSize()))
                .asTuple().map(answers -> {
                    ApiAnswer candidate = answers.getItem1();
                    ApiAnswer applications = answers.getItem2();
                    return templates.candidate(shell, candidate.object(), applications.list(),
                            candidate.ok() ? applications.problem() : candidate.problem());
                }));
    }
}
