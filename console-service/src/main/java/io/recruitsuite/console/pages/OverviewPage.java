package io.recruitsuite.console.pages;

import io.quarkus.qute.TemplateInstance;
import io.recruitsuite.console.ConsoleConfig;
import io.recruitsuite.console.api.ApiAnswer;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.Map;

/** The organization at a glance: plan, this month's usage against the quota, the rate-limit windows, requests per hour. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class OverviewPage extends Page {

    @Inject
    ConsoleConfig config;

    @GET
    public Uni<RestResponse<TemplateInstance>> overview() {
        return render("overview", (shell, member) -> Uni.combine().all()
                .unis(api.get(member, "/api/v1/account"), api.get(member, "/api/v1/usage?days=" + config.usageDays()))
                .asTuple().map(answers -> {
                    ApiAnswer account = answers.getItem1();
                    ApiAnswer usage = answers.getItem2();
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> hours = usage.ok() && usage.object().get("hours") instanceof List<?> l
                            ? (List<Map<String, Object>>) l : List.of();
                    return templates.overview(shell, account.object(), account.problem(), UsageChart.of(hours), usage.problem());
                }));
    }
}
