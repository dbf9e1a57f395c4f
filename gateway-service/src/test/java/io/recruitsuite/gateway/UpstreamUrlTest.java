package io.recruitsuite.gateway;

import io.recruitsuite.gateway.routing.UpstreamUrl;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UpstreamUrlTest {

    @Test
    void aKubernetesServiceUrlWithoutPortGetsTheSchemesDefaultPort() {
        assertEquals(new UpstreamUrl("keys-service", 80, false), UpstreamUrl.parse("http://keys-service"));
        assertEquals(new UpstreamUrl("keys-service.recruit.svc", 443, true), UpstreamUrl.parse("https://keys-service.recruit.svc/"));
        assertEquals(new UpstreamUrl("search-service", 80, false), UpstreamUrl.parse("HTTP://search-service"));
    }

    @Test
    void anExplicitPortIsKept() {
        assertEquals(new UpstreamUrl("127.0.0.1", 8081, false), UpstreamUrl.parse("http://127.0.0.1:8081"));
        assertEquals(new UpstreamUrl("webhook-service", 8443, true), UpstreamUrl.parse("https://webhook-service:8443"));
    }

    @Test
    void aUrlThatCannotBeCalledIsRefusedAtStartup() {
        assertThrows(IllegalArgumentException.class, () -> UpstreamUrl.parse("keys-service:8081"));
        assertThrows(IllegalArgumentException.class, () -> UpstreamUrl.parse("ftp://keys-service"));
        assertThrows(IllegalArgumentException.class, () -> UpstreamUrl.parse("http://"));
    }
}
