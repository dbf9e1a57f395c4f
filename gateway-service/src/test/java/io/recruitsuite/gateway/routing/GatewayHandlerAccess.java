package io.recruitsuite.gateway.routing;

/** Opens the handler's package-private path rule to tests in other packages. */
public final class GatewayHandlerAccess {

    private GatewayHandlerAccess() {
    }

    public static boolean isCanonical(String path, String uri) {
        return GatewayHandler.isCanonical(path, uri);
    }
}
