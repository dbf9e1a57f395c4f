package io.recruitsuite.gateway.routing;

import io.recruitsuite.gateway.GatewayConfig;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Maps a public path and method to its upstream, the scope it needs and who may call it. */
public final class RouteTable {

    public enum Auth { API_KEY, SESSION, ANY }

    /**
     * @param maxBody     largest body the route accepts, in bytes, unless it is a multipart upload
     * @param uploads     whether a multipart upload may use {@code maxUploadBody} instead
     * @param secretAnswers whether answers may hold a secret shown once (new keys, webhook secrets): never kept for replay
     */
    public record Match(String upstream, Optional<String> scope, Auth auth, String rateClass, long maxBody, boolean uploads,
                        String pattern, boolean secretAnswers) {
    }

    /** A route with its answers made once: matching runs on every request. */
    private record Entry(String prefix, String prefixAndSlash, boolean wildcard, GatewayConfig.Route route,
                         Optional<Match> read, Optional<Match> write) {

        boolean matches(String path) {
            return wildcard ? path.equals(prefix) || path.startsWith(prefixAndSlash) : path.equals(prefix);
        }
    }

    private final List<Entry> entries;
    private final long defaultMaxBody;

    public RouteTable(List<GatewayConfig.Route> routes, long defaultMaxBody) {
        this.defaultMaxBody = defaultMaxBody;
        // longest prefix first, so /api/v1/search/feedback could be given its own entry later
        this.entries = routes.stream()
                .map(this::entry)
                .sorted(Comparator.comparingInt((Entry e) -> e.prefix().length()).reversed())
                .toList();
    }

    private Entry entry(GatewayConfig.Route r) {
        boolean wildcard = r.path().endsWith("/**");
        String prefix = wildcard ? r.path().substring(0, r.path().length() - 3) : r.path();
        return new Entry(prefix, prefix + "/", wildcard, r, Optional.of(match(r, r.readScope())), Optional.of(match(r, r.writeScope())));
    }

    private Match match(GatewayConfig.Route r, Optional<String> scope) {
        long maxBody = r.maxBody().map(size -> size.asLongValue()).orElse(defaultMaxBody);
        return new Match(r.upstream(), scope, auth(r.auth()), r.rateClass(), maxBody, r.uploads(), r.path(), r.secretAnswers());
    }

    public Optional<Match> match(String method, String path) {
        for (Entry e : entries) {
            if (e.matches(path)) {
                return "GET".equals(method) || "HEAD".equals(method) ? e.read() : e.write();
            }
        }
        return Optional.empty();
    }

    public List<GatewayConfig.Route> routes() {
        return entries.stream().map(Entry::route).toList();
    }

    private static Auth auth(String value) {
        return switch (value) {
            case "session" -> Auth.SESSION;
            case "any" -> Auth.ANY;
            case "api-key" -> Auth.API_KEY;
            default -> throw new IllegalArgumentException("gateway.routes[].auth must be api-key, session or any, not " + value);
        };
    }
}
