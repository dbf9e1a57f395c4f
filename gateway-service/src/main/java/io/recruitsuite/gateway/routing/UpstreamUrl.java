package io.recruitsuite.gateway.routing;

import java.net.URI;
import java.util.Locale;

/**
 * An upstream's base URL as the HTTP clients need it. {@link URI#getPort()} is -1 when the URL
 * names no port, as Kubernetes Service URLs usually do ({@code http://keys-service}); Vert.x
 * refuses -1, so a missing port becomes the scheme's default (80 for http, 443 for https).
 */
public record UpstreamUrl(String host, int port, boolean secure) {

    private static final int HTTP_DEFAULT_PORT = 80;
    private static final int HTTPS_DEFAULT_PORT = 443;

    public static UpstreamUrl parse(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("upstream URL " + url + " is not a URL", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean secure = switch (scheme) {
            case "http" -> false;
            case "https" -> true;
            default -> throw new IllegalArgumentException("upstream URL " + url + " must be http:// or https://");
        };
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("upstream URL " + url + " names no host");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : secure ? HTTPS_DEFAULT_PORT : HTTP_DEFAULT_PORT;
        return new UpstreamUrl(uri.getHost(), port, secure);
    }
}
