package io.recruitsuite.gateway.auth;

import io.recruitsuite.common.security.ApiKeyFormat;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which relayed answers make the gateway drop a key's cached verdict on the spot. */
class RevokedThroughGatewayTest {

    private final String prefix = ApiKeyFormat.parse(ApiKeyFormat.generate("live")).orElseThrow().prefix();

    @Test
    void aSuccessfulRevocationNamesItsKey() {
        assertEquals(Optional.of(prefix), RevokedThroughGateway.prefix("DELETE", "/api/v1/keys/" + prefix, 200));
        assertEquals(Optional.of(prefix), RevokedThroughGateway.prefix("DELETE", "/api/v1/keys/" + prefix, 204));
    }

    @Test
    void aRefusedOrFailedRevocationEvictsNothing() {
        for (int status : new int[] {400, 401, 403, 404, 500, 503}) {
            assertEquals(Optional.empty(), RevokedThroughGateway.prefix("DELETE", "/api/v1/keys/" + prefix, status));
        }
    }

    @Test
    void otherRequestsOnTheKeysEvictNothing() {
        assertEquals(Optional.empty(), RevokedThroughGateway.prefix("GET", "/api/v1/keys/" + prefix, 200));
        assertEquals(Optional.empty(), RevokedThroughGateway.prefix("POST", "/api/v1/keys", 201));
        assertEquals(Optional.empty(), RevokedThroughGateway.prefix("DELETE", "/api/v1/keys/" + prefix + "/extra", 200));
        assertEquals(Optional.empty(), RevokedThroughGateway.prefix("DELETE", "/api/v1/keys/not-a-prefix", 200));
        assertEquals(Optional.empty(), RevokedThroughGateway.prefix("DELETE", "/api/v1/candidates/" + prefix, 200));
    }
}
