package io.recruitsuite.console.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.recruitsuite.common.security.ConsoleCredential;
import io.recruitsuite.console.ConsoleConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Which organization and role a person signed in at the OpenID provider has: asked of the keys-service (by the
 * provider's subject, or by the email address when the provider says it is verified), remembered briefly. The
 * provider's token never decides the organization or the role. A person in several organizations gets the oldest
 * membership.
 */
@ApplicationScoped
public class MemberDirectory {

    @Inject
    Vertx vertx;
    @Inject
    ConsoleConfig config;
    @Inject
    ObjectMapper mapper;
    @ConfigProperty(name = ConsoleCredential.TOKEN_FILE)
    Path credentialFile;

    private WebClient client;
    private ConsoleCredential credential;
    private Cache<String, Optional<Membership>> memberships;

    @PostConstruct
    void init() {
        client = WebClient.create(vertx, new WebClientOptions()
                .setDefaultHost(config.keysUrl().getHost())
                .setDefaultPort(config.keysUrl().getPort())
                .setSsl("https".equals(config.keysUrl().getScheme()))
                .setConnectTimeout((int) config.requestTimeout().toMillis()));
        credential = ConsoleCredential.fromFile(credentialFile);
        memberships = Caffeine.newBuilder()
                .maximumSize(config.maxCachedMemberships())
                .expireAfterWrite(config.membershipTtl())
                .build();
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** The person's membership; fails with {@link NotAMember} when they have none. */
    public Uni<Membership> of(String subject, String email, boolean emailVerified) {
        String verifiedEmail = emailVerified && email != null ? email : null;
        String cacheKey = subject + "|" + (verifiedEmail == null ? "" : verifiedEmail);
        Optional<Membership> known = memberships.getIfPresent(cacheKey);
        Uni<Optional<Membership>> found = known != null ? Uni.createFrom().item(known) : lookUp(subject, verifiedEmail)
                .invoke(answer -> memberships.put(cacheKey, answer));
        return found.map(answer -> answer.orElseThrow(NotAMember::new));
    }

    private Uni<Optional<Membership>> lookUp(String subject, String verifiedEmail) {
        var request = client.get("/internal/v1/identities/memberships")
                .timeout(config.requestTimeout().toMillis())
                .putHeader(ConsoleCredential.HEADER, credential.token())
                .addQueryParam("subject", subject);
        if (verifiedEmail != null) {
            request.addQueryParam("verifiedEmail", verifiedEmail);
        }
        return request.send().<Optional<Membership>>map(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the keys-service answered " + response.statusCode() + " to the membership lookup");
            }
            try {
                JsonNode data = mapper.readTree(response.body().getBytes()).path("data");
                if (!data.isArray() || data.isEmpty()) {
                    return Optional.empty();
                }
                JsonNode first = data.get(0);
                return Optional.of(new Membership(first.path("organizationId").asText(), first.path("userId").asText(),
                        first.path("role").asText()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("the keys-service's membership answer is not JSON", e);
            }
        }).onFailure(e -> !(e instanceof IllegalStateException))
                .transform(e -> new IllegalStateException("the keys-service did not answer the membership lookup: " + e.getMessage(), e));
    }
}
