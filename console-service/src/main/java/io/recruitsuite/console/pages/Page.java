package io.recruitsuite.console.pages;

import io.quarkus.qute.TemplateInstance;
import io.recruitsuite.console.api.ApiAnswer;
import io.recruitsuite.console.api.GatewayApi;
import io.recruitsuite.console.session.CurrentMember;
import io.recruitsuite.console.session.Membership;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.function.BiFunction;

/** What the console's pages share: the signed-in member, the API, and how an answer becomes a page. */
public abstract class Page {

    @Inject
    CurrentMember current;
    @Inject
    GatewayApi api;
    @Inject
    Templates templates;

    /** Renders {@code page} for the signed-in member of this request. */
    protected Uni<RestResponse<TemplateInstance>> render(String section,
                                                         BiFunction<Shell, Membership, Uni<TemplateInstance>> page) {
        return current.membership().chain(member -> page.apply(new Shell(section, current.displayName(), member), member))
                .map(RestResponse::ok);
    }

    /**
     * After a state-changing form: back to {@code next} when the API agreed, otherwise the error page with the API's
     * own status (a member's write is refused by the API, and the console answers with that refusal).
     */
    protected Uni<RestResponse<TemplateInstance>> afterChange(String section, Uni<ApiAnswer> change, String next) {
        return current.membership().chain(member -> change.map(answer -> answer.ok()
                ? RestResponse.<TemplateInstance>seeOther(URI.create(next))
                : refused(new Shell(section, current.displayName(), member), answer, next)));
    }

    protected RestResponse<TemplateInstance> refused(Shell shell, ApiAnswer answer, String back) {
        return RestResponse.status(Response.Status.fromStatusCode(answer.status()) == null
                        ? Response.Status.BAD_GATEWAY : Response.Status.fromStatusCode(answer.status()),
                templates.error(shell, answer.problem(), back));
    }
}
