package io.recruitsuite.console.pages;

import io.quarkus.qute.TemplateInstance;
import io.recruitsuite.common.events.EventAccess;
import io.recruitsuite.console.ConsoleConfig;
import io.recruitsuite.console.api.ApiAnswer;
import io.recruitsuite.console.session.Membership;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.recruitsuite.console.pages.KeysPage.encode;

/**
 * Webhook endpoints: create, change the events, enable or disable, send a test, rotate the secret; each endpoint's
 * delivery log with every attempt, and redelivery.
 */
@Path("/console/webhooks")
@Produces(MediaType.TEXT_HTML)
public class WebhooksPage extends Page {

    private static final String WEBHOOKS = "/api/v1/webhooks";

    @Inject
    ConsoleConfig config;

    @GET
    public Uni<RestResponse<TemplateInstance>> list() {
        return render("webhooks", (shell, member) -> api.get(member, WEBHOOKS + "?limit=100")
                .map(answer -> templates.webhooks(shell, answer.list(), answer.problem(), EventAccess.subscribable())));
    }

    @POST
    public Uni<RestResponse<TemplateInstance>> create(@RestForm String url, @RestForm String description, @RestForm List<String> events) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        if (description != null && !description.isBlank()) {
            body.put("description", description);
        }
        body.put("events", events == null || events.isEmpty() ? List.of("*") : events);
        return withSecret(member -> api.post(member, WEBHOOKS, body));
    }

    @GET
    @Path("/{id}")
    public Uni<RestResponse<TemplateInstance>> endpoint(@PathParam("id") String id, @QueryParam("notice") String notice) {
        String path = WEBHOOKS + "/" + encode(id);
        return render("webhooks", (shell, member) -> Uni.combine().all()
                .unis(api.get(member, path), api.get(member, path + "/deliveries?limit=" + config.pageSize()))
                .asTuple().map(answers -> {
                    ApiAnswer endpoint = answers.getItem1();
                    ApiAnswer deliveries = answers.getItem2();
                    String problem = endpoint.ok() ? deliveries.problem() : endpoint.problem();
                    return templates.webhook(shell, endpoint.object(), deliveries.list().stream().map(DeliveryRow::of).toList(),
                            problem, EventAccess.subscribable(), Notices.of(notice));
                }));
    }

    @GET
    @Path("/{id}/deliveries/{deliveryId}")
    public Uni<RestResponse<TemplateInstance>> delivery(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        return render("webhooks", (shell, member) -> api.get(member, WEBHOOKS + "/" + encode(id) + "/deliveries/" + encode(deliveryId))
                .map(answer -> templates.delivery(shell, id, answer.object(), answer.problem())));
    }

    @POST
    @Path("/{id}/events")
    public Uni<RestResponse<TemplateInstance>> events(@PathParam("id") String id, @RestForm List<String> events) {
        Map<String, Object> body = Map.of("events", events == null || events.isEmpty() ? List.of("*") : events);
        return afterChange("webhooks", current.membership().chain(m -> api.patch(m, WEBHOOKS + "/" + encode(id), body)),
                back(id, "events"));
    }

    @POST
    @Path("/{id}/enable")
    public Uni<RestResponse<TemplateInstance>> enable(@PathParam("id") String id) {
        return action(id, "enable", "enabled");
    }

    @POST
    @Path("/{id}/disable")
    public Uni<RestResponse<TemplateInstance>> disable(@PathParam("id") String id) {
        return action(id, "disable", "disabled");
    }

    @POST
    @Path("/{id}/test")
    public Uni<RestResponse<TemplateInstance>> test(@PathParam("id") String id) {
        return action(id, "test", "test");
    }

    @POST
    @Path("/{id}/rotate-secret")
    public Uni<RestResponse<TemplateInstance>> rotate(@PathParam("id") String id) {
        return withSecret(member -> api.post(member, WEBHOOKS + "/" + encode(id) + "/rotate-secret", Map.of()));
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    public Uni<RestResponse<TemplateInstance>> redeliver(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        return afterChange("webhooks", current.membership().chain(m -> api.post(m,
                WEBHOOKS + "/" + encode(id) + "/deliveries/" + encode(deliveryId) + "/redeliver", Map.of())), back(id, "redelivered"));
    }

    private Uni<RestResponse<TemplateInstance>> action(String id, String action, String notice) {
        return afterChange("webhooks", current.membership().chain(m -> api.post(m, WEBHOOKS + "/" + encode(id) + "/" + action, Map.of())),
                back(id, notice));
    }

    /** A change whose answer carries the endpoint's new secret: shown once, on a page of its own. */
    private Uni<RestResponse<TemplateInstance>> withSecret(Function<Membership, Uni<ApiAnswer>> change) {
        return current.membership().chain(member -> change.apply(member).map(answer -> {
            Shell shell = new Shell("webhooks", current.displayName(), member);
            return answer.ok() ? RestResponse.ok(templates.webhookSecret(shell, answer.object()))
                    : refused(shell, answer, "/console/webhooks");
        }));
    }

    private static String back(String id, String notice) {
        return "/console/webhooks/" + encode(id) + "?notice=" + notice;
    }
}
