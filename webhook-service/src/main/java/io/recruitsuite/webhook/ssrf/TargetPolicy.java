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
        if (isAmbiguousNumericHost(bare(uri.getHost()))) {
            throw ApiException.validation("url: the host must be a name or a dotted IPv4 address of four decimal parts without leading zeros");
        }
        return uri;
    }

    /**
     * Numeric host forms that programs read differently: Java reads {@code 0177.0.0.1} as 177.0.0.1 while curl
     * and browsers read octal 127.0.0.1; hexadecimal parts, fewer than four parts ({@code 127.1}) and one big
     * number ({@code 2130706433}) are read as addresses by some and as names by others. Refused outright.
     */
    static boolean isAmbiguousNumericHost(String host) {
        if (host.contains(":")) {
            return false; // IPv6 literal: one reading only
        }
        String[] parts = host.split("\\.", -1);
        boolean allNumeric = true;
        for (String part : parts) {
            if (!part.matches("(0[xX][0-9a-fA-F]*|[0-9]+)")) {
                allNumeric = false;
                break;
            }
        }
        if (!allNumeric) {
            // a name; but a last label of a number or hex number makes WHATWG URL parsers read an address
            String last = parts[parts.length - 1];
            return last.matches("(0[xX][0-9a-fA-F]*|[0-9]+)");
        }
        if (parts.length != 4) {
            return true;
        }
        for (String part : parts) {
            if (part.startsWith("0x") || part.startsWith("0X") || part.length() > 3 || part.length() > 1 && part.startsWith("0")
                    || Integer.parseInt(part) > 255) {
                return true;
            }
        }
        return false;
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
