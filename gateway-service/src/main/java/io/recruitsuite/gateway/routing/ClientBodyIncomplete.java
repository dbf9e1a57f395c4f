package io.recruitsuite.gateway.routing;

/**
 * The upstream had no answer yet because the client had not finished sending the body: the client's
 * slowness, which must not count as the upstream failing (the circuit breaker skips it).
 */
final class ClientBodyIncomplete extends RuntimeException {

    ClientBodyIncomplete() {
        super("the client had not finished its request body", null, false, false);
    }
}
