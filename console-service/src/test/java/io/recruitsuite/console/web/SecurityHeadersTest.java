package io.recruitsuite.console.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class SecurityHeadersTest {

    @Test
    void formsMayLeadOnlyToTheConsoleAndTheProvidersOrigin() {
        String policy = SecurityHeaders.policy("https://id.example.com:8443/realms/acme");
        assertEquals("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "form-action 'self' https://id.example.com:8443; frame-ancestors 'none'; base-uri 'none'", policy);
        assertFalse(policy.contains("unsafe"));
        assertEquals(true, SecurityHeaders.policy("https://login.example.org/tenant").contains("form-action 'self' https://login.example.org;"));
    }
}
