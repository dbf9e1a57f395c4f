package io.recruitsuite.webhook.ssrf;

import io.recruitsuite.common.error.ApiException;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The rules a webhook URL must follow, without any I/O: https (http only where configured), a host,
 * no credentials, no fragment; and, once the host is resolved, only public addresses, unless the
 * host is on the configured allow-list (local receivers in development and tests).
 */
public final class TargetPolicy {

    public static final int MAX_URL = 2048;

    private final boolean allowHttp;
    private final List<String> allowedHosts;

    public TargetPolicy(boolean allowHttp, List<String> allowedHosts) {
        this.allowHttp = allowHttp;
        this.allowedHosts = allowedHosts.stream().map(h -> bare(h.strip()).toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
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
        if (scheme.equals("http") && !allowHttp) {
            throw ApiException.validation("url: must use https");
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
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

    public boolean isAllowListed(String host) {
        return allowedHosts.contains(bare(host).toLowerCase(Locale.ROOT));
    }

    /**
     * Throws a validation error naming the reason when any address {@code host} resolved to is not
     * public; every address counts, since a client could be handed any of them.
     */
    public void checkAddresses(String host, InetAddress[] addresses) {
        if (addresses.length == 0) {
            throw ApiException.validation("url: the host " + host + " does not resolve");
        }
        if (isAllowListed(host)) {
            return;
        }
        for (InetAddress address : addresses) {
            String refusal = AddressPolicy.refusal(address);
            if (refusal != null) {
                throw ApiException.validation("url: the host " + host + " resolves to " + refusal + ", which webhooks may not target");
            }
        }
    }

    /** The host without the brackets of an IPv6 literal. */
    public static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
