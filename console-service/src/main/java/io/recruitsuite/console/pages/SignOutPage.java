package io.recruitsuite.console.pages;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;

/**
 * Signing out is a form (so it carries the CSRF token): it leads to the OpenID Connect logout path, which ends the
 * console's session and the provider's, and comes back to a page that needs no session.
 */
@Path("/console")
public class SignOutPage {

    @Inject
    @Location("signed-out")
    Template signedOut;

    @POST
    @Path("/sign-out")
    public RestResponse<Void> signOut() {
        return RestResponse.seeOther(URI.create("/console/logout"));
    }

    @GET
    @Path("/signed-out")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance signedOut(@QueryParam("state") String providerState) {
        // the provider sends back the logout request's state; there is nothing left to match it against
        return signedOut.instance();
    }
}
