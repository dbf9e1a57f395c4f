package io.recruitsuite.common.security;

import java.nio.file.Path;

/**
 * The console's credential towards the keys-service's identity lookup ({@code /internal/v1/identities}, header
 * {@value #HEADER}), read from {@value #TOKEN_FILE}: it finds which organization and role a signed-in person has, and
 * opens nothing else. What the console then does for that person goes through the gateway with a dashboard session.
 */
public final class ConsoleCredential extends SharedSecretCredential {

    public static final String HEADER = "X-Console-Token";
    public static final String TOKEN_FILE = "rs.console.token-file";

    private ConsoleCredential(String token) {
        super(HEADER, "console", token);
    }

    public static ConsoleCredential fromFile(Path file) {
        return new ConsoleCredential(read(file, "console"));
    }
}
