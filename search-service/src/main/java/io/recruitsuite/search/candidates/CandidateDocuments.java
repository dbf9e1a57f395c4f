package io.recruitsuite.search.candidates;

import io.recruitsuite.common.error.StrictJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recruitsuite.common.security.DocumentReaderCredential;
import io.recruitsuite.search.SearchConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The candidate-service's document reader ({@code /internal/v1/organizations/{org}/documents}), the only place the
 * search-service gets CV text from: events carry none. Each call is guarded (time limit, retries, and for single reads a
 * circuit breaker; the figures are in application.properties). A document the candidate-service no longer has is
 * {@link Optional#empty()}, not a failure: it was erased and is simply not indexed.
 */
@ApplicationScoped
public class CandidateDocuments {

    /** A page of the listing: the documents, where the next page starts, and whether one follows. */
    public record Page(List<CandidateDocument> documents, String after, boolean hasMore) {
    }

    /** The candidate-service answered something other than the document or a 404. */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }
    }

    @Inject
    Vertx vertx;
    @Inject
    ObjectMapper mapper;
    @Inject
    SearchConfig config;
    @ConfigProperty(name = DocumentReaderCredential.TOKEN_FILE)
    Path tokenFile;

    private WebClient client;
    private String base;
    private volatile String token;

    @PostConstruct
    void init() {
        URI uri = URI.create(config.candidateService().url());
        base = uri.getPath() == null || uri.getPath().equals("/") ? "" : uri.getPath().replaceAll("/$", "");
        client = WebClient.create(vertx, new WebClientOptions()
                .setDefaultHost(uri.getHost())
                .setDefaultPort(uri.getPort() > 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80))
                .setSsl("https".equals(uri.getScheme()))
                .setConnectTimeout((int) config.candidateService().connectTimeout().toMillis())
                .setFollowRedirects(false));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** The organization's document, or empty when the candidate-service has none (never uploaded, or erased). */
    @Timeout
    @Retry(abortOn = IllegalArgumentException.class)
    @CircuitBreaker(skipOn = IllegalArgumentException.class)
    public Uni<Optional<CandidateDocument>> one(String organizationId, String documentId) {
        return client.get(path(organizationId) + "/" + encode(documentId))
                .putHeader(DocumentReaderCredential.HEADER, token())
                .send()
                .map(response -> {
                    if (response.statusCode() == 404) {
                        return Optional.<CandidateDocument>empty();
                    }
                    return Optional.of(read(response(response).get("data"), CandidateDocument.class));
                });
    }

    /** One page of the organization's documents in id order after {@code after} (null: from the start). */
    @Timeout
    @Retry(abortOn = IllegalArgumentException.class)
    public Uni<Page> page(String organizationId, String after, int limit, boolean withText) {
        var request = client.get(path(organizationId))
                .putHeader(DocumentReaderCredential.HEADER, token())
                .addQueryParam("limit", Integer.toString(limit))
                .addQueryParam("text", Boolean.toString(withText));
        if (after != null) {
            request.addQueryParam("after", after);
        }
        return request.send().map(response -> {
            JsonNode body = response(response);
            List<CandidateDocument> documents = new ArrayList<>();
            body.path("data").forEach(d -> documents.add(read(d, CandidateDocument.class)));
            JsonNode meta = body.path("meta");
            return new Page(documents, meta.path("after").isTextual() ? meta.path("after").asText() : after, meta.path("hasMore").asBoolean());
        });
    }

    private JsonNode response(HttpResponse<Buffer> response) {
        if (response.statusCode() != 200) {
            // the body is not logged: an error envelope only, but it is the candidate-service's to tell
            throw new Unavailable("the candidate-service's document reader answered " + response.statusCode());
        }
        try {
            return mapper.readTree(response.bodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(JsonNode node, Class<T> type) {
        try {
            return StrictJson.tolerant(mapper, type).readValue(node);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable document from the candidate-service", e);
        }
    }

    private String path(String organizationId) {
        return base + "/internal/v1/organizations/" + encode(organizationId) + "/documents";
    }

    private String token() {
        if (token == null) {
            token = DocumentReaderCredential.fromFile(tokenFile).token();
        }
        return token;
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
