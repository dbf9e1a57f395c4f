package io.recruitsuite.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.recruitsuite.common.security.MemberStanding;
import io.recruitsuite.gateway.GatewayConfig;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A dashboard user's standing in an organization as the keys-service says it now (member or not, role,
 * the plan's API access), cached for {@code gateway.sessions.standing-ttl} and dropped at once when a
 * member is removed or the plan changes. Concurrent requests of one user share one lookup.
 */
@Singleton
public class Memberships {

    @Inject
    KeysClient keys;
    @Inject
    GatewayConfig config;

    private Cache<String, MemberStanding> standings;
    private final Map<String, Uni<MemberStanding>> underWay = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        standings = Caffeine.newBuilder()
                .maximumSize(config.sessions().maxCachedStandings())
                .expireAfterWrite(config.sessions().standingTtl())
                .build();
    }

    public Uni<MemberStanding> standing(String organizationId, String userId) {
        String id = organizationId + "|" + userId;
        MemberStanding cached = standings.getIfPresent(id);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return underWay.computeIfAbsent(id, ignored -> keys.memberStanding(organizationId, userId)
                .invoke(standing -> standings.put(id, standing))
                .onTermination().invoke(() -> underWay.remove(id))
                .memoize().indefinitely());
    }

    /** A member was removed or the plan changed: every cached standing of the organization goes. */
    public void evictOrganization(String organizationId) {
        String prefix = organizationId + "|";
        standings.asMap().keySet().removeIf(id -> id.startsWith(prefix));
    }
}
