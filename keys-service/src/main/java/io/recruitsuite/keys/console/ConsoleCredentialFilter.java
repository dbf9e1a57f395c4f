package io.recruitsuite.keys.console;

import io.recruitsuite.common.security.ConsoleCredential;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.file.Path;

/** Lets a {@link ConsoleOnly} request through only with the console's credential (401 in the envelope otherwise). */
@Provider
@ConsoleOnly
public class ConsoleCredentialFilter implements ContainerRequestFilter {

    private volatile ConsoleCredential credential;

    @Override
    public void filter(ContainerRequestContext request) {
        // read on first use: JAX-RS providers are built before runtime configuration exists
        if (credential == null) {
            credential = ConsoleCredential.fromFile(ConfigProvider.getConfig().getValue(ConsoleCredential.TOKEN_FILE, Path.class));
        }
        credential.check(request);
    }
}
