package io.recruitsuite.candidate.internal;

import io.recruitsuite.common.security.DocumentReaderCredential;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.file.Path;

/** Lets a {@link DocumentReaderOnly} request through only with the document-reader credential (401 in the envelope otherwise). */
@Provider
@DocumentReaderOnly
public class DocumentReaderFilter implements ContainerRequestFilter {

    private volatile DocumentReaderCredential credential;

    @Override
    public void filter(ContainerRequestContext request) {
        // read on first use: JAX-RS providers are built before runtime configuration exists
        if (credential == null) {
            credential = DocumentReaderCredential.fromFile(
                    ConfigProvider.getConfig().getValue(DocumentReaderCredential.TOKEN_FILE, Path.class));
        }
        credential.check(request);
    }
}
