package io.recruitsuite.common.security;

import java.nio.file.Path;

/**
 * The operator credential of the administration endpoints ({@value #HEADER}), shared by the services that have
 * such endpoints.
 */
public final class OperatorCredential extends SharedSecretCredential {

    public static final String HEADER = "X-Operator-Token";

    private OperatorCredential(String token) {
        super(HEADER, "operator", token);
    }

    public static OperatorCredential fromFile(Path file) {
        return new OperatorCredential(read(file, "operator"));
    }
}
