package io.recruitsuite.search.reindex;

import io.recruitsuite.common.security.OperatorCredential;
import io.recruitsuite.search.SearchConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** Guards the reindex operation with the operator credential ({@link OperatorCredential}). */
@Provider
@OperatorOnly
public class OperatorAuthFilter implements ContainerRequestFilter {

    @Inject
    Instance<SearchConfig> config;

    private volatile OperatorCredential credential;

    @Override
    public void filter(ContainerRequestContext request) {
        // read on first use, not at construction: JAX-RS providers are built before runtime configuration exists
        if (credential == null) {
            credential = OperatorCredential.fromFile(config.get().reindex().operatorTokenFile());
        }
        credential.check(request);
    }
}
