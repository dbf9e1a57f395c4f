package io.recruitsuite.webhook.ssrf;

import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.webhook.WebhooksConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Checks a webhook URL and resolves its host to the one address a delivery will connect to. Run at
 * creation and again before every delivery, so a name that later resolves to a private address
 * (DNS rebinding) is still refused: the checked address is the one connected to.
 */
@ApplicationScoped
public class TargetResolver {

    @Inject
    io.vertx.mutiny.core.Vertx vertx;

    private final TargetPolicy policy;

    @Inject
    public TargetResolver(WebhooksConfig config) {
        this.policy = new TargetPolicy(config.allowHttp(), config.allowedHosts().orElse(List.of()));
    }

    public record Target(URI uri, String host, int port, boolean tls, InetAddress address) {
    }

    public URI parse(String url) {
        return policy.parse(url);
    }

    /** Resolves and checks the host off the event loop; fails with a validation error naming the reason. */
    /**
     * Resolves on a worker thread (a DNS lookup blocks) and answers on the caller's Vert.x context, where a
     * reactive session may continue; lookups are not ordered among themselves.
     */
    public Uni<Target> resolve(URI uri) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> resolveBlocking(uri)), false);
    }

    private Target resolveBlocking(URI uri) {
        String host = TargetPolicy.bare(uri.getHost());
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw ApiException.validation("url: the host " + uri.getHost() + " does not resolve");
        }
        policy.checkAddresses(uri.getHost(), addresses);
        return new Target(uri, host, port, tls, addresses[0]);
    }
}
