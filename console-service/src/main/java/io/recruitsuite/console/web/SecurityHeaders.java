package io.recruitsuite.console.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;

/**
 * Every answer of the console, OpenID Connect redirects included, carries a strict Content-Security-Policy (nothing
 * but the console's own scripts and styles, no inline script, no framing, forms only to the console and to the
 * provider's sign-out), and pages are never cached: a key's or an endpoint's secret is shown once.
 */
@Singleton
public class SecurityHeaders {

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String issuer;

    void install(@Observes Router router) {
        String policy = policy(issuer);
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            rc.addHeadersEndHandler(ignored -> {
                var headers = rc.response().headers();
                headers.set("Content-Security-Policy", policy);
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("Referrer-Policy", "no-referrer");
                headers.set("X-Frame-Options", "DENY");
                headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
                if (!rc.request().path().startsWith("/console/static/")) {
                    headers.set("Cache-Control", "no-store");
                }
            });
            rc.next();
        });
    }

    /** The policy for a provider at {@code issuer}: its origin is the only other place a form may lead. */
    public static String policy(String issuer) {
        URI uri = URI.create(issuer);
        String provider = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "form-action 'self' " + provider + "; frame-ancestors 'none'; base-uri 'none'";
    }
}
