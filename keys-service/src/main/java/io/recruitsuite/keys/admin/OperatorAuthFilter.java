package io.recruitsuite.keys.admin;

import io.recruitsuite.common.security.OperatorCredential;
import io.recruitsuite.keys.keys.KeysConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** Guards the operator API with the operator credential ({@link OperatorCredential}). */
@Provider
@OperatorOnly
public class OperatorAuthFilter implements ContainerRequestFilter {

    @Inject
    Instance<KeysConfig> config;

    private volatile OperatorCredential credential;

    @Override
    public void filter(ContainerRequestContext request) {
        // read on first use, not at construction: JAX-RS providers are built before runtime configuration exists
        if (credential == null) {
            credential = OperatorCredential.fromFile(config.get().operatorTokenFile());
        }
        credential.check(request);
    }
}
