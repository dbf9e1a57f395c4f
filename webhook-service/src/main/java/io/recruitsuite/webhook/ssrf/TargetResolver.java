package io.recruitsuite.webhook.ssrf;

import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.webhook.WebhooksConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Checks a webhook URL and resolves its host to the one address a delivery will connect to. Run at
 * creation and again before every delivery, so a name that later resolves to a private address
 * (DNS rebinding) is still refused: the checked address is the one connected to.
 */
@ApplicationScoped
public class TargetResolver {

    public static final int MAX_URL = 2048;

    @Inject
    WebhooksConfig config;

    public record Target(URI uri, String host, int port, boolean tls, InetAddress address) {
    }

    /** Syntax only: scheme, host, no credentials, length. */
    public URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw ApiException.validation("url: String must contain at least 1 character(s)");
        }
        if (url.length() > MAX_URL) {
            throw ApiException.validation("url: at most " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (Exception e) {
            throw ApiException.validation("url: not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && config.allowHttp())) {
            throw ApiException.validation("url: must use https");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw ApiException.validation("url: must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw ApiException.validation("url: must not contain credentials");
        }
        if (uri.getRawFragment() != null) {
            throw ApiException.validation("url: must not contain a fragment");
        }
        return uri;
    }

    /** Resolves and checks the host, off the event loop; fails with a validation error naming the reason. */
    public Uni<Target> resolve(URI uri) {
        return Uni.createFrom().item(() -> resolveBlocking(uri)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    Target resolveBlocking(URI uri) {
        String host = uri.getHost();
        String bareHost = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bareHost);
        } catch (UnknownHostException e) {
            throw ApiException.validation("url: the host " + host + " does not resolve");
        }
        boolean allowListed = config.allowedHosts().stream().anyMatch(h -> h.equalsIgnoreCase(bareHost));
        if (!allowListed) {
            for (InetAddress address : addresses) {
                String refusal = AddressPolicy.refusal(address);
                if (refusal != null) {
                    throw ApiException.validation("url: the host " + host + " resolves to " + refusal + ", which webhooks may not target");
                }
            }
        }
        return new Target(uri, bareHost, port, tls, addresses[0]);
    }
}
