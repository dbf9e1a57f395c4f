package io.recruitsuite.console.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.recruitsuite.console.session.NotAMember;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** What a person sees when the console cannot serve them: a page, never a stack trace. */
public class ConsoleErrors {

    private static final Logger LOG = Logger.getLogger(ConsoleErrors.class);

    @Inject
    @Location("not-a-member")
    Template notAMember;
    @Inject
    @Location("unavailable")
    Template unavailable;

    @ServerExceptionMapper
    public Response notAMember(NotAMember e) {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE)
                .entity(notAMember.instance().render()).build();
    }

    /** Before suite-common's JSON mappers, which answer for the API services: the console answers with a page. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response unexpected(Throwable e) {
        if (e instanceof jakarta.ws.rs.WebApplicationException w && w.getResponse().getStatus() < 500) {
            return w.getResponse();
        }
        LOG.warnf(e, "console request failed: %s", e.getMessage());
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.TEXT_HTML_TYPE)
                .entity(unavailable.instance().render()).build();
    }
}
