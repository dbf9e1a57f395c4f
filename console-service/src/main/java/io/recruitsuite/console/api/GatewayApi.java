package io.recruitsuite.console.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recruitsuite.console.ConsoleConfig;
import io.recruitsuite.console.session.Membership;
import io.recruitsuite.console.session.SessionTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Map;

/**
 * The public API, called for the signed-in member with a dashboard session token of their own: the gateway applies
 * the member's role (read-only scopes for members) and the keys-service checks key management rights, so what the
 * console hides from a member is also refused to them.
 */
@ApplicationScoped
public class GatewayApi {

    private static final Logger LOG = Logger.getLogger(GatewayApi.class);
    private static final TypeReference<Map<String, Object>> ENVELOPE = new TypeReference<>() {
    };

    @Inject
    Vertx vertx;
    @Inject
    ConsoleConfig config;
    @Inject
    SessionTokens tokens;
    @Inject
    ObjectMapper mapper;

    private WebClient client;

    @PostConstruct
    void init() {
        client = WebClient.create(vertx, new WebClientOptions()
                .setDefaultHost(config.gatewayUrl().getHost())
                .setDefaultPort(config.gatewayUrl().getPort())
                .setSsl("https".equals(config.gatewayUrl().getScheme()))
                .setConnectTimeout((int) config.requestTimeout().toMillis()));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public Uni<ApiAnswer> get(Membership member, String pathAndQuery) {
        return call(member, HttpMethod.GET, pathAndQuery, null);
    }

    public Uni<ApiAnswer> post(Membership member, String path, Object body) {
        return call(member, HttpMethod.POST, path, body);
    }

    public Uni<ApiAnswer> patch(Membership member, String path, Object body) {
        return call(member, HttpMethod.PATCH, path, body);
    }

    public Uni<ApiAnswer> delete(Membership member, String path) {
        return call(member, HttpMethod.DELETE, path, null);
    }

    private Uni<ApiAnswer> call(Membership member, HttpMethod method, String path, Object body) {
        HttpRequest<Buffer> request = client.request(method, basePath() + path)
                .timeout(config.requestTimeout().toMillis())
                .putHeader("Authorization", "Bearer " + tokens.sessionFor(member))
                .putHeader("Accept", "application/json");
        Uni<HttpResponse<Buffer>> sent;
        if (body == null) {
            sent = request.send();
        } else {
            try {
                sent = request.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(mapper.writeValueAsBytes(body)));
            } catch (Exception e) {
                return Uni.createFrom().failure(e);
            }
        }
        return sent.map(this::answer)
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("the API did not answer %s %s: %s", method, path, e.getMessage());
                    return ApiAnswer.unavailable("The API did not answer in time; try again");
                });
    }

    private String basePath() {
        String p = config.gatewayUrl().getPath();
        return p == null || p.equals("/") ? "" : p;
    }

    @SuppressWarnings("unchecked")
    private ApiAnswer answer(HttpResponse<Buffer> response) {
        int status = response.statusCode();
        Buffer body = response.body();
        if (body == null || body.length() == 0) {
            return new ApiAnswer(status, null, Map.of(), null, status >= 400 ? "The API answered " + status : null);
        }
        try {
            Map<String, Object> envelope = mapper.readValue(body.getBytes(), ENVELOPE);
            Object error = envelope.get("error");
            if (error instanceof Map<?, ?> e) {
                return new ApiAnswer(status, null, Map.of(), String.valueOf(e.get("code")), String.valueOf(e.get("message")));
            }
            Object meta = envelope.get("meta");
            return new ApiAnswer(status, envelope.get("data"), meta instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of(),
                    null, status >= 400 ? "The API answered " + status : null);
        } catch (Exception e) {
            return new ApiAnswer(status, null, Map.of(), null, "The API answered " + status + " with something that is not JSON");
        }
    }
}
