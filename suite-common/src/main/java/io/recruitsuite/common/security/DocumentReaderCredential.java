package io.recruitsuite.common.security;

import java.nio.file.Path;

/**
 * The search-service's credential towards the candidate-service's document reader
 * ({@code /internal/v1/organizations/{org}/documents}, header {@value #HEADER}), read from {@value #TOKEN_FILE}. It opens those two
 * read-only routes and nothing else (docs/security.md, "Service to service").
 */
public final class DocumentReaderCredential extends SharedSecretCredential {

    public static final String HEADER = "X-Service-Token";
    public static final String TOKEN_FILE = "rs.document-reader.token-file";

    private DocumentReaderCredential(String token) {
        super(HEADER, "service", token);
    }

    public static DocumentReaderCredential fromFile(Path file) {
        return new DocumentReaderCredential(read(file, "document-reader"));
    }
}
