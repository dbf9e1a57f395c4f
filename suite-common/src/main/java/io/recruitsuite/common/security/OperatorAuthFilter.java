package io.recruitsuite.common.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.file.Path;

/**
 * Guards every {@link OperatorOnly} resource of a service with the operator credential
 * ({@link OperatorCredential}), read from {@code rs.operator.token-file}.
 */
@Provider
@OperatorOnly
public class OperatorAuthFilter implements ContainerRequestFilter {

    public static final String TOKEN_FILE = "rs.operator.token-file";

    private volatile OperatorCredential credential;

    @Override
    public void filter(ContainerRequestContext request) {
        // read on first use, not at construction: JAX-RS providers are built before runtime configuration exists
        if (credential == null) {
            credential = OperatorCredential.fromFile(ConfigProvider.getConfig().getValue(TOKEN_FILE, Path.class));
        }
        credential.check(request);
    }
}
